package vn.truongso.platform;

import java.util.Map;
import java.util.UUID;

/**
 * The append-only audit log: sign-ins and every change. Entries are written in the caller's transaction, so a
 * change and its audit entry are committed, or rolled back, together.
 */
public interface AuditLog {

    /** Records an action of the current user (or of the system when nobody is signed in). */
    void record(String action, UUID orgUnitId, String subjectType, String subjectId, Map<String, ?> detail);
}
