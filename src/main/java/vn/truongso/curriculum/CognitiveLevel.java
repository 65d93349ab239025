package vn.truongso.curriculum;

/**
 * One level of a cognitive-level scheme (mức độ nhận thức), ranked from 1 (lowest). Descriptions may be absent.
 */
public record CognitiveLevel(String schemeCode, int rank, String code, String nameVi, String nameEn, String descriptionVi,
        String descriptionEn) {
}
