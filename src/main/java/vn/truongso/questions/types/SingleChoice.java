package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** Trắc nghiệm nhiều lựa chọn: 2 to 8 options, exactly one correct. */
final class SingleChoice implements QuestionType {

    static final String CODE = "SINGLE_CHOICE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        ChoiceChecks.options(q, 2, 8, problems);
        long correct = ChoiceChecks.correctCount(q);
        if (correct != 1) {
            problems.add(Problem.at(null, null, "questions.invalid.singleChoiceCorrect", correct));
        }
    }

    @Override
    public Score score(Question q, Response r) {
        if (r.selected().size() != 1) {
            return Scoring.zero();
        }
        return q.choices().stream().filter(c -> c.id().equals(r.selected().getFirst())).findFirst()
                .map(c -> c.correct() ? Score.of(q.points()) : Scoring.share(q, c.earned())).orElse(Scoring.zero());
    }
}
