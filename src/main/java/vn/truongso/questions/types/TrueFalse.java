package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** One statement judged true or false (GIFT {T}/{F}): two options with ids {@code true} and {@code false}, one correct. */
final class TrueFalse implements QuestionType {

    static final String CODE = "TRUE_FALSE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        List<String> ids = q.choices().stream().map(Choice::id).sorted().toList();
        if (!ids.equals(List.of("false", "true")) || ChoiceChecks.correctCount(q) != 1) {
            problems.add(Problem.at(null, null, "questions.invalid.trueFalse"));
        }
    }

    @Override
    public Score score(Question q, Response r) {
        String answer = !r.selected().isEmpty() ? r.selected().getFirst() : r.text();
        return q.choices().stream().filter(c -> c.correct() && c.id().equalsIgnoreCase(String.valueOf(answer))).findFirst()
                .map(c -> Score.of(q.points())).orElse(Scoring.zero());
    }
}
