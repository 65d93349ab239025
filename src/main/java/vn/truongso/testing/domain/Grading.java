package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.truongso.questions.QuestionScoring;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Scores an attempt from its answers: objective items through the question types' own scoring (the true/false
 * cluster's partial credit included), essays from the teacher's points or pending, and the mark on the 10-point scale
 * rounded to 0.1 half-up (Circular 22: điểm số nguyên hoặc số thập phân được làm tròn đến chữ số thập phân thứ nhất).
 */
public final class Grading {

    public static final BigDecimal TEN = BigDecimal.TEN;

    private Grading() {
    }

    /** An answer as stored: the response and, for an essay, the points a teacher gave (null = not graded yet). */
    public record Answer(Response response, BigDecimal manualPoints) {
    }

    public record ItemScore(UUID questionId, BigDecimal points, boolean pending) {
    }

    /** {@code mark} is null while an essay waits for a teacher. */
    public record Result(BigDecimal points, BigDecimal maxPoints, BigDecimal mark, int pendingEssays, List<ItemScore> items) {
    }

    public static Result grade(Snapshot snapshot, List<Snapshot.Item> items, Map<UUID, Answer> answers) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        int pending = 0;
        List<ItemScore> scores = new ArrayList<>();
        for (Snapshot.Item item : items) {
            Question q = snapshot.scoredAs(item);
            max = max.add(item.points());
            Answer answer = answers.get(item.questionId());
            if ("DESCRIPTION".equals(q.type())) {
                continue;
            }
            if (answer == null) {
                scores.add(new ItemScore(item.questionId(), BigDecimal.ZERO, false));
                continue;
            }
            if (QuestionScoring.autoScored(q.type())) {
                Score s = QuestionScoring.score(q, answer.response());
                BigDecimal p = clamp(s.points(), item.points());
                total = total.add(p);
                scores.add(new ItemScore(item.questionId(), p, false));
            } else if (answer.manualPoints() != null) {
                BigDecimal p = clamp(answer.manualPoints(), item.points());
                total = total.add(p);
                scores.add(new ItemScore(item.questionId(), p, false));
            } else if (answer.response().text() == null || answer.response().text().isBlank()) {
                // An empty essay earns nothing and needs no teacher.
                scores.add(new ItemScore(item.questionId(), BigDecimal.ZERO, false));
            } else {
                pending++;
                scores.add(new ItemScore(item.questionId(), null, true));
            }
        }
        return new Result(total, max, pending > 0 ? null : mark(total, max), pending, List.copyOf(scores));
    }

    /** Points out of max on the 10-point scale, rounded to 0.1 half-up; 0 when nothing could be earned. */
    public static BigDecimal mark(BigDecimal points, BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return points.multiply(TEN).divide(max, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal p, BigDecimal max) {
        if (p == null || p.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return p.compareTo(max) > 0 ? max : p;
    }
}
