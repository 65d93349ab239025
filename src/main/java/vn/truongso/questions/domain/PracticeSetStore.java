package vn.truongso.questions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.questions.PracticeSets;

/** The practice_set tables: sets, their questions and classes, and students' results per question. */
@Repository
public class PracticeSetStore implements PracticeSets {

    /** A set as the teacher's list shows it. */
    public record Listed(UUID id, String title, LocalDate publishOn, LocalDate dueOn, long questionCount, String classNames, UUID createdBy) {
    }

    /** A student's result for one question. */
    public record Result(UUID questionId, BigDecimal lastPoints, BigDecimal bestPoints, int attempts) {
    }

    /** A student's standing on a set: how many questions she answered, and the sums of her last and best points. */
    public record StudentResult(UUID studentId, String fullName, String className, int answered, BigDecimal lastPoints, BigDecimal bestPoints) {
    }

    private final JdbcClient jdbc;

    PracticeSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID schoolId, UUID id, String title, String description, UUID bankId, LocalDate publishOn, LocalDate dueOn,
            List<UUID> questionIds, Collection<UUID> classIds, UUID createdBy, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO practice_set (school_id, id, title, description, bank_id, publish_on, due_on, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, id, title, description, bankId, publishOn, dueOn, createdBy, now, now).update();
        int position = 1;
        for (UUID q : questionIds) {
            jdbc.sql("INSERT INTO practice_set_question (school_id, set_id, question_id, position) VALUES (?, ?, ?, ?)")
                    .params(schoolId, id, q, position++).update();
        }
        for (UUID c : classIds) {
            jdbc.sql("INSERT INTO practice_set_class (school_id, set_id, class_id) VALUES (?, ?, ?)").params(schoolId, id, c).update();
        }
    }

    public List<Listed> ofSchool(UUID schoolId) {
        return jdbc.sql("""
                SELECT s.id, s.title, s.publish_on, s.due_on,
                       (SELECT count(*) FROM practice_set_question q WHERE q.school_id = s.school_id AND q.set_id = s.id) AS question_count,
                       (SELECT string_agg(c.name, ', ' ORDER BY c.grade, c.name) FROM practice_set_class sc
                          JOIN school_class c ON c.school_id = sc.school_id AND c.id = sc.class_id
                         WHERE sc.school_id = s.school_id AND sc.set_id = s.id) AS class_names,
                       s.created_by
                FROM practice_set s WHERE s.school_id = ? ORDER BY s.publish_on DESC, s.title COLLATE vi_vn""")
                .param(schoolId).query(Listed.class).list();
    }

    /** The sets assigned to any of these classes and published on or before {@code today}. */
    public List<Listed> publishedTo(UUID schoolId, Collection<UUID> classIds, LocalDate today) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id, s.title, s.publish_on, s.due_on,
                       (SELECT count(*) FROM practice_set_question q WHERE q.school_id = s.school_id AND q.set_id = s.id) AS question_count,
                       '' AS class_names, s.created_by
                FROM practice_set s
                WHERE s.school_id = ? AND s.publish_on <= ?
                  AND EXISTS (SELECT 1 FROM practice_set_class sc WHERE sc.school_id = s.school_id AND sc.set_id = s.id AND sc.class_id = ANY (?))
                ORDER BY s.due_on NULLS LAST, s.publish_on DESC""")
                .params(schoolId, today, classIds.toArray(UUID[]::new)).query(Listed.class).list();
    }

    @Override
    public Optional<PracticeSet> find(UUID schoolId, UUID setId) {
        return jdbc.sql("SELECT title, publish_on, due_on FROM practice_set WHERE school_id = ? AND id = ?").params(schoolId, setId)
                .query((rs, n) -> new PracticeSet(schoolId, setId, rs.getString("title"), rs.getObject("publish_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        jdbc.sql("SELECT question_id FROM practice_set_question WHERE school_id = ? AND set_id = ? ORDER BY position")
                                .params(schoolId, setId).query(UUID.class).list(),
                        jdbc.sql("SELECT class_id FROM practice_set_class WHERE school_id = ? AND set_id = ?").params(schoolId, setId)
                                .query(UUID.class).list()))
                .optional();
    }

    @Override
    public void recordResult(UUID schoolId, UUID setId, UUID studentId, UUID questionId, BigDecimal points) {
        jdbc.sql("""
                INSERT INTO practice_result (school_id, set_id, student_id, question_id, last_points, best_points, attempts, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, now())
                ON CONFLICT (school_id, set_id, student_id, question_id) DO UPDATE SET last_points = EXCLUDED.last_points,
                    best_points = greatest(practice_result.best_points, EXCLUDED.best_points), attempts = practice_result.attempts + 1,
                    answered_at = EXCLUDED.answered_at""")
                .params(schoolId, setId, studentId, questionId, points, points).update();
    }

    public List<Result> results(UUID schoolId, UUID setId, UUID studentId) {
        return jdbc.sql("""
                SELECT question_id, last_points, best_points, attempts FROM practice_result
                WHERE school_id = ? AND set_id = ? AND student_id = ?""").params(schoolId, setId, studentId).query(Result.class).list();
    }

    /** Every student now enrolled in the set's classes, with her results (none yet: zero answered). */
    public List<StudentResult> classResults(UUID schoolId, UUID setId) {
        return jdbc.sql("""
                SELECT st.id AS student_id, st.full_name, c.name AS class_name, count(r.question_id) AS answered,
                       coalesce(sum(r.last_points), 0) AS last_points, coalesce(sum(r.best_points), 0) AS best_points
                FROM practice_set_class sc
                JOIN school_class c ON c.school_id = sc.school_id AND c.id = sc.class_id
                JOIN enrolment e ON e.school_id = sc.school_id AND e.class_id = sc.class_id AND e.ends_on IS NULL
                JOIN student st ON st.school_id = e.school_id AND st.id = e.student_id
                LEFT JOIN practice_result r ON r.school_id = sc.school_id AND r.set_id = sc.set_id AND r.student_id = st.id
                WHERE sc.school_id = ? AND sc.set_id = ?
                GROUP BY st.id, st.full_name, st.given_name, c.name, c.grade
                ORDER BY c.grade, c.name, st.given_name COLLATE vi_vn, st.full_name COLLATE vi_vn""")
                .params(schoolId, setId).query(StudentResult.class).list();
    }

    /** Whether a question of a set published to one of these classes refers to the blob. */
    public boolean publishedQuestionRefersToBlob(UUID schoolId, Collection<UUID> classIds, LocalDate today, String sha256) {
        if (classIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM practice_set s
                  JOIN practice_set_class sc ON sc.school_id = s.school_id AND sc.set_id = s.id AND sc.class_id = ANY (?)
                  JOIN practice_set_question sq ON sq.school_id = s.school_id AND sq.set_id = s.id
                  JOIN question q ON q.school_id = sq.school_id AND q.id = sq.question_id
                  WHERE s.school_id = ? AND s.publish_on <= ? AND strpos(q.body::text, ?) > 0)""")
                .params(classIds.toArray(UUID[]::new), schoolId, today, "blob:" + sha256).query(Boolean.class).single();
    }
}
