package vn.truongso.directory.roster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.truongso.platform.VietnameseText;

/**
 * The subjects of the general education programme (CT GDPT 2018, Thông tư 32/2018/TT-BGDĐT) by code and Vietnamese
 * name, so a "Phân công" sheet may name a subject either way ("TOAN", "Toán", "toan"). The codes are the ones the
 * directory stores in teaching assignments. A school's own subject may be given by its code once the school has
 * assignments in it.
 */
final class SubjectCatalog {

    /** Code → the name the programme gives it. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** Folded name or alias → code. */
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();

    static {
        subject("TIENG_VIET", "Tiếng Việt");
        subject("TOAN", "Toán", "toan hoc");
        subject("NGU_VAN", "Ngữ văn", "van", "ngu van");
        subject("NGOAI_NGU_1", "Ngoại ngữ 1", "ngoai ngu", "tieng anh", "anh van");
        subject("DAO_DUC", "Đạo đức");
        subject("TN_XH", "Tự nhiên và Xã hội", "tu nhien va xa hoi");
        subject("KHOA_HOC", "Khoa học");
        subject("LICH_SU_DIA_LI", "Lịch sử và Địa lí", "lich su va dia ly", "lich su - dia li", "lich su - dia ly", "su - dia", "su dia");
        subject("TIN_HOC_CONG_NGHE", "Tin học và Công nghệ");
        subject("TIN_HOC", "Tin học", "tin");
        subject("CONG_NGHE", "Công nghệ");
        subject("GDCD", "Giáo dục công dân");
        subject("KHTN", "Khoa học tự nhiên");
        subject("GDTC", "Giáo dục thể chất", "the duc");
        subject("NGHE_THUAT", "Nghệ thuật");
        subject("AM_NHAC", "Âm nhạc");
        subject("MI_THUAT", "Mĩ thuật", "my thuat");
        subject("HDTN_HN", "Hoạt động trải nghiệm, hướng nghiệp", "hoat dong trai nghiem", "hoat dong trai nghiem huong nghiep", "hdtn",
                "hdtn, hn", "hdtn-hn");
        subject("GDDP", "Nội dung giáo dục của địa phương", "giao duc dia phuong", "noi dung giao duc dia phuong", "gddp");
        subject("LICH_SU", "Lịch sử", "su");
        subject("DIA_LI", "Địa lí", "dia ly", "dia");
        subject("GDKT_PL", "Giáo dục kinh tế và pháp luật", "gdkt&pl", "gdkt va pl");
        subject("VAT_LI", "Vật lí", "vat ly", "ly", "li");
        subject("HOA_HOC", "Hóa học", "hoa");
        subject("SINH_HOC", "Sinh học", "sinh");
        subject("GDQP_AN", "Giáo dục quốc phòng và an ninh", "gdqp", "gdqp-an", "gdqp&an");
    }

    private SubjectCatalog() {
    }

    private static void subject(String code, String name, String... aliases) {
        NAMES.put(code, name);
        BY_NAME.put(VietnameseText.fold(name), code);
        for (String alias : aliases) {
            BY_NAME.put(alias, code);
        }
    }

    /**
     * The code a cell names: a programme code in any case, a programme subject's name or common alias, or a code the
     * school already uses ({@code schoolCodes}).
     */
    static Optional<String> resolve(String text, Collection<String> schoolCodes) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String asCode = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (NAMES.containsKey(asCode) || schoolCodes.contains(asCode)) {
            return Optional.of(asCode);
        }
        return Optional.ofNullable(BY_NAME.get(VietnameseText.fold(text)));
    }

    /** The programme's name for a code, or the code itself for a subject the catalogue does not know. */
    static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }
}
