package vn.truongso.directory.domain;

import java.util.UUID;

/** Cha, mẹ or người giám hộ of one or more students of the school. */
public record Guardian(UUID schoolId, UUID id, String fullName, String phone, String email, String citizenId) {

    public enum Relationship { FATHER, MOTHER, GUARDIAN }
}
