package vn.truongso.questions.imports;

import vn.truongso.questions.model.Question;

/** A question read from a file: its number in the file (1-based), the line (or row) it starts on, and the draft. */
public record ParsedQuestion(int number, Integer line, Question question) {
}
