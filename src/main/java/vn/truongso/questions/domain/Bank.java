package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A question bank of a school, optionally of one of its subject groups, with its workflow status and, once sent for
 * appraisal, the material that carries it through the materials workflow.
 */
public record Bank(UUID schoolId, UUID id, String name, String description, String subjectCode, Integer grade, UUID subjectGroupId,
        String cognitiveScheme, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt, long questionCount,
        UUID materialId) {
}
