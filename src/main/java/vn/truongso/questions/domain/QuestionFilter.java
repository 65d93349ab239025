package vn.truongso.questions.domain;

import java.util.UUID;

/** Search filters; every field is optional. {@code text} matches the stem and title with or without diacritics. */
public record QuestionFilter(UUID bankId, String type, String subjectCode, Integer grade, UUID topicId, UUID outcomeId,
        String cognitiveLevel, Integer difficulty, String tag, String text, String status) {
}
