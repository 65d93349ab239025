package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeachingAssignments {

    public record AssignmentView(UUID id, UUID staffId, String teacherName, String subjectCode, UUID classId, String className, int grade) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TeachingAssignments(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String VIEW = """
            SELECT a.id, a.staff_id, t.full_name AS teacher_name, a.subject_code, a.class_id, c.name AS class_name, c.grade
            FROM teaching_assignment a
            JOIN staff t ON t.school_id = a.school_id AND t.id = a.staff_id
            JOIN school_class c ON c.school_id = a.school_id AND c.id = a.class_id""";

    public List<AssignmentView> ofYear(UUID schoolId, UUID schoolYearId) {
        return jdbc.sql(VIEW + " WHERE a.school_id = ? AND a.school_year_id = ? ORDER BY c.grade, length(c.name), c.name, a.subject_code")
                .params(schoolId, schoolYearId).query(AssignmentView.class).list();
    }

    public List<AssignmentView> ofTeacher(UUID schoolId, UUID schoolYearId, UUID staffId) {
        return jdbc.sql(VIEW + " WHERE a.school_id = ? AND a.school_year_id = ? AND a.staff_id = ? ORDER BY c.grade, length(c.name), c.name")
                .params(schoolId, schoolYearId, staffId).query(AssignmentView.class).list();
    }

    public List<AssignmentView> ofClass(UUID schoolId, UUID classId) {
        return jdbc.sql(VIEW + " WHERE a.school_id = ? AND a.class_id = ? ORDER BY a.subject_code").params(schoolId, classId)
                .query(AssignmentView.class).list();
    }

    public Optional<TeachingAssignment> find(UUID schoolId, UUID schoolYearId, UUID classId, String subjectCode) {
        return jdbc.sql("SELECT * FROM teaching_assignment WHERE school_id = ? AND school_year_id = ? AND class_id = ? AND subject_code = ?")
                .params(schoolId, schoolYearId, classId, subjectCode).query(TeachingAssignment.class).optional();
    }

    /** Assigns the teacher of a subject in a class, replacing whoever taught it before. */
    public void assign(TeachingAssignment assignment) {
        jdbc.sql("""
                INSERT INTO teaching_assignment (school_id, id, school_year_id, staff_id, subject_code, class_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, school_year_id, class_id, subject_code) DO UPDATE SET staff_id = EXCLUDED.staff_id""")
                .params(assignment.schoolId(), assignment.id(), assignment.schoolYearId(), assignment.staffId(), assignment.subjectCode(),
                        assignment.classId())
                .update();
    }

    /** {@link #assign} for many assignments in one batch. */
    public void assignAll(List<TeachingAssignment> assignments) {
        batch.batchUpdate("""
                INSERT INTO teaching_assignment (school_id, id, school_year_id, staff_id, subject_code, class_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, school_year_id, class_id, subject_code) DO UPDATE SET staff_id = EXCLUDED.staff_id""",
                assignments.stream().map(a -> new Object[] {a.schoolId(), a.id(), a.schoolYearId(), a.staffId(), a.subjectCode(), a.classId()})
                        .toList());
    }
}
