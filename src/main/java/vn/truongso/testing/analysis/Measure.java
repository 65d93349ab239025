package vn.truongso.testing.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A statistic that is either a finite number or absent with the reason it cannot be computed (no variance, too few
 * attempts, ...). No NaN or infinity ever leaves the analysis: an undefined figure is an absent one.
 *
 * <p>Statistics are doubles (they describe items, they are not marks); {@link #rounded(int)} gives the figure for
 * display, rounded half-up.
 */
public record Measure(Double value, String absentReason) {

    public Measure {
        if (value == null) {
            Objects.requireNonNull(absentReason, "an absent measure needs a reason");
        } else if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a measure must be finite, got " + value);
        } else if (absentReason != null) {
            throw new IllegalArgumentException("a present measure has no absent reason");
        }
    }

    /** The figure, or absent with {@code reasonIfUndefined} when it is NaN or infinite. */
    static Measure of(double value, String reasonIfUndefined) {
        return Double.isFinite(value) ? new Measure(value, null) : absent(reasonIfUndefined);
    }

    static Measure absent(String reason) {
        return new Measure(null, reason);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The value; only call when {@link #isPresent()}. */
    public double get() {
        if (value == null) {
            throw new IllegalStateException("absent: " + absentReason);
        }
        return value;
    }

    /** The value rounded half-up to {@code digits} decimals for display, or null when absent. */
    public BigDecimal rounded(int digits) {
        // BigDecimal.valueOf goes through the shortest decimal string, so 0.125 rounds to 0.13 as a reader expects.
        return value == null ? null : BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return value != null ? value.toString() : "absent (" + absentReason + ")";
    }
}
