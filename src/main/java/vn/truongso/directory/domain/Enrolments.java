package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.platform.Ids;

@Repository
public class Enrolments {

    public record EnrolmentView(UUID id, UUID schoolYearId, int startYear, UUID classId, String className, LocalDate startsOn,
            LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Enrolments(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<EnrolmentView> ofStudent(UUID schoolId, UUID studentId) {
        return jdbc.sql("""
                SELECT e.id, e.school_year_id, y.start_year, e.class_id, c.name AS class_name, e.starts_on, e.ends_on
                FROM enrolment e JOIN school_year y ON y.school_id = e.school_id AND y.id = e.school_year_id
                JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
                WHERE e.school_id = ? AND e.student_id = ? ORDER BY e.starts_on DESC""").params(schoolId, studentId)
                .query(EnrolmentView.class).list();
    }

    public Optional<UUID> openClass(UUID schoolId, UUID studentId, UUID schoolYearId) {
        return jdbc.sql("SELECT class_id FROM enrolment WHERE school_id = ? AND student_id = ? AND school_year_id = ? AND ends_on IS NULL")
                .params(schoolId, studentId, schoolYearId).query(UUID.class).optional();
    }

    /** Puts the student in the class; an open enrolment in another class of the year closes the day before. */
    public void enrol(UUID schoolId, UUID studentId, UUID schoolYearId, UUID classId, LocalDate startsOn) {
        Optional<UUID> current = openClass(schoolId, studentId, schoolYearId);
        if (current.isPresent() && current.get().equals(classId)) {
            return;
        }
        if (current.isPresent()) {
            close(schoolId, studentId, schoolYearId, startsOn.minusDays(1));
        }
        jdbc.sql("INSERT INTO enrolment (school_id, id, student_id, school_year_id, class_id, starts_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(schoolId, Ids.newId(), studentId, schoolYearId, classId, startsOn).update();
    }

    public void close(UUID schoolId, UUID studentId, UUID schoolYearId, LocalDate endsOn) {
        jdbc.sql("""
                UPDATE enrolment SET ends_on = GREATEST(?, starts_on)
                WHERE school_id = ? AND student_id = ? AND school_year_id = ? AND ends_on IS NULL""")
                .params(endsOn, schoolId, studentId, schoolYearId).update();
    }

    /** Where a student is now in a school year. */
    public record Placement(UUID studentId, UUID classId) {
    }

    /** The open enrolments of a school year: which class every student is in now. */
    public List<Placement> openInYear(UUID schoolId, UUID schoolYearId) {
        return jdbc.sql("SELECT student_id, class_id FROM enrolment WHERE school_id = ? AND school_year_id = ? AND ends_on IS NULL")
                .params(schoolId, schoolYearId).query(Placement.class).list();
    }

    /**
     * {@link #enrol} for many students in one batch: an open enrolment in another class of the year closes the day
     * before {@code startsOn}; a student already in the class is left as she is.
     */
    public void enrolAll(UUID schoolId, UUID schoolYearId, List<Placement> placements, LocalDate startsOn) {
        batch.batchUpdate("""
                UPDATE enrolment SET ends_on = GREATEST(?, starts_on)
                WHERE school_id = ? AND student_id = ? AND school_year_id = ? AND ends_on IS NULL AND class_id <> ?""",
                placements.stream().map(p -> new Object[] {startsOn.minusDays(1), schoolId, p.studentId(), schoolYearId, p.classId()}).toList());
        batch.batchUpdate("""
                INSERT INTO enrolment (school_id, id, student_id, school_year_id, class_id, starts_on)
                SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM enrolment
                    WHERE school_id = ? AND student_id = ? AND school_year_id = ? AND ends_on IS NULL)""",
                placements.stream().map(p -> new Object[] {schoolId, Ids.newId(), p.studentId(), schoolYearId, p.classId(), startsOn,
                        schoolId, p.studentId(), schoolYearId}).toList());
    }
}
