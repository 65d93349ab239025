package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubjectGroups {

    public record SubjectGroupSummary(UUID id, String name, UUID headStaffId, String headName, int memberCount) {
    }

    private final JdbcClient jdbc;

    SubjectGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SubjectGroupSummary> ofSchool(UUID schoolId) {
        return jdbc.sql("""
                SELECT g.id, g.name, g.head_staff_id, h.full_name AS head_name,
                       (SELECT count(*) FROM staff s WHERE s.school_id = g.school_id AND s.subject_group_id = g.id) AS member_count
                FROM subject_group g LEFT JOIN staff h ON h.school_id = g.school_id AND h.id = g.head_staff_id
                WHERE g.school_id = ? ORDER BY g.name COLLATE vi_vn""").param(schoolId).query(SubjectGroupSummary.class).list();
    }

    public Optional<SubjectGroup> byName(UUID schoolId, String name) {
        return jdbc.sql("SELECT * FROM subject_group WHERE school_id = ? AND lower(name) = lower(?)").params(schoolId, name)
                .query(SubjectGroup.class).optional();
    }

    /** The groups a staff member heads (tổ trưởng). */
    public List<SubjectGroup> headedBy(UUID schoolId, UUID staffId) {
        return jdbc.sql("SELECT * FROM subject_group WHERE school_id = ? AND head_staff_id = ?").params(schoolId, staffId)
                .query(SubjectGroup.class).list();
    }

    public void add(SubjectGroup group) {
        jdbc.sql("INSERT INTO subject_group (school_id, id, name, head_staff_id) VALUES (?, ?, ?, ?)")
                .params(group.schoolId(), group.id(), group.name(), group.headStaffId()).update();
    }

    public void setHead(UUID schoolId, UUID groupId, UUID headStaffId) {
        jdbc.sql("UPDATE subject_group SET head_staff_id = ? WHERE school_id = ? AND id = ?").params(headStaffId, schoolId, groupId).update();
    }
}
