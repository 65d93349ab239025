package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.questions.model.Question;

/**
 * The test_paper tables: a paper, its variants with their items in order, and the questions as they were drawn.
 * Variants and items are written with batched statements, so storing 24 variants of 40 questions is a few round trips.
 */
@Repository
class Papers {

    /** A stored paper without its variants. */
    record Header(UUID schoolId, UUID id, UUID blueprintId, String title, String subjectCode, Integer grade, int durationMinutes,
            BigDecimal totalPoints, String mode, long seed, Blueprint blueprint, OffsetDateTime createdAt, List<String> codes) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    Papers(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void insert(Header h, List<PaperGenerator.Variant> variants, Map<UUID, Question> questions, UUID createdBy) {
        jdbc.sql("""
                INSERT INTO test_paper (school_id, id, blueprint_id, title, subject_code, grade, duration_minutes, total_points, mode, seed,
                                        blueprint, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
                .params(h.schoolId(), h.id(), h.blueprintId(), h.title(), h.subjectCode(), h.grade(), h.durationMinutes(), h.totalPoints(),
                        h.mode(), h.seed(), json.writeValueAsString(h.blueprint()), createdBy, h.createdAt())
                .update();
        List<Object[]> variantRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            PaperGenerator.Variant variant = variants.get(v);
            variantRows.add(new Object[] {h.schoolId(), h.id(), variant.code(), v + 1});
            int position = 0;
            for (PaperGenerator.Item item : variant.items()) {
                itemRows.add(new Object[] {h.schoolId(), h.id(), variant.code(), ++position, item.part(), item.questionId(), item.points(),
                        item.optionOrder().toArray(String[]::new)});
            }
        }
        template.batchUpdate("INSERT INTO test_paper_variant (school_id, paper_id, code, position) VALUES (?, ?, ?, ?)", variantRows);
        template.batchUpdate("""
                INSERT INTO test_paper_item (school_id, paper_id, variant_code, position, part, question_id, points, option_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", itemRows);
        List<Object[]> questionRows = new ArrayList<>();
        questions.forEach((id, q) -> questionRows.add(new Object[] {h.schoolId(), h.id(), id, json.writeValueAsString(q)}));
        template.batchUpdate("INSERT INTO test_paper_question (school_id, paper_id, question_id, body) VALUES (?, ?, ?, CAST(? AS jsonb))",
                questionRows);
    }

    List<Header> ofSchool(UUID schoolId) {
        return jdbc.sql(SELECT + " WHERE p.school_id = ? ORDER BY p.created_at DESC, p.id").param(schoolId).query((rs, n) -> header(rs)).list();
    }

    Optional<Header> find(UUID schoolId, UUID id) {
        return jdbc.sql(SELECT + " WHERE p.school_id = ? AND p.id = ?").params(schoolId, id).query((rs, n) -> header(rs)).optional();
    }

    /** The variants of a paper in their order, each with its items in paper order. */
    List<PaperGenerator.Variant> variants(UUID schoolId, UUID paperId) {
        Map<String, List<PaperGenerator.Item>> byCode = new LinkedHashMap<>();
        jdbc.sql("SELECT code FROM test_paper_variant WHERE school_id = ? AND paper_id = ? ORDER BY position").params(schoolId, paperId)
                .query(String.class).list().forEach(code -> byCode.put(code, new ArrayList<>()));
        jdbc.sql("""
                SELECT i.variant_code, i.part, i.question_id, i.points, i.option_order, q.body ->> 'type' AS type
                FROM test_paper_item i
                LEFT JOIN test_paper_question q ON q.school_id = i.school_id AND q.paper_id = i.paper_id AND q.question_id = i.question_id
                WHERE i.school_id = ? AND i.paper_id = ? ORDER BY i.variant_code, i.position""")
                .params(schoolId, paperId).query((rs, n) -> {
                    String[] order = (String[]) rs.getArray("option_order").getArray();
                    byCode.get(rs.getString("variant_code")).add(new PaperGenerator.Item(rs.getObject("question_id", UUID.class), rs.getInt("part"),
                            rs.getString("type"), rs.getBigDecimal("points").stripTrailingZeros(), Arrays.asList(order)));
                    return null;
                }).list();
        List<PaperGenerator.Variant> variants = new ArrayList<>();
        byCode.forEach((code, items) -> variants.add(new PaperGenerator.Variant(code, items)));
        return variants;
    }

    /** The questions of a paper as they were drawn. */
    Map<UUID, Question> questions(UUID schoolId, UUID paperId) {
        Map<UUID, Question> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, body FROM test_paper_question WHERE school_id = ? AND paper_id = ?").params(schoolId, paperId)
                .query((rs, n) -> byId.put(rs.getObject("question_id", UUID.class), json.readValue(rs.getString("body"), Question.class))).list();
        return byId;
    }

    void delete(UUID schoolId, UUID id) {
        jdbc.sql("DELETE FROM test_paper WHERE school_id = ? AND id = ?").params(schoolId, id).update();
    }

    /** Which of these questions appear in a paper of the school created since {@code since}. */
    Set<UUID> usedSince(UUID schoolId, OffsetDateTime since) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT i.question_id FROM test_paper_item i
                JOIN test_paper p ON p.school_id = i.school_id AND p.id = i.paper_id
                WHERE i.school_id = ? AND p.created_at >= ?""").params(schoolId, since).query(UUID.class).list());
    }

    private static final String SELECT = """
            SELECT p.*, ARRAY(SELECT v.code FROM test_paper_variant v WHERE v.school_id = p.school_id AND v.paper_id = p.id
                              ORDER BY v.position) AS codes
            FROM test_paper p""";

    private Header header(ResultSet rs) throws SQLException {
        int g = rs.getInt("grade");
        Integer grade = rs.wasNull() ? null : g;
        return new Header(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("blueprint_id", UUID.class),
                rs.getString("title"), rs.getString("subject_code"), grade, rs.getInt("duration_minutes"),
                rs.getBigDecimal("total_points").stripTrailingZeros(), rs.getString("mode"), rs.getLong("seed"),
                json.readValue(rs.getString("blueprint"), Blueprint.class), rs.getObject("created_at", OffsetDateTime.class),
                Arrays.asList((String[]) rs.getArray("codes").getArray()));
    }

}
