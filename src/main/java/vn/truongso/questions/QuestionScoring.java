package vn.truongso.questions;

import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Scoring as other modules use it: the question types themselves stay internal, so a new type touches only this
 * module.
 */
public final class QuestionScoring {

    private QuestionScoring() {
    }

    /** The points a response earns, between 0 and the question's points; essays wait for a teacher. */
    public static Score score(Question question, Response response) {
        return QuestionTypes.score(question, response);
    }

    /** Whether a question of this type is scored without a teacher. */
    public static boolean autoScored(String type) {
        return QuestionTypes.find(type).map(t -> t.autoScored()).orElse(false);
    }
}
