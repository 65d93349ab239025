package vn.truongso.questions.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Điền khuyết: the stem holds blanks written {@code [[id]]}; each gap accepts typed texts (compared like short
 * answers) or offers a list. Every gap earns an equal share of the points.
 */
final class Cloze implements QuestionType {

    static final String CODE = "CLOZE";
    static final Pattern MARKER = Pattern.compile("\\[\\[([^\\]]+)]]");

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        if (q.gaps().isEmpty()) {
            problems.add(Problem.at(null, null, "questions.invalid.noGaps"));
        }
        Set<String> inStem = new HashSet<>();
        Matcher m = MARKER.matcher(q.stem().text());
        while (m.find()) {
            inStem.add(m.group(1));
        }
        for (Gap g : q.gaps()) {
            if (!inStem.remove(g.id())) {
                problems.add(Problem.at(null, null, "questions.invalid.gapNotInStem", g.id()));
            }
            if (g.options().stream().noneMatch(Choice::correct)) {
                problems.add(Problem.at(null, null, "questions.invalid.gapNoAnswer", g.id()));
            }
        }
        for (String orphan : inStem) {
            problems.add(Problem.at(null, null, "questions.invalid.markerWithoutGap", orphan));
        }
    }

    @Override
    public Score score(Question q, Response r) {
        if (q.gaps().isEmpty()) {
            return Scoring.zero();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Gap g : q.gaps()) {
            String given = r.values().get(g.id());
            if (g.select()) {
                total = total.add(g.options().stream().filter(o -> o.id().equals(given)).map(Choice::earned).findFirst().orElse(BigDecimal.ZERO));
            } else {
                total = total.add(ShortAnswer.best(q, g.options().stream().filter(o -> o.earned().signum() > 0).toList(), List.of(), given));
            }
        }
        if (total.compareTo(BigDecimal.valueOf(q.gaps().size())) == 0) {
            return Score.of(q.points());
        }
        return Score.of(q.points().multiply(total).divide(BigDecimal.valueOf(q.gaps().size()), 4, RoundingMode.HALF_UP));
    }
}
