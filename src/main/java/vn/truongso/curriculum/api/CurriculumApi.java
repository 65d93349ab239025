package vn.truongso.curriculum.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.curriculum.AssessmentMode;
import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.RequiredOutcome;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.SubjectOfGrade;
import vn.truongso.curriculum.Topic;
import vn.truongso.curriculum.TopicImport;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.platform.NotFoundException;

/**
 * The CT GDPT 2018 reference data as JSON. Any signed-in user may read it (students and parents included: it is
 * public programme information); importing topics needs the reference-data capability (system admin, Sở officer).
 */
@RestController
@RequestMapping("/api/v1/curriculum")
@Tag(name = "Curriculum", description = "CT GDPT 2018 subjects per grade, periods per year, assessment modes, topics, "
        + "required outcomes (yêu cầu cần đạt), cognitive levels, and the topic import")
class CurriculumApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Curriculum curriculum;
    private final TopicImport topicImport;
    private final BilingualMessages errorMessages;

    CurriculumApi(Curriculum curriculum, TopicImport topicImport, BilingualMessages errorMessages) {
        this.curriculum = curriculum;
        this.topicImport = topicImport;
        this.errorMessages = errorMessages;
    }

    record SubjectOfGradeView(String subjectCode, int grade, String nameVi, String nameEn, int periodsPerYear, boolean compulsory,
            AssessmentMode assessmentMode, boolean commentOnly, boolean scoredPeriodicTest, int regularMarksPerSemester) {

        static SubjectOfGradeView of(SubjectOfGrade g) {
            return new SubjectOfGradeView(g.subjectCode(), g.grade(), g.nameVi(), g.nameEn(), g.periodsPerYear(), g.compulsory(),
                    g.assessmentMode(), g.assessmentMode().isCommentOnly(), g.assessmentMode().hasScoredPeriodicTest(),
                    g.regularMarksPerSemester());
        }
    }

    record SubjectView(String code, String nameVi, String nameEn, List<SubjectOfGradeView> grades) {

        static SubjectView of(Subject s) {
            return new SubjectView(s.code(), s.nameVi(), s.nameEn(), s.grades().stream().map(SubjectOfGradeView::of).toList());
        }
    }

    record OutcomeView(UUID id, String code, String text, int position, boolean hcmc791Code) {

        static OutcomeView of(RequiredOutcome o) {
            return new OutcomeView(o.id(), o.code(), o.text(), o.position(), o.hasHcmc791Code());
        }
    }

    record TopicView(UUID id, String subjectCode, int grade, String code, String title, int position, List<OutcomeView> outcomes) {

        static TopicView of(Topic t, List<RequiredOutcome> outcomes) {
            return new TopicView(t.id(), t.subjectCode(), t.grade(), t.code(), t.title(), t.position(),
                    outcomes.stream().map(OutcomeView::of).toList());
        }
    }

    record ImportView(boolean committed, boolean valid, int rows, int topics, int outcomes, int newTopics, int existingTopics,
            int newOutcomes, int existingOutcomes, List<Map<String, Object>> errors) {
    }

    @GetMapping("/subjects")
    @Operation(summary = "Subjects with their grades, periods per year and assessment modes",
            description = "Filter by grade (subjects taught in it) or by a Vietnamese name typed with or without diacritics.")
    List<SubjectView> subjects(@RequestParam(required = false) Integer grade, @RequestParam(required = false) String name) {
        if (grade != null) {
            checkGrade(grade);
        }
        var code = name == null ? null : curriculum.codeForName(name).orElse("");
        return curriculum.subjects().stream()
                .filter(s -> grade == null || s.taughtIn(grade))
                .filter(s -> code == null || s.code().equals(code))
                .map(SubjectView::of).toList();
    }

    @GetMapping("/subjects/{code}")
    @Operation(summary = "One subject with the grades it is taught in")
    SubjectView subject(@PathVariable String code) {
        return SubjectView.of(curriculum.subject(code).orElseThrow(() -> new NotFoundException("subject " + code)));
    }

    @GetMapping("/grades/{grade}/subjects")
    @Operation(summary = "The subjects of a grade (compulsory first) with periods, assessment mode and regular marks per semester")
    List<SubjectOfGradeView> subjectsOfGrade(@PathVariable int grade) {
        checkGrade(grade);
        return curriculum.subjectsOfGrade(grade).stream().map(SubjectOfGradeView::of).toList();
    }

    @GetMapping("/subjects/{code}/grades/{grade}/topics")
    @Operation(summary = "Topics (chủ đề / chương) of a subject in a grade, in order, with their required outcomes")
    List<TopicView> topics(@PathVariable String code, @PathVariable int grade) {
        checkGrade(grade);
        curriculum.subjectOfGrade(code, grade).orElseThrow(() -> new NotFoundException("subject " + code + " in grade " + grade));
        var topics = curriculum.topics(code, grade);
        return topics.stream().map(t -> TopicView.of(t, curriculum.outcomes(t.id()))).toList();
    }

    @GetMapping("/topics/{topicId}")
    @Operation(summary = "One topic with its required outcomes")
    TopicView topic(@PathVariable UUID topicId) {
        var topic = curriculum.topic(topicId).orElseThrow(() -> new NotFoundException("topic " + topicId));
        return TopicView.of(topic, curriculum.outcomes(topicId));
    }

    @GetMapping("/cognitive-schemes")
    @Operation(summary = "Cognitive-level schemes (BHV, NB_TH_VD_VDC, PRIMARY_3) with their levels")
    List<CognitiveScheme> cognitiveSchemes() {
        return curriculum.cognitiveSchemes();
    }

    @GetMapping("/cognitive-schemes/{code}")
    @Operation(summary = "One cognitive-level scheme with its levels")
    CognitiveScheme cognitiveScheme(@PathVariable String code) {
        return curriculum.cognitiveSchemes().stream().filter(s -> s.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("scheme " + code));
    }

    @GetMapping("/topics/template")
    @Operation(summary = "The .xlsx template for importing topics and required outcomes")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mau-chu-de-yccd.xlsx").build().toString())
                .body(topicImport.template());
    }

    @PostMapping(path = "/topics/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import topics and required outcomes from an .xlsx file",
            description = "commit=false (default) checks the file and answers the counts and every error, changing nothing. "
                    + "commit=true applies a valid file in one transaction, or answers 400 with every error and changes nothing. "
                    + "Needs the reference-data capability (system admin, Sở officer).")
    ImportView importTopics(CurrentUser user, @RequestPart("file") MultipartFile file,
            @Parameter(description = "apply the file (true) or only check it (false)") @RequestParam(defaultValue = "false") boolean commit)
            throws IOException {
        byte[] content = file.getBytes();
        TopicImport.Result result = commit ? topicImport.apply(user, content) : topicImport.check(user, content);
        return new ImportView(commit && result.valid(), result.valid(), result.rows(), result.topics(), result.outcomes(),
                result.newTopics(), result.existingTopics(), result.newOutcomes(), result.existingOutcomes(),
                result.errors().stream().map(errorMessages::toJson).toList());
    }

    private static void checkGrade(int grade) {
        if (grade < 1 || grade > 12) {
            throw new BadInputException(InputError.field("grade", "curriculum.grade.range", String.valueOf(grade)));
        }
    }
}
