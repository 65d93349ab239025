package vn.truongso.curriculum;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The CT GDPT 2018 reference data as other modules see it: subjects per grade with periods per year and assessment
 * mode, topics (chủ đề / chương), required outcomes (yêu cầu cần đạt) and cognitive-level schemes. Read-only;
 * topics and outcomes change only through {@link TopicImport}.
 */
public interface Curriculum {

    /** Every subject with the grades it is taught in, in the programme's order (Tiếng Việt, Ngữ văn, Toán, …). */
    List<Subject> subjects();

    /** The subjects taught in a grade (1–12): compulsory first, then electives, each in the programme's order. */
    List<SubjectOfGrade> subjectsOfGrade(int grade);

    /** A subject by its code (TOAN, NGU_VAN, …); the code is matched case-insensitively. */
    Optional<Subject> subject(String code);

    /** A subject as taught in one grade, if it is taught there. */
    Optional<SubjectOfGrade> subjectOfGrade(String code, int grade);

    /**
     * The code of the subject with this Vietnamese name, typed with or without diacritics and with common spelling
     * variants ("toan", "Ngữ văn", "Vật lý", "Lịch sử - Địa lí", "Tiếng Anh"); a subject code is also accepted.
     */
    Optional<String> codeForName(String vietnameseName);

    /** The topics of a subject in a grade, in teaching order (empty until topics are imported). */
    List<Topic> topics(String subjectCode, int grade);

    Optional<Topic> topic(UUID topicId);

    /** The required outcomes of a topic, in order. */
    List<RequiredOutcome> outcomes(UUID topicId);

    /** Every cognitive-level scheme with its levels. */
    List<CognitiveScheme> cognitiveSchemes();

    /** The levels of a scheme from the lowest, or an empty list for an unknown scheme. */
    List<CognitiveLevel> levels(String schemeCode);

    /**
     * The number of regular marks recorded per semester for the subject in the grade (Circular 22 Đ6 k2 b; 0 in
     * primary grades). Throws {@link IllegalArgumentException} when the subject is not taught in that grade.
     */
    int regularMarksPerSemester(String subjectCode, int grade);
}
