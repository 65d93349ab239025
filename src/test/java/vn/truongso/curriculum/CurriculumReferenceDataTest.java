package vn.truongso.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** The seeded CT GDPT 2018 reference data, through the module's Java API and its JSON API. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurriculumReferenceDataTest {

    @Autowired
    Curriculum curriculum;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;

    TestSchool school;

    @BeforeAll
    void createSchool() {
        school = testSchools.create();
    }

    private SubjectOfGrade of(String code, int grade) {
        return curriculum.subjectOfGrade(code, grade).orElseThrow(() -> new AssertionError(code + " is not taught in grade " + grade));
    }

    @Test
    void grade6HasTheLowerSecondarySubjectsWithTheirPeriods() {
        Map<String, Integer> periods = curriculum.subjectsOfGrade(6).stream()
                .collect(Collectors.toMap(SubjectOfGrade::subjectCode, SubjectOfGrade::periodsPerYear));
        assertThat(periods).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("NGU_VAN", 140), Map.entry("TOAN", 140), Map.entry("NGOAI_NGU_1", 105), Map.entry("GDCD", 35),
                Map.entry("LICH_SU_DIA_LI", 105), Map.entry("KHTN", 140), Map.entry("CONG_NGHE", 35), Map.entry("TIN_HOC", 35),
                Map.entry("GDTC", 70), Map.entry("NGHE_THUAT", 70), Map.entry("HDTN", 105), Map.entry("GDDP", 35)));
        assertThat(curriculum.subjectsOfGrade(6)).allMatch(SubjectOfGrade::compulsory);
    }

    @Test
    void regularMarksFollowPeriodsPerYear() {
        assertThat(of("TOAN", 6).periodsPerYear()).isEqualTo(140);
        assertThat(curriculum.regularMarksPerSemester("TOAN", 6)).isEqualTo(4);
        assertThat(of("GDCD", 6).periodsPerYear()).isEqualTo(35);
        assertThat(curriculum.regularMarksPerSemester("GDCD", 6)).isEqualTo(2);
        assertThat(curriculum.regularMarksPerSemester("LICH_SU_DIA_LI", 8)).isEqualTo(4);
        assertThat(of("CONG_NGHE", 8).periodsPerYear()).isEqualTo(52);
        assertThat(curriculum.regularMarksPerSemester("CONG_NGHE", 8)).isEqualTo(3);
        assertThat(of("LICH_SU", 10).periodsPerYear()).isEqualTo(52);
        assertThat(curriculum.regularMarksPerSemester("LICH_SU", 10)).isEqualTo(3);
        assertThat(curriculum.regularMarksPerSemester("GDQP_AN", 11)).isEqualTo(2);
        assertThat(curriculum.regularMarksPerSemester("TOAN", 12)).isEqualTo(4);
        assertThat(curriculum.regularMarksPerSemester("TOAN", 3)).isZero();
        assertThatThrownBy(() -> curriculum.regularMarksPerSemester("KHTN", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upperSecondaryElectivesHave70PeriodsAnd3Marks() {
        for (String code : List.of("VAT_LI", "HOA_HOC", "SINH_HOC", "DIA_LI", "GDKT_PL", "CONG_NGHE", "TIN_HOC", "AM_NHAC", "MI_THUAT")) {
            for (int grade = 10; grade <= 12; grade++) {
                var subject = of(code, grade);
                assertThat(subject.compulsory()).as(code).isFalse();
                assertThat(subject.periodsPerYear()).as(code).isEqualTo(70);
                assertThat(subject.regularMarksPerSemester()).as(code).isEqualTo(3);
            }
        }
        assertThat(curriculum.subjectsOfGrade(10).stream().filter(SubjectOfGrade::compulsory).map(SubjectOfGrade::subjectCode))
                .containsExactlyInAnyOrder("NGU_VAN", "TOAN", "NGOAI_NGU_1", "LICH_SU", "GDTC", "GDQP_AN", "HDTN", "GDDP");
        // Compulsory subjects are listed before the electives.
        var grade11 = curriculum.subjectsOfGrade(11);
        assertThat(grade11.subList(0, 8)).allMatch(SubjectOfGrade::compulsory);
        assertThat(grade11.subList(8, grade11.size())).noneMatch(SubjectOfGrade::compulsory);
    }

    @Test
    void circular22CommentOnlySubjectsAreExactlyTheListedOnes() {
        for (int grade = 6; grade <= 12; grade++) {
            var commentOnly = curriculum.subjectsOfGrade(grade).stream().filter(s -> s.assessmentMode() == AssessmentMode.COMMENT)
                    .map(SubjectOfGrade::subjectCode).toList();
            var expected = grade <= 9 ? List.of("GDTC", "NGHE_THUAT", "HDTN", "GDDP") : List.of("GDTC", "AM_NHAC", "MI_THUAT", "HDTN", "GDDP");
            assertThat(commentOnly).as("grade %d", grade).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(curriculum.subjectsOfGrade(grade)).allMatch(s -> s.assessmentMode() == AssessmentMode.COMMENT
                    || s.assessmentMode() == AssessmentMode.MARK);
        }
        assertThat(of("GDTC", 6).assessmentMode().isCommentOnly()).isTrue();
        assertThat(of("GDTC", 6).regularMarksPerSemester()).isEqualTo(3);
    }

    @Test
    void primaryGradesUseCircular27WithTestsInTheListedSubjects() {
        assertThat(of("TIENG_VIET", 1).periodsPerYear()).isEqualTo(420);
        assertThat(of("TIENG_VIET", 2).periodsPerYear()).isEqualTo(350);
        assertThat(of("TIENG_VIET", 4).periodsPerYear()).isEqualTo(245);
        assertThat(of("TOAN", 1).periodsPerYear()).isEqualTo(105);
        assertThat(of("TOAN", 5).periodsPerYear()).isEqualTo(175);
        assertThat(of("NGOAI_NGU_1", 1).compulsory()).isFalse();
        assertThat(of("NGOAI_NGU_1", 3).periodsPerYear()).isEqualTo(140);
        assertThat(of("HDTN", 2).nameVi()).isEqualTo("Hoạt động trải nghiệm");
        assertThat(of("HDTN", 7).nameVi()).isEqualTo("Hoạt động trải nghiệm, hướng nghiệp");
        var tested = curriculum.subjectsOfGrade(5).stream().filter(s -> s.assessmentMode() == AssessmentMode.PRIMARY_LEVELS_AND_TEST)
                .map(SubjectOfGrade::subjectCode).toList();
        assertThat(tested).containsExactlyInAnyOrder("TIENG_VIET", "TOAN", "NGOAI_NGU_1", "LICH_SU_DIA_LI", "KHOA_HOC", "TIN_HOC_CONG_NGHE");
        for (int grade = 1; grade <= 5; grade++) {
            assertThat(curriculum.subjectsOfGrade(grade)).as("grade %d", grade).allMatch(SubjectOfGrade::primary);
        }
        assertThat(curriculum.subjectsOfGrade(1).stream().map(SubjectOfGrade::subjectCode))
                .containsExactlyInAnyOrder("TIENG_VIET", "TOAN", "NGOAI_NGU_1", "DAO_DUC", "TNXH", "GDTC", "NGHE_THUAT", "HDTN");
    }

    @Test
    void everyGradeHasSubjectsAndTheCodesOtherModulesUseExist() {
        for (int grade = 1; grade <= 12; grade++) {
            assertThat(curriculum.subjectsOfGrade(grade)).as("grade %d", grade).hasSizeGreaterThanOrEqualTo(8);
        }
        for (String code : List.of("TOAN", "NGU_VAN", "NGOAI_NGU_1", "GDCD", "KHTN", "CONG_NGHE", "LICH_SU_DIA_LI", "TIN_HOC", "LICH_SU",
                "VAT_LI", "HOA_HOC", "SINH_HOC", "TIENG_VIET", "DAO_DUC", "TNXH", "KHOA_HOC", "TIN_HOC_CONG_NGHE", "GDTC", "NGHE_THUAT",
                "AM_NHAC", "MI_THUAT", "HDTN", "GDDP", "DIA_LI", "GDKT_PL", "GDQP_AN")) {
            assertThat(curriculum.subject(code)).as(code).isPresent();
            assertThat(curriculum.subject(code).orElseThrow().grades()).as(code).isNotEmpty();
        }
        assertThat(curriculum.subject("toan")).map(Subject::code).contains("TOAN");
        assertThat(curriculum.subject("NOPE")).isEmpty();
        assertThat(curriculum.subjects().getFirst().code()).isEqualTo("TIENG_VIET");
    }

    @Test
    void vietnameseNamesFindTheirCodes() {
        assertThat(curriculum.codeForName("toan")).contains("TOAN");
        assertThat(curriculum.codeForName("Toán")).contains("TOAN");
        assertThat(curriculum.codeForName("Ngữ văn")).contains("NGU_VAN");
        assertThat(curriculum.codeForName("ngu van")).contains("NGU_VAN");
        assertThat(curriculum.codeForName("Vật lý")).contains("VAT_LI");
        assertThat(curriculum.codeForName("Hoá học")).contains("HOA_HOC");
        assertThat(curriculum.codeForName("Mỹ thuật")).contains("MI_THUAT");
        assertThat(curriculum.codeForName("Lịch sử - Địa lý")).contains("LICH_SU_DIA_LI");
        assertThat(curriculum.codeForName("Lịch sử")).contains("LICH_SU");
        assertThat(curriculum.codeForName("Tiếng Anh")).contains("NGOAI_NGU_1");
        assertThat(curriculum.codeForName("Hoạt động trải nghiệm")).contains("HDTN");
        assertThat(curriculum.codeForName("GDCD")).contains("GDCD");
        assertThat(curriculum.codeForName("Giáo dục quốc phòng - an ninh")).contains("GDQP_AN");
        assertThat(curriculum.codeForName("Thiên văn học")).isEmpty();
        assertThat(curriculum.codeForName(" ")).isEmpty();
    }

    @Test
    void cognitiveSchemesHaveTheirLevelsInOrder() {
        assertThat(curriculum.levels("BHV")).extracting(CognitiveLevel::nameVi).containsExactly("Biết", "Hiểu", "Vận dụng");
        assertThat(curriculum.levels("NB_TH_VD_VDC")).extracting(CognitiveLevel::nameVi)
                .containsExactly("Nhận biết", "Thông hiểu", "Vận dụng", "Vận dụng cao");
        assertThat(curriculum.levels("PRIMARY_3")).extracting(CognitiveLevel::nameEn).containsExactly("Level 1", "Level 2", "Level 3");
        assertThat(curriculum.levels("PRIMARY_3")).allMatch(l -> l.descriptionVi() != null && l.descriptionEn() != null);
        assertThat(curriculum.levels("NONE")).isEmpty();
        assertThat(curriculum.cognitiveSchemes()).extracting(CognitiveScheme::code).containsExactlyInAnyOrder("BHV", "NB_TH_VD_VDC", "PRIMARY_3");
        assertThat(curriculum.cognitiveSchemes()).allMatch(s -> !s.levels().isEmpty() && !s.nameEn().isBlank());
    }

    @Test
    void theJsonApiServesTheSameData() throws Exception {
        String student = school.bearer(Role.STUDENT);
        mvc.perform(get("/api/v1/curriculum/grades/6/subjects").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.subjectCode == 'TOAN')].periodsPerYear").value(contains(140)))
                .andExpect(jsonPath("$[?(@.subjectCode == 'TOAN')].regularMarksPerSemester").value(contains(4)))
                .andExpect(jsonPath("$[?(@.subjectCode == 'GDCD')].regularMarksPerSemester").value(contains(2)))
                .andExpect(jsonPath("$[?(@.subjectCode == 'GDTC')].assessmentMode").value(contains("COMMENT")))
                .andExpect(jsonPath("$[?(@.subjectCode == 'GDTC')].commentOnly").value(contains(true)));
        mvc.perform(get("/api/v1/curriculum/subjects?grade=10").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("VAT_LI")))
                .andExpect(jsonPath("$[*].code", not(hasItem("KHTN"))));
        mvc.perform(get("/api/v1/curriculum/subjects").param("name", "ngu van").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", contains("NGU_VAN")));
        mvc.perform(get("/api/v1/curriculum/subjects/VAT_LI").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nameVi").value("Vật lí"))
                .andExpect(jsonPath("$.grades[*].grade", contains(10, 11, 12)))
                .andExpect(jsonPath("$.grades[0].compulsory").value(false))
                .andExpect(jsonPath("$.grades[0].regularMarksPerSemester").value(3));
        mvc.perform(get("/api/v1/curriculum/subjects/LICH_SU").header("Authorization", student))
                .andExpect(jsonPath("$.grades[0].periodsPerYear").value(52))
                .andExpect(jsonPath("$.grades[0].regularMarksPerSemester").value(3));
        mvc.perform(get("/api/v1/curriculum/cognitive-schemes/BHV").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.levels[*].code", contains("BIET", "HIEU", "VAN_DUNG")));
    }

    @Test
    void unknownThingsAnswer404AndAnImpossibleGrade400() throws Exception {
        String teacher = school.bearer(Role.TEACHER);
        mvc.perform(get("/api/v1/curriculum/subjects/NOPE").header("Authorization", teacher)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/curriculum/subjects/KHTN/grades/10/topics").header("Authorization", teacher))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/curriculum/topics/" + java.util.UUID.randomUUID()).header("Authorization", teacher))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/curriculum/cognitive-schemes/NOPE").header("Authorization", teacher)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/curriculum/grades/13/subjects").header("Authorization", teacher))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("grade"))
                .andExpect(jsonPath("$.errors[0].messageEn").value(org.hamcrest.Matchers.containsString("1 to 12")));
    }

    @Test
    void theOpenApiDocumentListsTheCurriculumEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tags[*].name", hasItem("Curriculum")))
                .andExpect(jsonPath("$.paths['/api/v1/curriculum/topics/imports'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/curriculum/grades/{grade}/subjects'].get").exists());
    }
}
