package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Several correct options. Without weights the response must pick exactly the correct set; with weights (Moodle's
 * %50%) each picked option adds its weight, negative ones subtract, and the total is kept between 0 and 100 %.
 */
final class MultipleResponse implements QuestionType {

    static final String CODE = "MULTIPLE_RESPONSE";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        ChoiceChecks.options(q, 2, 12, problems);
        if (ChoiceChecks.correctCount(q) < 1) {
            problems.add(Problem.at(null, null, "questions.invalid.noCorrect"));
        }
        if (weighted(q)) {
            BigDecimal positive = q.choices().stream().map(Choice::earned).filter(f -> f.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (positive.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.02")) > 0) {
                problems.add(Problem.at(null, null, "questions.invalid.weightsSum", positive.movePointRight(2).stripTrailingZeros().toPlainString()));
            }
        }
    }

    static boolean weighted(Question q) {
        return q.choices().stream().anyMatch(c -> c.fraction() != null);
    }

    @Override
    public Score score(Question q, Response r) {
        Set<String> picked = new HashSet<>(r.selected());
        if (weighted(q)) {
            BigDecimal total = q.choices().stream().filter(c -> picked.contains(c.id())).map(Choice::earned).reduce(BigDecimal.ZERO, BigDecimal::add);
            return Scoring.share(q, total);
        }
        Set<String> correct = new HashSet<>();
        q.choices().stream().filter(Choice::correct).forEach(c -> correct.add(c.id()));
        return correct.equals(picked) ? Score.of(q.points()) : Scoring.zero();
    }
}
