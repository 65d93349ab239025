package vn.truongso.questions.model;

import java.math.BigDecimal;

/**
 * An option of a choice question, a statement of a true/false cluster (correct = the statement is true), an
 * accepted answer of a short-answer question or gap, or an item of an ordering question (listed in the right order).
 * {@code fraction} is the share of the points the option earns (Moodle's weight, 1 = 100 %); null means "1 when
 * correct, 0 otherwise".
 */
public record Choice(String id, Content text, boolean correct, BigDecimal fraction, Content feedback) {

    public Choice {
        text = text == null ? Content.plain("") : text;
    }

    public static Choice of(String id, String text, boolean correct) {
        return new Choice(id, Content.plain(text), correct, null, null);
    }

    /** The share of the points this option earns. */
    public BigDecimal earned() {
        return fraction != null ? fraction : correct ? BigDecimal.ONE : BigDecimal.ZERO;
    }
}
