package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Classes {

    /** A class with what its list pages show: the homeroom teacher's name and the number of students now in it. */
    public record ClassSummary(UUID schoolId, UUID id, UUID schoolYearId, int grade, String name, UUID homeroomStaffId,
            String homeroomTeacher, int studentCount) {
    }

    private static final String SUMMARY = """
            SELECT c.school_id, c.id, c.school_year_id, c.grade, c.name, c.homeroom_staff_id, t.full_name AS homeroom_teacher,
                   (SELECT count(*) FROM enrolment e WHERE e.school_id = c.school_id AND e.class_id = c.id AND e.ends_on IS NULL) AS student_count
            FROM school_class c LEFT JOIN staff t ON t.school_id = c.school_id AND t.id = c.homeroom_staff_id""";

    /** Classes sort as a Vietnamese school lists them: by grade, then 6A2 before 6A10. */
    private static final String ORDER = " ORDER BY c.grade, length(c.name), c.name COLLATE vi_vn";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Classes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<ClassSummary> ofYear(UUID schoolId, UUID schoolYearId) {
        return jdbc.sql(SUMMARY + " WHERE c.school_id = ? AND c.school_year_id = ?" + ORDER).params(schoolId, schoolYearId)
                .query(ClassSummary.class).list();
    }

    public Optional<ClassSummary> find(UUID schoolId, UUID classId) {
        return jdbc.sql(SUMMARY + " WHERE c.school_id = ? AND c.id = ?").params(schoolId, classId).query(ClassSummary.class).optional();
    }

    public Optional<SchoolClass> byName(UUID schoolId, UUID schoolYearId, String name) {
        return jdbc.sql("SELECT * FROM school_class WHERE school_id = ? AND school_year_id = ? AND upper(name) = upper(?)")
                .params(schoolId, schoolYearId, name).query(SchoolClass.class).optional();
    }

    /** The classes a teacher has this year: those she is homeroom teacher of and those she teaches a subject in. */
    public List<ClassSummary> ofTeacher(UUID schoolId, UUID schoolYearId, UUID staffId) {
        return jdbc.sql(SUMMARY + " " + """
                 WHERE c.school_id = :school AND c.school_year_id = :year
                   AND (c.homeroom_staff_id = :staff OR EXISTS (SELECT 1 FROM teaching_assignment a
                        WHERE a.school_id = c.school_id AND a.class_id = c.id AND a.staff_id = :staff))""" + ORDER)
                .param("school", schoolId).param("year", schoolYearId).param("staff", staffId).query(ClassSummary.class).list();
    }

    public void add(SchoolClass schoolClass) {
        jdbc.sql("INSERT INTO school_class (school_id, id, school_year_id, grade, name, homeroom_staff_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(schoolClass.schoolId(), schoolClass.id(), schoolClass.schoolYearId(), schoolClass.grade(), schoolClass.name(),
                        schoolClass.homeroomStaffId())
                .update();
    }

    public void update(SchoolClass schoolClass) {
        jdbc.sql("UPDATE school_class SET grade = ?, name = ?, homeroom_staff_id = ? WHERE school_id = ? AND id = ?")
                .params(schoolClass.grade(), schoolClass.name(), schoolClass.homeroomStaffId(), schoolClass.schoolId(), schoolClass.id())
                .update();
    }

    /** Adds many classes in one batch. */
    public void addAll(List<SchoolClass> schoolClasses) {
        batch.batchUpdate("INSERT INTO school_class (school_id, id, school_year_id, grade, name, homeroom_staff_id) VALUES (?, ?, ?, ?, ?, ?)",
                schoolClasses.stream().map(c -> new Object[] {c.schoolId(), c.id(), c.schoolYearId(), c.grade(), c.name(), c.homeroomStaffId()})
                        .toList());
    }

    /** {@link #update} for many classes in one batch. */
    public void updateAll(List<SchoolClass> schoolClasses) {
        batch.batchUpdate("UPDATE school_class SET grade = ?, name = ?, homeroom_staff_id = ? WHERE school_id = ? AND id = ?",
                schoolClasses.stream().map(c -> new Object[] {c.grade(), c.name(), c.homeroomStaffId(), c.schoolId(), c.id()}).toList());
    }
}
