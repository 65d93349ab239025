package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The question_bank table. */
@Repository
public class Banks {

    private static final String SELECT = """
            SELECT b.school_id, b.id, b.name, b.description, b.subject_code, b.grade, b.subject_group_id, b.cognitive_scheme, b.status,
                   b.created_at, b.updated_at,
                   (SELECT count(*) FROM question q WHERE q.school_id = b.school_id AND q.bank_id = b.id AND q.status <> 'ARCHIVED')
                       AS question_count, b.material_id
            FROM question_bank b""";

    private final JdbcClient jdbc;

    Banks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Bank> ofSchool(UUID schoolId) {
        return jdbc.sql(SELECT + " WHERE b.school_id = ? ORDER BY b.name COLLATE vi_vn, b.id").param(schoolId).query(Bank.class).list();
    }

    public Optional<Bank> find(UUID schoolId, UUID id) {
        return jdbc.sql(SELECT + " WHERE b.school_id = ? AND b.id = ?").params(schoolId, id).query(Bank.class).optional();
    }

    public void insert(UUID schoolId, UUID id, BankInput in, UUID createdBy, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO question_bank (school_id, id, name, description, subject_code, grade, subject_group_id, cognitive_scheme,
                                           created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, id, in.name(), in.description(), in.subjectCode(), in.grade(), in.subjectGroupId(), in.cognitiveScheme(),
                        createdBy, now, now).update();
    }

    public void update(UUID schoolId, UUID id, BankInput in, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE question_bank SET name = ?, description = ?, subject_code = ?, grade = ?, subject_group_id = ?, cognitive_scheme = ?,
                                         updated_at = ?
                WHERE school_id = ? AND id = ?""")
                .params(in.name(), in.description(), in.subjectCode(), in.grade(), in.subjectGroupId(), in.cognitiveScheme(), now, schoolId, id)
                .update();
    }

    public Optional<Bank> ofMaterial(UUID schoolId, UUID materialId) {
        return jdbc.sql(SELECT + " WHERE b.school_id = ? AND b.material_id = ?").params(schoolId, materialId).query(Bank.class).optional();
    }

    /** The banks linked to any of these materials (each given as its school and id), in one query, by name. */
    public List<Bank> ofMaterials(List<UUID> schoolIds, List<UUID> materialIds) {
        if (materialIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " JOIN unnest(?::uuid[], ?::uuid[]) AS m(school_id, material_id)"
                        + " ON b.school_id = m.school_id AND b.material_id = m.material_id ORDER BY b.name COLLATE vi_vn, b.id")
                .params(schoolIds.toArray(UUID[]::new), materialIds.toArray(UUID[]::new)).query(Bank.class).list();
    }

    public void linkMaterial(UUID schoolId, UUID id, UUID materialId) {
        jdbc.sql("UPDATE question_bank SET material_id = ? WHERE school_id = ? AND id = ?").params(materialId, schoolId, id).update();
    }

    public void setStatus(UUID schoolId, UUID id, String status, OffsetDateTime now) {
        jdbc.sql("UPDATE question_bank SET status = ?, updated_at = ? WHERE school_id = ? AND id = ?").params(status, now, schoolId, id).update();
    }

    public void delete(UUID schoolId, UUID id) {
        jdbc.sql("DELETE FROM question_bank WHERE school_id = ? AND id = ?").params(schoolId, id).update();
    }

    public boolean subjectGroupExists(UUID schoolId, UUID groupId) {
        return jdbc.sql("SELECT count(*) FROM subject_group WHERE school_id = ? AND id = ?").params(schoolId, groupId).query(Long.class)
                .single() > 0;
    }
}
