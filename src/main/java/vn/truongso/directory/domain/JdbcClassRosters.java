package vn.truongso.directory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.directory.ClassRosters;

/** {@link ClassRosters} over the directory's own tables. */
@Component
class JdbcClassRosters implements ClassRosters {

    private static final String STUDENT_SELECT = """
            SELECT s.id, s.learner_code, s.full_name, e.class_id, c.name AS class_name
            FROM student s
            LEFT JOIN enrolment e ON e.school_id = s.school_id AND e.student_id = s.id AND e.ends_on IS NULL
            LEFT JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
            """;

    private final JdbcClient jdbc;

    JdbcClassRosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClassRef> currentClasses(UUID schoolId) {
        return jdbc.sql("""
                SELECT c.id, c.name, c.grade FROM school_class c
                JOIN school_year y ON y.school_id = c.school_id AND y.id = c.school_year_id AND y.is_current
                WHERE c.school_id = ? ORDER BY c.grade, c.name COLLATE vi_vn""")
                .param(schoolId).query((rs, i) -> new ClassRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
    }

    @Override
    public List<ClassRef> classes(UUID schoolId, Collection<UUID> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, grade FROM school_class WHERE school_id = ? AND id = ANY(?::uuid[]) ORDER BY grade, name COLLATE vi_vn")
                .params(schoolId, uuids(classIds))
                .query((rs, i) -> new ClassRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
    }

    @Override
    public List<StudentInfo> studentsOf(UUID schoolId, Collection<UUID> classIds) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND e.class_id = ANY(?::uuid[]) ORDER BY s.given_name COLLATE vi_vn, s.full_name COLLATE vi_vn")
                .params(schoolId, uuids(classIds)).query(JdbcClassRosters::student).list();
    }

    @Override
    public List<StudentInfo> students(UUID schoolId, Collection<UUID> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STUDENT_SELECT + " WHERE s.school_id = ? AND s.id = ANY(?::uuid[]) ORDER BY s.given_name COLLATE vi_vn, s.full_name COLLATE vi_vn")
                .params(schoolId, uuids(studentIds)).query(JdbcClassRosters::student).list();
    }

    @Override
    public Optional<StudentInfo> student(UUID schoolId, UUID studentId) {
        return students(schoolId, List.of(studentId)).stream().findFirst();
    }

    @Override
    public List<ClassRef> taughtBy(UUID schoolId, UUID staffId) {
        if (staffId == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.name, c.grade FROM school_class c
                JOIN school_year y ON y.school_id = c.school_id AND y.id = c.school_year_id AND y.is_current
                WHERE c.school_id = ? AND (c.homeroom_staff_id = ? OR EXISTS (SELECT 1 FROM teaching_assignment a
                      WHERE a.school_id = c.school_id AND a.class_id = c.id AND a.staff_id = ?))
                ORDER BY c.grade, length(c.name), c.name""").params(schoolId, staffId, staffId).query(ClassRef.class).list();
    }

    @Override
    public List<ClassRef> classesOf(UUID schoolId, UUID studentId) {
        if (studentId == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.name, c.grade FROM enrolment e
                JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
                JOIN school_year y ON y.school_id = e.school_id AND y.id = e.school_year_id AND y.is_current
                WHERE e.school_id = ? AND e.student_id = ? AND e.ends_on IS NULL
                ORDER BY c.grade, c.name""").params(schoolId, studentId).query(ClassRef.class).list();
    }
    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static StudentInfo student(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new StudentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5));
    }
}
