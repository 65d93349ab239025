package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import vn.truongso.platform.InputError;

/**
 * The field rules for a student record, shared by the roster import (which reports sheet, row and column) and the
 * forms and API (which report the field).
 */
public final class StudentValidation {

    /** Mã định danh: the sector assigns it; we accept letters and digits only, 4 to 20 of them. */
    public static final String LEARNER_CODE_PATTERN = "[0-9A-Za-z]{4,20}";

    private StudentValidation() {
    }

    /**
     * @param at builds the error for a field name and message code (arguments are bound by the caller's lambda)
     */
    public static List<InputError> check(String learnerCode, String fullName, LocalDate birthDate, Sex sex, String citizenId,
            BiFunction<String, String, InputError> at) {
        List<InputError> errors = new ArrayList<>();
        if (learnerCode == null || learnerCode.isBlank()) {
            errors.add(at.apply("learnerCode", "student.learnerCode.required"));
        } else if (!learnerCode.matches(LEARNER_CODE_PATTERN)) {
            errors.add(at.apply("learnerCode", "student.learnerCode.format"));
        }
        if (fullName == null || fullName.isBlank()) {
            errors.add(at.apply("fullName", "person.fullName.required"));
        } else if (fullName.length() > 100 || !fullName.matches("[\\p{L}\\p{M} .'-]+")) {
            errors.add(at.apply("fullName", "person.fullName.format"));
        }
        if (birthDate == null) {
            errors.add(at.apply("birthDate", "person.birthDate.required"));
        } else if (birthDate.isAfter(LocalDate.now()) || birthDate.isBefore(LocalDate.now().minusYears(30))) {
            errors.add(at.apply("birthDate", "student.birthDate.range"));
        }
        if (sex == null) {
            errors.add(at.apply("sex", "person.sex.required"));
        }
        if (citizenId != null && !citizenId.isBlank()) {
            CitizenId.problem(citizenId, birthDate, sex).ifPresent(code -> errors.add(at.apply("citizenId", code)));
        }
        return errors;
    }
}
