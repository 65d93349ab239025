package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Score;

/** Shared arithmetic and text rules of the types. Points are BigDecimal, rounded HALF_UP to 4 places only when divided. */
final class Scoring {

    private Scoring() {
    }

    static Score share(Question q, BigDecimal fraction) {
        BigDecimal f = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        return Score.of(q.points().multiply(f));
    }

    static Score share(Question q, int earned, int of) {
        if (of == 0) {
            return Score.of(BigDecimal.ZERO);
        }
        if (earned == of) {
            return Score.of(q.points());
        }
        return Score.of(q.points().multiply(BigDecimal.valueOf(earned)).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP));
    }

    static Score zero() {
        return Score.of(BigDecimal.ZERO);
    }

    /**
     * The comparison key of a typed answer: NFC, white space collapsed, lower case unless case matters, and without
     * diacritics when the question says so ("Hà Nội" = "ha noi").
     */
    static String normalise(String text, boolean caseSensitive, boolean ignoreDiacritics) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (ignoreDiacritics) {
            String folded = VietnameseText.fold(s);
            return caseSensitive ? restoreCase(s, folded) : folded;
        }
        return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
    }

    private static String restoreCase(String original, String folded) {
        StringBuilder out = new StringBuilder(folded);
        String base = VietnameseText.fold(original);
        if (base.length() != original.length()) {
            return folded;
        }
        for (int i = 0; i < original.length(); i++) {
            if (Character.isUpperCase(original.charAt(i))) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    /** A number typed the Vietnamese way ("1,5") or the English way ("1.5"); empty when it is not a number. */
    static Optional<BigDecimal> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().replace(" ", "");
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
