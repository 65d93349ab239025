package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What the top of a printed paper says: the body above the school (Sở or Phòng GDĐT) and the school, the paper's
 * title, subject, grade and time allowed.
 */
record PaperHeading(String authority, String school, String title, String subject, Integer grade, int durationMinutes,
        BigDecimal totalPoints) {

    static final Locale VI = Locale.forLanguageTag("vi");

    String subjectLine() {
        String s = subject == null ? "" : "Môn: " + subject;
        if (grade != null) {
            s = s.isEmpty() ? "Lớp " + grade : s + " – Lớp " + grade;
        }
        return s;
    }

    String timeLine() {
        return "Thời gian làm bài: " + durationMinutes + " phút, không kể thời gian phát đề";
    }

    static String upper(String s) {
        return s == null ? "" : s.toUpperCase(VI);
    }

    /** Points as printed in Vietnamese: 0,25. */
    static String points(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
