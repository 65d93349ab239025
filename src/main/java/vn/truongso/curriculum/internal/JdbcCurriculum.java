package vn.truongso.curriculum.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.curriculum.AssessmentMode;
import vn.truongso.curriculum.CognitiveLevel;
import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.RequiredOutcome;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.SubjectOfGrade;
import vn.truongso.curriculum.Topic;

/**
 * The curriculum read from the database on every call. The reference data is small (a few dozen subjects), and
 * reading it each time keeps every instance of the application consistent after an edit, with no cache to expire.
 */
@Service
@Transactional(readOnly = true)
class JdbcCurriculum implements Curriculum {

    private static final String SUBJECT_GRADES = """
            SELECT s.code AS subject_code, s.name_vi AS subject_name_vi, s.name_en AS subject_name_en, sg.grade,
                   coalesce(sg.name_vi, s.name_vi) AS name_vi, coalesce(sg.name_en, s.name_en) AS name_en,
                   sg.periods_per_year, sg.compulsory, sg.assessment_mode
            FROM subject s LEFT JOIN subject_grade sg ON sg.subject_code = s.code""";

    private final JdbcClient jdbc;

    JdbcCurriculum(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Subject> subjects() {
        return assemble(jdbc.sql(SUBJECT_GRADES + " ORDER BY s.position, s.code, sg.grade").query(SubjectGradeRow::of).list());
    }

    @Override
    public List<SubjectOfGrade> subjectsOfGrade(int grade) {
        return jdbc.sql(SUBJECT_GRADES + " WHERE sg.grade = ? ORDER BY sg.compulsory DESC, s.position, s.code").param(grade)
                .query(SubjectGradeRow::of).list().stream().map(SubjectGradeRow::inGrade).toList();
    }

    @Override
    public Optional<Subject> subject(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var rows = jdbc.sql(SUBJECT_GRADES + " WHERE s.code = ? ORDER BY sg.grade").param(code.strip().toUpperCase(Locale.ROOT))
                .query(SubjectGradeRow::of).list();
        return assemble(rows).stream().findFirst();
    }

    @Override
    public Optional<SubjectOfGrade> subjectOfGrade(String code, int grade) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SUBJECT_GRADES + " WHERE s.code = ? AND sg.grade = ?").params(code.strip().toUpperCase(Locale.ROOT), grade)
                .query(SubjectGradeRow::of).optional().map(SubjectGradeRow::inGrade);
    }

    @Override
    public Optional<String> codeForName(String vietnameseName) {
        if (vietnameseName == null || vietnameseName.isBlank()) {
            return Optional.empty();
        }
        return names().codeFor(vietnameseName);
    }

    /** Every name, grade-specific name, alias and code of every subject. */
    SubjectNames names() {
        var names = new SubjectNames();
        jdbc.sql("""
                SELECT code, name_vi FROM subject
                UNION SELECT subject_code, name_vi FROM subject_grade WHERE name_vi IS NOT NULL
                UNION SELECT subject_code, name_vi FROM subject_alias
                UNION SELECT code, code FROM subject""")
                .query((rs, n) -> names.add(rs.getString("name_vi"), rs.getString("code"))).list();
        return names;
    }

    @Override
    public List<Topic> topics(String subjectCode, int grade) {
        if (subjectCode == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, subject_code, grade, code, title, position FROM topic
                WHERE subject_code = ? AND grade = ? ORDER BY position, code""")
                .params(subjectCode.strip().toUpperCase(Locale.ROOT), grade).query(Topic.class).list();
    }

    @Override
    public Optional<Topic> topic(UUID topicId) {
        return jdbc.sql("SELECT id, subject_code, grade, code, title, position FROM topic WHERE id = ?").param(topicId)
                .query(Topic.class).optional();
    }

    @Override
    public List<RequiredOutcome> outcomes(UUID topicId) {
        return jdbc.sql("SELECT id, topic_id, code, text, position FROM required_outcome WHERE topic_id = ? ORDER BY position, code")
                .param(topicId).query(RequiredOutcome.class).list();
    }

    /** The outcomes of many topics at once, keyed by topic id. */
    Map<UUID, List<RequiredOutcome>> outcomesOf(List<UUID> topicIds) {
        Map<UUID, List<RequiredOutcome>> byTopic = new LinkedHashMap<>();
        topicIds.forEach(id -> byTopic.put(id, new ArrayList<>()));
        if (topicIds.isEmpty()) {
            return byTopic;
        }
        jdbc.sql("""
                SELECT id, topic_id, code, text, position FROM required_outcome
                WHERE topic_id = ANY (?) ORDER BY topic_id, position, code""")
                .param(topicIds.toArray(UUID[]::new)).query(RequiredOutcome.class).list()
                .forEach(outcome -> byTopic.get(outcome.topicId()).add(outcome));
        return byTopic;
    }

    @Override
    public List<CognitiveScheme> cognitiveSchemes() {
        var levels = jdbc.sql("SELECT * FROM cognitive_level ORDER BY scheme_code, rank").query(CognitiveLevel.class).list();
        return jdbc.sql("SELECT code, name_vi, name_en FROM cognitive_scheme ORDER BY code").query(SchemeRow.class).list().stream()
                .map(s -> new CognitiveScheme(s.code(), s.nameVi(), s.nameEn(),
                        levels.stream().filter(l -> l.schemeCode().equals(s.code())).toList()))
                .toList();
    }

    private record SchemeRow(String code, String nameVi, String nameEn) {
    }

    @Override
    public List<CognitiveLevel> levels(String schemeCode) {
        if (schemeCode == null) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM cognitive_level WHERE scheme_code = ? ORDER BY rank").param(schemeCode.strip().toUpperCase(Locale.ROOT))
                .query(CognitiveLevel.class).list();
    }

    @Override
    public int regularMarksPerSemester(String subjectCode, int grade) {
        return subjectOfGrade(subjectCode, grade)
                .orElseThrow(() -> new IllegalArgumentException("subject " + subjectCode + " is not taught in grade " + grade))
                .regularMarksPerSemester();
    }

    private static List<Subject> assemble(List<SubjectGradeRow> rows) {
        Map<String, List<SubjectGradeRow>> bySubject = new LinkedHashMap<>();
        rows.forEach(row -> bySubject.computeIfAbsent(row.subjectCode(), c -> new ArrayList<>()).add(row));
        return bySubject.values().stream().map(subjectRows -> {
            var first = subjectRows.getFirst();
            var grades = subjectRows.stream().filter(r -> r.grade() != null).map(SubjectGradeRow::inGrade).toList();
            return new Subject(first.subjectCode(), first.subjectNameVi(), first.subjectNameEn(), grades);
        }).toList();
    }

    /** One row of subject LEFT JOIN subject_grade (the grade columns are null for a subject not yet taught anywhere). */
    private record SubjectGradeRow(String subjectCode, String subjectNameVi, String subjectNameEn, Integer grade, String nameVi,
            String nameEn, int periodsPerYear, boolean compulsory, String assessmentMode) {

        static SubjectGradeRow of(ResultSet rs, int rowNum) throws SQLException {
            int grade = rs.getInt("grade");
            return new SubjectGradeRow(rs.getString("subject_code"), rs.getString("subject_name_vi"), rs.getString("subject_name_en"),
                    rs.wasNull() ? null : grade, rs.getString("name_vi"), rs.getString("name_en"), rs.getInt("periods_per_year"),
                    rs.getBoolean("compulsory"), rs.getString("assessment_mode"));
        }

        SubjectOfGrade inGrade() {
            return new SubjectOfGrade(subjectCode, grade, nameVi, nameEn, periodsPerYear, compulsory, AssessmentMode.valueOf(assessmentMode));
        }
    }
}
