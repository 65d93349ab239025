package vn.truongso.questions.papers;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions a blueprint may draw: those of its banks with a type and level some cell asks for, except archived
 * ones (and those of an archived bank), as light {@link PaperGenerator.Candidate}s (classification columns only, no JSON), in id order so a seed
 * reproduces a draw. When asked, each is flagged as used in a paper of the school created since a date.
 */
@Repository
class QuestionPool {

    private final JdbcClient jdbc;

    QuestionPool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PaperGenerator.Candidate> candidates(UUID schoolId, Collection<UUID> bankIds, Collection<BlueprintCell> cells, OffsetDateTime usedSince) {
        // Only the (type, level) pairs some cell asks for, and only the cells' topics when every cell names one.
        Object[] pairs = cells.stream().map(c -> c.type() + "|" + c.level().toUpperCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
        boolean byTopic = !cells.isEmpty() && cells.stream().allMatch(c -> c.topicId() != null);
        Object[] topics = cells.stream().map(BlueprintCell::topicId).filter(java.util.Objects::nonNull).distinct().toArray(UUID[]::new);
        String recent = usedSince == null ? "false" : """
                EXISTS (SELECT 1 FROM test_paper_item i JOIN test_paper p ON p.school_id = i.school_id AND p.id = i.paper_id
                        WHERE i.school_id = q.school_id AND i.question_id = q.id AND p.created_at >= ?)""";
        String sql = "SELECT q.id, q.type, q.topic_id, q.outcome_id, q.cognitive_level, q.category, q.tags, " + recent + " AS recent"
                + " FROM question q JOIN question_bank b ON b.school_id = q.school_id AND b.id = q.bank_id AND b.status <> 'ARCHIVED'"
                + " WHERE q.school_id = ? AND q.bank_id = ANY (?) AND q.status <> 'ARCHIVED'"
                + " AND q.type || '|' || q.cognitive_level = ANY (?)" + (byTopic ? " AND q.topic_id = ANY (?)" : "") + " ORDER BY q.id";
        List<Object> params = new ArrayList<>();
        if (usedSince != null) {
            params.add(usedSince);
        }
        params.add(schoolId);
        params.add(bankIds.toArray(UUID[]::new));
        params.add(pairs);
        if (byTopic) {
            params.add(topics);
        }
        var statement = jdbc.sql(sql).params(params);
        // A bank has few distinct categories and tag sets: fold each once.
        Map<List<String>, Set<String>> keys = new HashMap<>();
        return statement.query((rs, n) -> {
            String[] tags = (String[]) rs.getArray("tags").getArray();
            String category = rs.getString("category");
            List<String> key = new ArrayList<>(tags.length + 1);
            key.add(category);
            key.addAll(Arrays.asList(tags));
            Set<String> chapterKeys = keys.computeIfAbsent(key, k -> PaperGenerator.Candidate.chapterKeys(category, Arrays.asList(tags)));
            return new PaperGenerator.Candidate(rs.getObject("id", UUID.class), rs.getString("type"), rs.getObject("topic_id", UUID.class),
                    chapterKeys, rs.getObject("outcome_id", UUID.class), rs.getString("cognitive_level"), rs.getBoolean("recent"));
        }).list();
    }
}
