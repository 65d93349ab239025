package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Câu trả lời ngắn: either accepted texts (compared after NFC, white-space and case normalisation, and without
 * diacritics when the question says so) or accepted numbers with a tolerance ("1,5" and "1.5" both read as 1.5). The
 * best matching answer's weight counts.
 */
final class ShortAnswer implements QuestionType {

    static final String CODE = "SHORT_ANSWER";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        if (q.choices().isEmpty() && q.numbers().isEmpty()) {
            problems.add(Problem.at(null, null, "questions.invalid.noAnswer"));
            return;
        }
        if (!q.choices().isEmpty() && !q.numbers().isEmpty()) {
            problems.add(Problem.at(null, null, "questions.invalid.textAndNumber"));
        }
        boolean full = q.choices().stream().anyMatch(c -> c.earned().compareTo(BigDecimal.ONE) == 0)
                || q.numbers().stream().anyMatch(n -> n.earned().compareTo(BigDecimal.ONE) == 0);
        if (!full) {
            problems.add(Problem.at(null, null, "questions.invalid.noFullAnswer"));
        }
        for (Choice c : q.choices()) {
            if (c.text().isBlank()) {
                problems.add(Problem.at(null, null, "questions.invalid.blankAnswer"));
            }
        }
        for (NumericAnswer n : q.numbers()) {
            if ((n.value() == null && n.earned().signum() != 0) || n.tolerance().signum() < 0) {
                problems.add(Problem.at(null, null, "questions.invalid.badNumber"));
            }
        }
    }

    @Override
    public Score score(Question q, Response r) {
        return Scoring.share(q, best(q, q.choices(), q.numbers(), r.text()));
    }

    /** The best weight the typed text earns among the accepted texts or numbers (also used by cloze gaps). */
    static BigDecimal best(Question q, List<Choice> texts, List<NumericAnswer> numbers, String typed) {
        BigDecimal best = BigDecimal.ZERO;
        if (typed == null) {
            return best;
        }
        if (!numbers.isEmpty()) {
            Optional<BigDecimal> value = Scoring.number(typed);
            if (value.isEmpty()) {
                return best;
            }
            for (NumericAnswer n : numbers) {
                if (n.accepts(value.get()) && n.earned().compareTo(best) > 0) {
                    best = n.earned();
                }
            }
            return best;
        }
        String key = Scoring.normalise(typed, q.caseSensitive(), q.ignoreDiacritics());
        for (Choice c : texts) {
            if (c.earned().compareTo(best) > 0 && matches(c.text().text(), key, q)) {
                best = c.earned();
            }
        }
        return best;
    }

    private static boolean matches(String accepted, String key, Question q) {
        String pattern = Scoring.normalise(accepted, q.caseSensitive(), q.ignoreDiacritics());
        if (pattern.contains("*")) {
            // Moodle's wildcard: * stands for any run of characters.
            String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*"));
            return key.matches(regex);
        }
        return pattern.equals(key);
    }
}
