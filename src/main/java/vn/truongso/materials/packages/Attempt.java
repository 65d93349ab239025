package vn.truongso.materials.packages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One learner's tracking data for one item of a package, as last committed. */
public record Attempt(UUID schoolId, UUID id, UUID packageId, UUID accountId, String itemId, Map<String, String> cmi, String lessonStatus,
        String completionStatus, String successStatus, BigDecimal scoreRaw, BigDecimal scoreScaled, BigDecimal totalSeconds, int commits,
        Instant startedAt, Instant updatedAt) {
}
