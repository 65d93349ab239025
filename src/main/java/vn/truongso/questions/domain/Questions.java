package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Question;

/** The question table: the definition as JSON, the classification in columns for search and blueprints. */
@Repository
public class Questions {

    public record Page(List<StoredQuestion> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Questions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public int nextPosition(UUID schoolId, UUID bankId) {
        return jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM question WHERE school_id = ? AND bank_id = ?").params(schoolId, bankId)
                .query(Integer.class).single();
    }

    public void insert(UUID schoolId, UUID id, UUID bankId, int position, Question q, UUID importId, UUID createdBy, OffsetDateTime now) {
        Classification c = q.classification();
        jdbc.sql("""
                INSERT INTO question (school_id, id, bank_id, position, type, title, stem, points, body, subject_code, grade, topic_id,
                                      outcome_id, cognitive_scheme, cognitive_level, difficulty, source, category, tags, search_key,
                                      import_id, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, id, bankId, position, q.type(), q.title(), q.stem().text(), q.points(), json.writeValueAsString(q),
                        c.subjectCode(), c.grade(), c.topicId(), c.outcomeId(), c.cognitiveScheme(), c.cognitiveLevel(), c.difficulty(),
                        c.source(), q.category(), c.tags().toArray(String[]::new),
                        VietnameseText.fold((q.title() == null ? "" : q.title() + " ") + q.stem().text()), importId, createdBy, now, now)
                .update();
    }

    /** Replaces a question's classification (in its columns and in its JSON body). */
    public void reclassify(UUID schoolId, UUID id, Question q, OffsetDateTime now) {
        Classification c = q.classification();
        jdbc.sql("""
                UPDATE question SET body = CAST(? AS jsonb), subject_code = ?, grade = ?, topic_id = ?, outcome_id = ?, cognitive_scheme = ?,
                                    cognitive_level = ?, difficulty = ?, source = ?, tags = ?, updated_at = ?
                WHERE school_id = ? AND id = ?""")
                .params(json.writeValueAsString(q), c.subjectCode(), c.grade(), c.topicId(), c.outcomeId(), c.cognitiveScheme(),
                        c.cognitiveLevel(), c.difficulty(), c.source(), c.tags().toArray(String[]::new), now, schoolId, id)
                .update();
    }

    /** Replaces a question's whole definition (type, text, points, answers, classification) and its search columns. */
    public void replace(UUID schoolId, UUID id, Question q, OffsetDateTime now) {
        Classification c = q.classification();
        jdbc.sql("""
                UPDATE question SET type = ?, title = ?, stem = ?, points = ?, body = CAST(? AS jsonb), subject_code = ?, grade = ?, topic_id = ?,
                                    outcome_id = ?, cognitive_scheme = ?, cognitive_level = ?, difficulty = ?, source = ?, category = ?, tags = ?,
                                    search_key = ?, updated_at = ?
                WHERE school_id = ? AND id = ?""")
                .params(q.type(), q.title(), q.stem().text(), q.points(), json.writeValueAsString(q), c.subjectCode(), c.grade(), c.topicId(),
                        c.outcomeId(), c.cognitiveScheme(), c.cognitiveLevel(), c.difficulty(), c.source(), q.category(),
                        c.tags().toArray(String[]::new), VietnameseText.fold((q.title() == null ? "" : q.title() + " ") + q.stem().text()), now,
                        schoolId, id)
                .update();
    }

    public void setStatus(UUID schoolId, UUID id, String status, OffsetDateTime now) {
        jdbc.sql("UPDATE question SET status = ?, updated_at = ? WHERE school_id = ? AND id = ?").params(status, now, schoolId, id).update();
    }

    /** Sets the status of every question of a bank except the archived ones (the bank's appraisal moves them together). */
    public int setStatusOfBank(UUID schoolId, UUID bankId, String status, OffsetDateTime now) {
        return jdbc.sql("UPDATE question SET status = ?, updated_at = ? WHERE school_id = ? AND bank_id = ? AND status <> 'ARCHIVED'")
                .params(status, now, schoolId, bankId).update();
    }

    /** Whether a stored question of the school refers to this blob (an image or audio file in its text). */
    public boolean refersToBlob(UUID schoolId, String sha256) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM question WHERE school_id = ? AND strpos(body::text, ?) > 0)")
                .params(schoolId, "blob:" + sha256).query(Boolean.class).single();
    }

    public Optional<StoredQuestion> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT id, bank_id, position, status, body FROM question WHERE school_id = ? AND id = ?").params(schoolId, id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The bank's questions in use (archived ones left out), in bank order. */
    public List<StoredQuestion> ofBank(UUID schoolId, UUID bankId) {
        return jdbc.sql("""
                SELECT id, bank_id, position, status, body FROM question WHERE school_id = ? AND bank_id = ? AND status <> 'ARCHIVED'
                ORDER BY position, id""")
                .params(schoolId, bankId).query((rs, n) -> row(rs)).list();
    }

    /** The school's questions with these ids, in one query. */
    public List<StoredQuestion> findAll(UUID schoolId, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, bank_id, position, status, body FROM question WHERE school_id = ? AND id = ANY (?)")
                .params(schoolId, ids.toArray(UUID[]::new)).query((rs, n) -> row(rs)).list();
    }

    public Page search(UUID schoolId, QuestionFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE school_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(schoolId);
        add(where, params, "bank_id = ?", f.bankId());
        add(where, params, "type = ?", f.type());
        add(where, params, "subject_code = ?", f.subjectCode());
        add(where, params, "grade = ?", f.grade());
        add(where, params, "topic_id = ?", f.topicId());
        add(where, params, "outcome_id = ?", f.outcomeId());
        add(where, params, "cognitive_level = ?", f.cognitiveLevel());
        add(where, params, "difficulty = ?", f.difficulty());
        if ("ACTIVE".equals(f.status())) {
            where.append(" AND status <> 'ARCHIVED'");
        } else {
            add(where, params, "status = ?", f.status());
        }
        add(where, params, "? = ANY (tags)", f.tag());
        if (f.text() != null && !f.text().isBlank()) {
            add(where, params, "search_key LIKE ?", "%" + VietnameseText.fold(f.text()).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM question" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<StoredQuestion> items = jdbc.sql("SELECT id, bank_id, position, status, body FROM question" + where
                + " ORDER BY bank_id, position, id LIMIT ? OFFSET ?").params(pageParams).query((rs, n) -> row(rs)).list();
        return new Page(items, page, size, total);
    }

    private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private StoredQuestion row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredQuestion(rs.getObject("id", UUID.class), rs.getObject("bank_id", UUID.class), rs.getInt("position"),
                rs.getString("status"), json.readValue(rs.getString("body"), Question.class));
    }
}
