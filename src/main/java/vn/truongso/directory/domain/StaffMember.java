package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Cán bộ, giáo viên, nhân viên of a school. */
public record StaffMember(UUID schoolId, UUID id, String staffCode, String fullName, LocalDate birthDate, Sex sex, String citizenId,
        StaffPosition position, UUID subjectGroupId, String email, String phone, boolean active) {
}
