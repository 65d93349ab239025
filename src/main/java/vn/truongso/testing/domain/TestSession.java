package vn.truongso.testing.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A test session (đợt kiểm tra) as stored. */
public record TestSession(UUID schoolId, UUID id, String title, String sourceKind, UUID sourceId, Purpose purpose,
        String periodicReason, String approvalReference, Instant opensAt, Instant closesAt, int durationMinutes, int attemptsAllowed,
        boolean shuffleQuestions, boolean shuffleOptions, String accessCode, ResultsPolicy resultsPolicy, int keyVersion,
        UUID createdBy, Instant createdAt, List<UUID> classIds, List<UUID> studentIds) {

    public TestSession {
        classIds = List.copyOf(classIds);
        studentIds = List.copyOf(studentIds);
    }

    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
