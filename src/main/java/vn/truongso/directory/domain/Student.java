package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Học sinh. The learner code (mã định danh) is the sector-wide identifier: given at first entry and never changed.
 */
public record Student(UUID schoolId, UUID id, String learnerCode, String citizenId, String fullName, LocalDate birthDate, Sex sex,
        String ethnicity, String birthplace, String address, Status status) {

    public enum Status { STUDYING, TRANSFERRED_OUT, GRADUATED, DROPPED_OUT }
}
