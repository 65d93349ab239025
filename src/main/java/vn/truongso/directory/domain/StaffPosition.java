package vn.truongso.directory.domain;

import vn.truongso.platform.Role;

/** Chức vụ: the position decides the role an imported staff member's account receives. */
public enum StaffPosition {
    PRINCIPAL(Role.PRINCIPAL), VICE_PRINCIPAL(Role.VICE_PRINCIPAL), TEACHER(Role.TEACHER), IT_STAFF(Role.IT_STAFF), STAFF(null);

    private final Role role;

    StaffPosition(Role role) {
        this.role = role;
    }

    /** The account role that goes with the position, if any (office staff get no account by default). */
    public Role role() {
        return role;
    }
}
