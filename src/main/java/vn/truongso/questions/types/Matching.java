package vn.truongso.questions.types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.model.Score;

/**
 * Câu ghép nối: each prompt matches one answer (pairs without a prompt are distractors). Each right match earns an
 * equal share; the response maps pair ids to chosen answers.
 */
final class Matching implements QuestionType {

    static final String CODE = "MATCHING";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public void validate(Question q, List<Problem> problems) {
        long prompts = q.pairs().stream().filter(p -> !p.isDistractor()).count();
        if (prompts < 2) {
            problems.add(Problem.at(null, null, "questions.invalid.matchingPairs", prompts));
        }
        Set<String> ids = new HashSet<>();
        for (MatchPair p : q.pairs()) {
            if (p.answer() == null || p.answer().isBlank()) {
                problems.add(Problem.at(null, null, "questions.invalid.blankAnswer"));
            }
            if (p.id() == null || !ids.add(p.id())) {
                problems.add(Problem.at(null, null, "questions.invalid.duplicateOptionId", p.id()));
            }
        }
    }

    @Override
    public Score score(Question q, Response r) {
        int right = 0;
        int of = 0;
        for (MatchPair p : q.pairs()) {
            if (p.isDistractor()) {
                continue;
            }
            of++;
            String given = r.values().get(p.id());
            if (given != null && Scoring.normalise(given, true, false).equals(Scoring.normalise(p.answer(), true, false))) {
                right++;
            }
        }
        return Scoring.share(q, right, of);
    }
}
