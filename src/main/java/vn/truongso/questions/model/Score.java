package vn.truongso.questions.model;

import java.math.BigDecimal;

/** Points earned by a response (never a double), or a response that waits for a teacher (essays). */
public record Score(BigDecimal points, boolean needsManualGrading) {

    public static Score of(BigDecimal points) {
        return new Score(points, false);
    }

    public static Score manual() {
        return new Score(BigDecimal.ZERO, true);
    }
}
