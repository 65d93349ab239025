package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** Câu tự luận: a free answer graded by a teacher against the rubric (hướng dẫn chấm). */
final class Essay implements QuestionType {

    static final String CODE = "ESSAY";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        if (!q.choices().isEmpty() || !q.numbers().isEmpty() || !q.pairs().isEmpty() || !q.gaps().isEmpty()) {
            problems.add(Problem.at(null, null, "questions.invalid.essayAnswers"));
        }
    }

    @Override
    public Score score(Question q, Response r) {
        return Score.manual();
    }

    @Override
    public boolean autoScored() {
        return false;
    }
}
