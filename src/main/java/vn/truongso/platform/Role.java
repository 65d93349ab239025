package vn.truongso.platform;

/**
 * The roles a user holds, each granted at an org unit (Sở, Phòng or school) and valid for everything beneath it.
 */
public enum Role {
    /** Quản trị hệ thống. */
    SYSTEM_ADMIN,
    /** Cán bộ Sở GDĐT. */
    SO_OFFICER,
    /** Cán bộ Phòng GDĐT. */
    PHONG_OFFICER,
    /** Hiệu trưởng. */
    PRINCIPAL,
    /** Phó hiệu trưởng. */
    VICE_PRINCIPAL,
    /** Tổ trưởng chuyên môn. */
    GROUP_HEAD,
    /** Giáo viên. */
    TEACHER,
    /** Cán bộ phụ trách công nghệ thông tin của trường. */
    IT_STAFF,
    /** Học sinh. */
    STUDENT,
    /** Phụ huynh. */
    PARENT;

    public boolean isStaffOfSchool() {
        return this == PRINCIPAL || this == VICE_PRINCIPAL || this == GROUP_HEAD || this == TEACHER || this == IT_STAFF;
    }

    public boolean isOfficer() {
        return this == SYSTEM_ADMIN || this == SO_OFFICER || this == PHONG_OFFICER;
    }
}
