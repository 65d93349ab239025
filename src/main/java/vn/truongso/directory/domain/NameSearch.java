package vn.truongso.directory.domain;

import java.util.Arrays;
import java.util.List;

import vn.truongso.platform.VietnameseText;

/**
 * Turns what a user typed into the folded words every one of which a name must contain, so "nguyen van an",
 * "Nguyễn Văn An" and "an nguyen" all find Nguyễn Văn An.
 */
final class NameSearch {

    private NameSearch() {
    }

    static List<String> words(String query) {
        String folded = VietnameseText.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).map(NameSearch::escapeLike).limit(6).toList();
    }

    /** "AND name_folded LIKE :w0 AND name_folded LIKE :w1 …" for the given column. */
    static String condition(String column, List<String> words) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND ").append(column).append(" LIKE :w").append(i);
        }
        return sql.toString();
    }

    static void bind(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec statement, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            statement.param("w" + i, "%" + words.get(i) + "%");
        }
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
