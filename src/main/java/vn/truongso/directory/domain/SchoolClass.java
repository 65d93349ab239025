package vn.truongso.directory.domain;

import java.util.UUID;

/** Lớp, e.g. 6A1, in one school year, with its homeroom teacher (giáo viên chủ nhiệm). */
public record SchoolClass(UUID schoolId, UUID id, UUID schoolYearId, int grade, String name, UUID homeroomStaffId) {
}
