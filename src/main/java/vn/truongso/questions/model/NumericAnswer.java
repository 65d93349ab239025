package vn.truongso.questions.model;

import java.math.BigDecimal;

/**
 * An accepted number: {@code value} ± {@code tolerance}, earning {@code fraction} of the points (null = all).
 * {@code range} says the author wrote it as an interval (GIFT {@code {#1..2}}), so exporters write it back that way.
 */
public record NumericAnswer(BigDecimal value, BigDecimal tolerance, BigDecimal fraction, Content feedback, boolean range) {

    public NumericAnswer {
        tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    }

    public static NumericAnswer between(BigDecimal low, BigDecimal high, BigDecimal fraction, Content feedback) {
        BigDecimal lo = low.min(high);
        BigDecimal hi = low.max(high);
        BigDecimal two = BigDecimal.valueOf(2);
        return new NumericAnswer(lo.add(hi).divide(two), hi.subtract(lo).divide(two), fraction, feedback, true);
    }

    public BigDecimal low() {
        return value == null ? null :  value.subtract(tolerance);
    }

    public BigDecimal high() {
        return value == null ? null :  value.add(tolerance);
    }

    /** An answer without a value stands for "any other answer" (Moodle's *): it accepts everything and earns nothing. */
    public boolean accepts(BigDecimal number) {
        if (value == null) {
            return true;
        }
        return number.compareTo(low()) >= 0 && number.compareTo(high()) <= 0;
    }

    public BigDecimal earned() {
        return fraction == null ? BigDecimal.ONE : fraction;
    }
}
