package vn.truongso.questions.types;

import java.util.List;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * One kind of question: it checks its own definition and scores a response. One small class per type, listed once in
 * {@link QuestionTypes}.
 */
public interface QuestionType {

    /** The stored code, e.g. {@code SINGLE_CHOICE}. */
    String code();

    /** Adds every problem of the definition (without location: the caller knows the question number and line). */
    void validate(Question question, List<Problem> problems);

    /** The points a response earns, between 0 and the question's points. */
    Score score(Question question, Response response);

    /** Whether the type is scored automatically. */
    default boolean autoScored() {
        return true;
    }
}
