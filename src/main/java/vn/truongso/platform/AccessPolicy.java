package vn.truongso.platform;

import java.util.UUID;

/**
 * The one place that decides whether a user may act on a school's data. A school outside every grant of the user
 * answers {@link NotFoundException} (404); a school she can see but a capability her roles lack answers
 * {@link ForbiddenException} (403).
 */
public interface AccessPolicy {

    /** Throws unless the user holds a role granting {@code capability} at the school or at a unit above it. */
    void require(CurrentUser user, UUID schoolId, Capability capability);

    /** True when some grant of the user reaches the school, whatever the role. */
    boolean reaches(CurrentUser user, UUID schoolId);

    boolean allows(CurrentUser user, UUID schoolId, Capability capability);

    /** Like {@link #require} for any org unit (Sở, Phòng or school). */
    void requireAtUnit(CurrentUser user, UUID orgUnitId, Capability capability);
}
