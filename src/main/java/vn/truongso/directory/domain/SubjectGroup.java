package vn.truongso.directory.domain;

import java.util.UUID;

/** Tổ chuyên môn, with its head (tổ trưởng). */
public record SubjectGroup(UUID schoolId, UUID id, String name, UUID headStaffId) {
}
