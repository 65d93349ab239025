package vn.truongso.platform;

import java.io.Serializable;
import java.util.UUID;

/** A role held at one org unit; it reaches every unit beneath that one. */
public record RoleGrant(Role role, UUID orgUnitId) implements Serializable {
}
