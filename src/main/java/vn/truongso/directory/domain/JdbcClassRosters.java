package vn.truongso.directory.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.directory.ClassRosters;

/** The directory's class read surface for other modules, over the current school year. */
@Component
class JdbcClassRosters implements ClassRosters {

    private final JdbcClient jdbc;

    JdbcClassRosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
