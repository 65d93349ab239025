package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** Câu sắp xếp: the items are stored in the right order; the response must give all of them in that order. */
final class Ordering implements QuestionType {

    static final String CODE = "ORDERING";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        ChoiceChecks.options(q, 2, 20, problems);
    }

    @Override
    public Score score(Question q, Response r) {
        List<String> order = q.choices().stream().map(Choice::id).toList();
        return order.equals(r.selected()) ? Score.of(q.points()) : Scoring.zero();
    }
}
