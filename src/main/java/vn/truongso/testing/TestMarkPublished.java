package vn.truongso.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A final mark of an attempt is known (every objective item scored and every essay graded), or changed after a key
 * correction, an essay regrade or a reopened attempt. The gradebook keeps the latest per attempt.
 *
 * @param purpose PRACTICE, REGULAR (thường xuyên) or PERIODIC (giữa kỳ/cuối kỳ)
 * @param mark on the 10-point scale, rounded to 0.1 half-up
 */
public record TestMarkPublished(UUID schoolId, UUID sessionId, UUID attemptId, UUID studentId, String purpose, BigDecimal points,
        BigDecimal maxPoints, BigDecimal mark, Instant at) {
}
