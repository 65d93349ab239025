package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.util.List;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Câu hỏi trắc nghiệm đúng sai of the 2025 exam format: four statements a) to d), each judged true or false. One,
 * two, three or four correct judgements earn 0.1, 0.25, 0.5 or 1.0 of the question's points (the split is a
 * constructor argument so another scheme can be configured).
 */
final class TrueFalseCluster implements QuestionType {

    static final String CODE = "TRUE_FALSE_CLUSTER";
    static final List<BigDecimal> EXAM_2025 = List.of(BigDecimal.ZERO, new BigDecimal("0.1"), new BigDecimal("0.25"),
            new BigDecimal("0.5"), BigDecimal.ONE);

    private final List<BigDecimal> shareByCorrectJudgements;

    TrueFalseCluster() {
        this(EXAM_2025);
    }

    TrueFalseCluster(List<BigDecimal> shareByCorrectJudgements) {
        this.shareByCorrectJudgements = List.copyOf(shareByCorrectJudgements);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        int statements = shareByCorrectJudgements.size() - 1;
        if (q.choices().size() != statements) {
            problems.add(Problem.at(null, null, "questions.invalid.clusterStatements", q.choices().size(), statements));
        }
        for (int i = 0; i < q.choices().size(); i++) {
            if (q.choices().get(i).text().isBlank()) {
                problems.add(Problem.at(null, null, "questions.invalid.blankOption", (char) ('a' + i) + ")"));
            }
        }
    }

    @Override
    public Score score(Question q, Response r) {
        int right = 0;
        for (Choice statement : q.choices()) {
            String judged = r.values().get(statement.id());
            Boolean value = judgement(judged);
            if (value != null && value == statement.correct()) {
                right++;
            }
        }
        return Scoring.share(q, shareByCorrectJudgements.get(Math.min(right, shareByCorrectJudgements.size() - 1)));
    }

    /** "true"/"false", "Đ"/"S", "T"/"F"; anything else is no answer. */
    static Boolean judgement(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "đ", "đúng", "d", "dung", "1" -> Boolean.TRUE;
            case "false", "f", "s", "sai", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
