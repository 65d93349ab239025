package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.platform.VietnameseText;

@Repository
public class Students {

    /** A student as lists show her: with the class she is in now, if any. */
    public record StudentListItem(UUID id, String learnerCode, String fullName, java.time.LocalDate birthDate, Sex sex,
            Student.Status status, UUID classId, String className) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Students(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Student> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM student WHERE school_id = ? AND id = ?").params(schoolId, id).query(Student.class).optional();
    }

    public Optional<Student> byLearnerCode(UUID schoolId, String learnerCode) {
        return jdbc.sql("SELECT * FROM student WHERE school_id = ? AND learner_code = ?").params(schoolId, learnerCode)
                .query(Student.class).optional();
    }

    /**
     * Students whose name contains every word typed (diacritics ignored) or whose learner code is the query, in
     * Vietnamese order: given name first, then the whole name.
     */
    public Page<StudentListItem> search(UUID schoolId, UUID schoolYearId, String query, UUID classId, int page, int size) {
        List<String> words = NameSearch.words(query);
        String code = query == null ? "" : query.strip();
        String where = " WHERE s.school_id = :school" + (classId == null ? "" : " AND e.class_id = :class")
                + (words.isEmpty() ? "" : " AND ((true" + NameSearch.condition("s.name_folded", words) + ") OR s.learner_code = :code)");
        String from = """

                 FROM student s
                 LEFT JOIN enrolment e ON e.school_id = s.school_id AND e.student_id = s.id AND e.school_year_id = :year AND e.ends_on IS NULL
                 LEFT JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id""";
        var count = jdbc.sql("SELECT count(*)" + from + where).param("school", schoolId).param("year", schoolYearId);
        var select = jdbc.sql("""
                SELECT s.id, s.learner_code, s.full_name, s.birth_date, s.sex, s.status, c.id AS class_id, c.name AS class_name""" + from + where
                + " ORDER BY s.given_name COLLATE vi_vn, s.full_name COLLATE vi_vn, s.learner_code LIMIT :limit OFFSET :offset")
                .param("school", schoolId).param("year", schoolYearId).param("limit", size).param("offset", (long) page * size);
        for (var statement : List.of(count, select)) {
            if (classId != null) {
                statement.param("class", classId);
            }
            if (!words.isEmpty()) {
                NameSearch.bind(statement, words);
                statement.param("code", code);
            }
        }
        return new Page<>(select.query(StudentListItem.class).list(), page, size, count.query(Long.class).single());
    }

    public List<StudentListItem> ofClass(UUID schoolId, UUID classId) {
        return jdbc.sql("""
                SELECT s.id, s.learner_code, s.full_name, s.birth_date, s.sex, s.status, c.id AS class_id, c.name AS class_name
                FROM enrolment e JOIN student s ON s.school_id = e.school_id AND s.id = e.student_id
                JOIN school_class c ON c.school_id = e.school_id AND c.id = e.class_id
                WHERE e.school_id = ? AND e.class_id = ? AND e.ends_on IS NULL
                ORDER BY s.given_name COLLATE vi_vn, s.full_name COLLATE vi_vn""").params(schoolId, classId).query(StudentListItem.class).list();
    }

    public void add(Student student) {
        jdbc.sql("""
                INSERT INTO student (school_id, id, learner_code, citizen_id, full_name, given_name, name_folded, birth_date, sex,
                                     ethnicity, birthplace, address, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(student.schoolId(), student.id(), student.learnerCode(), student.citizenId(), student.fullName(),
                        VietnameseText.givenName(student.fullName()), VietnameseText.fold(student.fullName()), student.birthDate(),
                        student.sex().name(), student.ethnicity(), student.birthplace(), student.address(), student.status().name())
                .update();
    }

    /** Updates everything but the learner code, which never changes once given. */
    public void update(Student student) {
        jdbc.sql("""
                UPDATE student SET citizen_id = ?, full_name = ?, given_name = ?, name_folded = ?, birth_date = ?, sex = ?, ethnicity = ?,
                                   birthplace = ?, address = ?, status = ?
                WHERE school_id = ? AND id = ?""")
                .params(student.citizenId(), student.fullName(), VietnameseText.givenName(student.fullName()),
                        VietnameseText.fold(student.fullName()), student.birthDate(), student.sex().name(), student.ethnicity(),
                        student.birthplace(), student.address(), student.status().name(), student.schoolId(), student.id())
                .update();
    }

    /** Every student record of the school, whatever her status: what a roster import compares against. */
    public List<Student> all(UUID schoolId) {
        return jdbc.sql("SELECT * FROM student WHERE school_id = ?").param(schoolId).query(Student.class).list();
    }

    /** Adds many students in one batch (a roster import adds a whole school). */
    public void addAll(List<Student> students) {
        batch.batchUpdate("""
                INSERT INTO student (school_id, id, learner_code, citizen_id, full_name, given_name, name_folded, birth_date, sex,
                                     ethnicity, birthplace, address, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", students.stream().map(s -> new Object[] {s.schoolId(), s.id(),
                s.learnerCode(), s.citizenId(), s.fullName(), VietnameseText.givenName(s.fullName()), VietnameseText.fold(s.fullName()),
                s.birthDate(), s.sex().name(), s.ethnicity(), s.birthplace(), s.address(), s.status().name()}).toList());
    }

    /** {@link #update} for many students in one batch; the learner codes stay as they are. */
    public void updateAll(List<Student> students) {
        batch.batchUpdate("""
                UPDATE student SET citizen_id = ?, full_name = ?, given_name = ?, name_folded = ?, birth_date = ?, sex = ?, ethnicity = ?,
                                   birthplace = ?, address = ?, status = ?
                WHERE school_id = ? AND id = ?""", students.stream().map(s -> new Object[] {s.citizenId(), s.fullName(),
                VietnameseText.givenName(s.fullName()), VietnameseText.fold(s.fullName()), s.birthDate(), s.sex().name(), s.ethnicity(),
                s.birthplace(), s.address(), s.status().name(), s.schoolId(), s.id()}).toList());
    }
}
