package vn.truongso.questions.papers;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions a blueprint may draw: those of its banks with a type and level some cell asks for, except archived
 * ones, as light {@link PaperGenerator.Candidate}s (classification columns only, no JSON), in id order so a seed
 * reproduces a draw. When asked, each is flagged as used in a paper of the school created since a date.
 */
@Repository
class QuestionPool {

    private final JdbcClient jdbc;

    QuestionPool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PaperGenerator.Candidate> candidates(UUID schoolId, Collection<UUID> bankIds, Collection<String> types, Collection<String> levels,
            OffsetDateTime usedSince) {
        String recent = usedSince == null ? "false" : """
                EXISTS (SELECT 1 FROM test_paper_item i JOIN test_paper p ON p.school_id = i.school_id AND p.id = i.paper_id
                        WHERE i.school_id = q.school_id AND i.question_id = q.id AND p.created_at >= ?)""";
        String sql = "SELECT q.id, q.type, q.topic_id, q.outcome_id, q.cognitive_level, q.category, q.tags, " + recent + " AS recent"
                + " FROM question q WHERE q.school_id = ? AND q.bank_id = ANY (?) AND q.status <> 'ARCHIVED' AND q.type = ANY (?)"
                + " AND q.cognitive_level = ANY (?) ORDER BY q.id";
        var statement = jdbc.sql(sql);
        Object[] levelsUpper = levels.stream().map(l -> l.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new);
        statement = usedSince == null
                ? statement.params(schoolId, bankIds.toArray(UUID[]::new), types.toArray(String[]::new), levelsUpper)
                : statement.params(usedSince, schoolId, bankIds.toArray(UUID[]::new), types.toArray(String[]::new), levelsUpper);
        return statement.query((rs, n) -> {
            String[] tags = (String[]) rs.getArray("tags").getArray();
            return new PaperGenerator.Candidate(rs.getObject("id", UUID.class), rs.getString("type"), rs.getObject("topic_id", UUID.class),
                    PaperGenerator.Candidate.chapterKeys(rs.getString("category"), Arrays.asList(tags)), rs.getObject("outcome_id", UUID.class),
                    rs.getString("cognitive_level"), rs.getBoolean("recent"));
        }).list();
    }
}
