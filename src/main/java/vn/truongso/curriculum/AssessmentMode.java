package vn.truongso.curriculum;

/**
 * How a subject is assessed in a grade. Grades 6–12 follow Circular 22/2021 (Thông tư 22): either comments only
 * (Đạt / Chưa đạt) or marks on the 10-point scale plus comments. Grades 1–5 follow Circular 27/2020 (Thông tư 27):
 * regular assessment is by comments, with no marks; periodic assessment rates every subject Hoàn thành tốt / Hoàn
 * thành / Chưa hoàn thành, and some subjects also sit periodic tests scored in whole points out of 10.
 */
public enum AssessmentMode {

    /** Circular 22: marks (0.0–10.0, one decimal) and comments ("đánh giá bằng nhận xét kết hợp với điểm số"). */
    MARK,
    /** Circular 22: comments only, rated Đạt / Chưa đạt ("đánh giá bằng nhận xét"). */
    COMMENT,
    /** Circular 27: levels T / H / C only, no periodic test. */
    PRIMARY_LEVELS,
    /** Circular 27: levels T / H / C and a periodic test (bài kiểm tra định kì) scored as an integer out of 10. */
    PRIMARY_LEVELS_AND_TEST;

    /** True for the Circular 27 (primary) modes. */
    public boolean isPrimary() {
        return this == PRIMARY_LEVELS || this == PRIMARY_LEVELS_AND_TEST;
    }

    /** True when the regular and periodic assessments of Circular 22 record marks (not only Đạt / Chưa đạt). */
    public boolean recordsMarks() {
        return this == MARK;
    }

    /** True when the subject is assessed by comments only under Circular 22 (Đạt / Chưa đạt). */
    public boolean isCommentOnly() {
        return this == COMMENT;
    }

    /** True when a periodic test with a score exists: every MARK subject, and the tested primary subjects. */
    public boolean hasScoredPeriodicTest() {
        return this == MARK || this == PRIMARY_LEVELS_AND_TEST;
    }
}
