package vn.truongso.directory.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One move of a student into or out of the school; the history is never rewritten. */
public record Transfer(UUID schoolId, UUID id, UUID studentId, Direction direction, LocalDate effectiveOn, String otherSchool,
        String reason, UUID recordedBy, Instant recordedAt) {

    public enum Direction { IN, OUT }
}
