package vn.truongso.testing.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a teacher sends to create a session: the source (a test paper, a practice set, or a bank with all its questions
 * or the ones picked), who takes it, the window, the duration, attempts, shuffling, the access code, the results policy and the
 * purpose (with the reason and the principal's decision for an online periodic test, Circular 09 Art. 6).
 */
public record SessionInput(String title, UUID paperId, UUID bankId, UUID practiceSetId, List<UUID> questionIds, List<UUID> classIds, List<UUID> studentIds,
        Instant opensAt, Instant closesAt, Integer durationMinutes, Integer attemptsAllowed, Boolean shuffleQuestions,
        Boolean shuffleOptions, String accessCode, String resultsPolicy, String purpose, String periodicReason, String approvalReference) {

    public SessionInput {
        questionIds = questionIds == null ? List.of() : List.copyOf(questionIds);
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
    }
}
