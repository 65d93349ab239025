package vn.truongso.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Circular 22 Đ6 k2 b: ≤35 periods a year → 2 regular marks per semester, >35 and ≤70 → 3, >70 → 4. */
class RegularMarksRuleTest {

    @ParameterizedTest(name = "{0} periods per year -> {1} regular marks")
    @CsvSource({
            // The boundaries of the rule.
            "1, 2", "35, 2", "36, 3", "70, 3", "71, 4", "420, 4",
            // domain.md §1.3: Toán, Ngữ văn, Ngoại ngữ (105) → 4; Sử, Lí, Hóa, Địa (70) → 3; GDQP-AN (35) → 2.
            "105, 4", "70, 3", "35, 2",
            // domain.md §11: grades 6-9 Toán 140 → 4, GDCD 35 → 2, Lịch sử và Địa lí 105 → 4; Công nghệ 52 → 3;
            // grade 10-12 Lịch sử 52 → 3 and the electives (70) → 3.
            "140, 4", "52, 3"})
    void countFollowsPeriodsPerYear(int periods, int marks) {
        assertThat(SubjectOfGrade.regularMarksFor(periods)).isEqualTo(marks);
    }

    @Test
    void periodsMustBePositive() {
        assertThatThrownBy(() -> SubjectOfGrade.regularMarksFor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubjectOfGrade.regularMarksFor(-35)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondarySubjectsUseTheRuleWhetherMarkedOrCommentOnly() {
        var toan6 = new SubjectOfGrade("TOAN", 6, "Toán", "Mathematics", 140, true, AssessmentMode.MARK);
        var gdcd7 = new SubjectOfGrade("GDCD", 7, "Giáo dục công dân", "Civic education", 35, true, AssessmentMode.MARK);
        var vatLi10 = new SubjectOfGrade("VAT_LI", 10, "Vật lí", "Physics", 70, false, AssessmentMode.MARK);
        var gdtc8 = new SubjectOfGrade("GDTC", 8, "Giáo dục thể chất", "Physical education", 70, true, AssessmentMode.COMMENT);
        assertThat(toan6.regularMarksPerSemester()).isEqualTo(4);
        assertThat(gdcd7.regularMarksPerSemester()).isEqualTo(2);
        assertThat(vatLi10.regularMarksPerSemester()).isEqualTo(3);
        // Comment-only subjects record as many Đạt / Chưa đạt ratings as a marked subject of the same length.
        assertThat(gdtc8.regularMarksPerSemester()).isEqualTo(3);
    }

    @Test
    void primaryGradesRecordNoRegularMarks() {
        var toan3 = new SubjectOfGrade("TOAN", 3, "Toán", "Mathematics", 175, true, AssessmentMode.PRIMARY_LEVELS_AND_TEST);
        var daoDuc1 = new SubjectOfGrade("DAO_DUC", 1, "Đạo đức", "Ethics", 35, true, AssessmentMode.PRIMARY_LEVELS);
        assertThat(toan3.regularMarksPerSemester()).isZero();
        assertThat(daoDuc1.regularMarksPerSemester()).isZero();
    }

    @Test
    void assessmentModesSayWhatTheyRecord() {
        assertThat(AssessmentMode.MARK.recordsMarks()).isTrue();
        assertThat(AssessmentMode.MARK.hasScoredPeriodicTest()).isTrue();
        assertThat(AssessmentMode.COMMENT.isCommentOnly()).isTrue();
        assertThat(AssessmentMode.COMMENT.hasScoredPeriodicTest()).isFalse();
        assertThat(AssessmentMode.PRIMARY_LEVELS_AND_TEST.hasScoredPeriodicTest()).isTrue();
        assertThat(AssessmentMode.PRIMARY_LEVELS_AND_TEST.recordsMarks()).isFalse();
        assertThat(AssessmentMode.PRIMARY_LEVELS.hasScoredPeriodicTest()).isFalse();
        assertThat(AssessmentMode.PRIMARY_LEVELS.isPrimary()).isTrue();
    }

    @Test
    void hcmcIdentifiersAreRecognised() {
        assertThat(new RequiredOutcome(null, null, "020108.0202d3", "…", 1).hasHcmc791Code()).isTrue();
        assertThat(new RequiredOutcome(null, null, "YC1", "…", 1).hasHcmc791Code()).isFalse();
        assertThat(new RequiredOutcome(null, null, "020108.0202D3", "…", 1).hasHcmc791Code()).isFalse();
    }
}
