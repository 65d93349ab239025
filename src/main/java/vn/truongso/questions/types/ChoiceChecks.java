package vn.truongso.questions.types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;

/** Checks every option-based type shares: a number of options within bounds, none blank, ids unique. */
final class ChoiceChecks {

    private ChoiceChecks() {
    }

    static void options(Question q, int min, int max, List<Problem> problems) {
        int n = q.choices().size();
        if (n < min || n > max) {
            problems.add(Problem.at(null, null, "questions.invalid.optionCount", n, min, max));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Choice c = q.choices().get(i);
            if (c.text().isBlank()) {
                problems.add(Problem.at(null, null, "questions.invalid.blankOption", label(c, i)));
            }
            if (c.id() == null || !ids.add(c.id())) {
                problems.add(Problem.at(null, null, "questions.invalid.duplicateOptionId", label(c, i)));
            }
        }
    }

    static String label(Choice c, int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : String.valueOf(index + 1);
    }

    static long correctCount(Question q) {
        return q.choices().stream().filter(Choice::correct).count();
    }
}
