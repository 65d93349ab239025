package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The question_import table: uploaded files waiting for their commit. */
@Repository
public class QuestionImports {

    public record Upload(UUID schoolId, UUID id, UUID bankId, String format, String filename, UUID topicId, String sha256, long sizeBytes,
            int questionCount, int problemCount, UUID uploadedBy, OffsetDateTime createdAt, UUID committedBy, OffsetDateTime committedAt) {
    }

    private final JdbcClient jdbc;

    QuestionImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Upload u) {
        jdbc.sql("""
                INSERT INTO question_import (school_id, id, bank_id, format, filename, topic_id, sha256, size_bytes, question_count,
                                             problem_count, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.schoolId(), u.id(), u.bankId(), u.format(), u.filename(), u.topicId(), u.sha256(), u.sizeBytes(), u.questionCount(),
                        u.problemCount(), u.uploadedBy(), u.createdAt()).update();
    }

    /** Locks the row so two commits of the same upload cannot both store its questions. */
    public Optional<Upload> lock(UUID schoolId, UUID bankId, UUID id) {
        return jdbc.sql("SELECT * FROM question_import WHERE school_id = ? AND bank_id = ? AND id = ? FOR UPDATE").params(schoolId, bankId, id)
                .query(Upload.class).optional();
    }

    public void markCommitted(UUID schoolId, UUID id, UUID by, OffsetDateTime at) {
        jdbc.sql("UPDATE question_import SET committed_by = ?, committed_at = ? WHERE school_id = ? AND id = ?").params(by, at, schoolId, id)
                .update();
    }
}
