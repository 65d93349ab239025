package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/** The registry of question types: a new type is one class and one line in {@link #ALL}. */
public final class QuestionTypes {

    public static final String SINGLE_CHOICE = SingleChoice.CODE;
    public static final String MULTIPLE_RESPONSE = MultipleResponse.CODE;
    public static final String TRUE_FALSE = TrueFalse.CODE;
    public static final String TRUE_FALSE_CLUSTER = TrueFalseCluster.CODE;
    public static final String SHORT_ANSWER = ShortAnswer.CODE;
    public static final String ESSAY = Essay.CODE;
    public static final String MATCHING = Matching.CODE;
    public static final String ORDERING = Ordering.CODE;
    public static final String CLOZE = Cloze.CODE;
    public static final String DESCRIPTION = Description.CODE;

    private static final List<QuestionType> ALL = List.of(new SingleChoice(), new MultipleResponse(), new TrueFalse(),
            new TrueFalseCluster(), new ShortAnswer(), new Essay(), new Matching(), new Ordering(), new Cloze(), new Description());

    private static final Map<String, QuestionType> BY_CODE = new LinkedHashMap<>();

    static {
        ALL.forEach(t -> BY_CODE.put(t.code(), t));
    }

    private QuestionTypes() {
    }

    public static List<String> codes() {
        return List.copyOf(BY_CODE.keySet());
    }

    public static Optional<QuestionType> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** Every problem of a question: the checks common to all types, then the type's own. Empty when it is valid. */
    public static List<Problem> validate(Question q) {
        List<Problem> problems = new ArrayList<>();
        Optional<QuestionType> type = find(q.type());
        if (type.isEmpty()) {
            problems.add(Problem.at(null, null, "questions.invalid.unknownType", String.valueOf(q.type())));
            return problems;
        }
        if (q.stem().isBlank() && !CLOZE.equals(q.type())) {
            problems.add(Problem.at(null, null, "questions.invalid.emptyStem"));
        }
        if (q.points().signum() < 0 || (q.points().signum() == 0 && type.get().autoScored())) {
            problems.add(Problem.at(null, null, "questions.invalid.points", q.points().toPlainString()));
        }
        Integer difficulty = q.classification().difficulty();
        if (difficulty != null && (difficulty < 1 || difficulty > 5)) {
            problems.add(Problem.at(null, null, "questions.invalid.difficulty", difficulty));
        }
        type.get().validate(q, problems);
        return problems;
    }

    public static Score score(Question q, Response r) {
        Score s = find(q.type()).orElseThrow(() -> new IllegalArgumentException("unknown type " + q.type())).score(q, r);
        return s.points().compareTo(q.points()) > 0 ? Score.of(q.points()) : s.points().signum() < 0 ? Score.of(BigDecimal.ZERO) : s;
    }
}
