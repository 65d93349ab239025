package vn.truongso.testing.domain;

/** Why a test is held: practice, regular assessment (đánh giá thường xuyên) or a periodic test (giữa kỳ/cuối kỳ). */
public enum Purpose {
    PRACTICE, REGULAR, PERIODIC
}
