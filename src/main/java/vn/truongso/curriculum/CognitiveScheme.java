package vn.truongso.curriculum;

import java.util.List;

/**
 * A scheme of cognitive levels used to tag questions and outcomes: {@code BHV} (Biết / Hiểu / Vận dụng, CV 7991/2024),
 * {@code NB_TH_VD_VDC} (Nhận biết / Thông hiểu / Vận dụng / Vận dụng cao) and {@code PRIMARY_3} (Mức 1–3, Circular 27).
 */
public record CognitiveScheme(String code, String nameVi, String nameEn, List<CognitiveLevel> levels) {

    public static final String BHV = "BHV";
    public static final String NB_TH_VD_VDC = "NB_TH_VD_VDC";
    public static final String PRIMARY_3 = "PRIMARY_3";

    public CognitiveScheme {
        levels = List.copyOf(levels);
    }
}
