package vn.truongso.curriculum;

/**
 * A subject as taught in one grade: its periods per school year (35 weeks), whether it is compulsory (bắt buộc)
 * or elective (lựa chọn / tự chọn), and how it is assessed there. The names may differ from the subject's usual
 * names in some grades (primary "Hoạt động trải nghiệm" versus secondary "Hoạt động trải nghiệm, hướng nghiệp").
 */
public record SubjectOfGrade(String subjectCode, int grade, String nameVi, String nameEn, int periodsPerYear, boolean compulsory,
        AssessmentMode assessmentMode) {

    /**
     * The number of regular marks (điểm đánh giá thường xuyên, ĐĐGtx) recorded per semester in this grade under
     * Circular 22 Đ6 k2: see {@link #regularMarksFor(int)}. Comment-only subjects record the same number of
     * Đạt / Chưa đạt ratings. Primary grades (Circular 27) record no regular marks, so this is 0 there.
     */
    public int regularMarksPerSemester() {
        return assessmentMode.isPrimary() ? 0 : regularMarksFor(periodsPerYear);
    }

    /** True for grades 1–5, assessed under Circular 27. */
    public boolean primary() {
        return assessmentMode.isPrimary();
    }

    /**
     * Circular 22 Đ6 k2 b: a subject with up to 35 periods a year records 2 regular marks per semester, more than 35
     * and up to 70 periods records 3, more than 70 records 4.
     */
    public static int regularMarksFor(int periodsPerYear) {
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periods per year must be positive: " + periodsPerYear);
        }
        if (periodsPerYear <= 35) {
            return 2;
        }
        return periodsPerYear <= 70 ? 3 : 4;
    }
}
