package vn.truongso.questions.domain;

import java.util.UUID;

import vn.truongso.questions.model.Question;

/** A question as kept in a bank: its id, bank, position and workflow status around the definition. */
public record StoredQuestion(UUID id, UUID bankId, int position, String status, Question question) {
}
