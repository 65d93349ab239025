package vn.truongso.questions.domain;

import java.util.UUID;

/** What a teacher sends to create or change a bank. */
public record BankInput(String name, String description, String subjectCode, Integer grade, UUID subjectGroupId, String cognitiveScheme) {
}
