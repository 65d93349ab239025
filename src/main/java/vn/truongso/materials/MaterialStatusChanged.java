package vn.truongso.materials;

import java.util.UUID;

/**
 * A material moved in the workflow (or was created or edited): published in the transaction of the move, so a listener
 * that mirrors the state commits or rolls back with it. {@code action} is the workflow action's name (SUBMIT,
 * START_APPRAISAL, APPRAISE, APPROVE, PUBLISH, …); {@code status} is the state of the material's latest version.
 */
public record MaterialStatusChanged(UUID schoolId, UUID materialId, String action, VersionStatus status, Reach reach) {
}
