package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** Text shown between questions (a reading passage, instructions); no answer, no points. */
final class Description implements QuestionType {

    static final String CODE = "DESCRIPTION";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        if (q.stem().isBlank()) {
            problems.add(Problem.at(null, null, "questions.invalid.emptyStem"));
        }
    }

    @Override
    public Score score(Question q, Response r) {
        return Scoring.zero();
    }

    @Override
    public boolean autoScored() {
        return false;
    }
}
