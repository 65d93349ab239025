package vn.truongso.questions.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import vn.truongso.questions.QuestionHtml;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * A question as a page shows it: text as safe HTML (images pointing at the media route), options with labels, and
 * the key only when {@code withKey} (staff pages, or a student's feedback after she answered). A student's page built
 * without the key carries no correct flag, accepted answer, pair answer or feedback at all.
 */
public record QuestionView(UUID id, UUID bankId, int number, String status, String type, String title, String stemHtml, BigDecimal points,
        List<Option> options, List<String> answers, List<Prompt> prompts, List<String> matchAnswers, List<GapView> gaps, String feedbackHtml,
        String rubricHtml, Classification classification, String category, boolean withKey) {

    /** A matching prompt, answered by choosing one of {@link #matchAnswers()}. */
    public record Prompt(String id, String html) {
    }

    /** A blank of a cloze question: typed, or chosen from its options. */
    public record GapView(String id, int number, boolean select, List<Option> options) {
    }

    /** An option (A, B, …) or a statement of a true/false cluster (a, b, …). */
    public record Option(String id, String label, String html, boolean correct, String feedbackHtml) {
    }

    public boolean cluster() {
        return QuestionTypes.TRUE_FALSE_CLUSTER.equals(type);
    }

    public boolean choiceType() {
        return QuestionTypes.SINGLE_CHOICE.equals(type) || QuestionTypes.MULTIPLE_RESPONSE.equals(type) || QuestionTypes.TRUE_FALSE.equals(type);
    }

    public boolean multiple() {
        return QuestionTypes.MULTIPLE_RESPONSE.equals(type);
    }

    public boolean textAnswer() {
        return QuestionTypes.SHORT_ANSWER.equals(type) || QuestionTypes.ESSAY.equals(type) || QuestionTypes.CLOZE.equals(type);
    }

    public String pointsText() {
        return points.stripTrailingZeros().toPlainString();
    }

    static QuestionView of(UUID id, UUID bankId, int number, String status, Question q, UnaryOperator<String> blobUrl, boolean withKey) {
        List<Option> options = new ArrayList<>();
        boolean cluster = QuestionTypes.TRUE_FALSE_CLUSTER.equals(q.type());
        boolean ordering = QuestionTypes.ORDERING.equals(q.type());
        boolean shortAnswer = QuestionTypes.SHORT_ANSWER.equals(q.type());
        List<String> answers = new ArrayList<>();
        if (!shortAnswer) {
            List<Choice> choices = q.choices();
            for (int i = 0; i < choices.size(); i++) {
                Choice c = choices.get(i);
                String label = cluster ? (char) ('a' + i) + ")" : ordering ? String.valueOf(i + 1) : (char) ('A' + i) + ".";
                options.add(new Option(c.id(), label, QuestionHtml.toSafeHtml(c.text(), blobUrl), withKey && c.correct(),
                        withKey ? QuestionHtml.toSafeHtml(c.feedback(), blobUrl) : ""));
            }
        }
        if (ordering && !withKey) {
            // The stored order is the answer: a student sees the items in a fixed shuffle.
            java.util.Collections.shuffle(options, new java.util.Random(id == null ? 7 : id.getLeastSignificantBits()));
        }
        List<Prompt> prompts = new ArrayList<>();
        List<String> matchAnswers = new ArrayList<>();
        for (MatchPair p : q.pairs()) {
            if (!p.isDistractor()) {
                prompts.add(new Prompt(p.id(), QuestionHtml.toSafeHtml(p.prompt(), blobUrl)));
            }
            matchAnswers.add(p.answer());
        }
        if (withKey) {
            if (shortAnswer) {
                q.choices().stream().filter(c -> c.earned().signum() > 0).forEach(c -> answers.add(c.text().text() + percent(c.earned())));
                for (NumericAnswer n : q.numbers()) {
                    if (n.value() != null) {
                        answers.add(n.value().stripTrailingZeros().toPlainString()
                                + (n.tolerance().signum() > 0 ? " ± " + n.tolerance().stripTrailingZeros().toPlainString() : "") + percent(n.earned()));
                    }
                }
            }
            for (MatchPair p : q.pairs()) {
                if (!p.isDistractor()) {
                    answers.add(p.prompt().text() + " → " + p.answer());
                }
            }
            for (Gap g : q.gaps()) {
                answers.add("[[" + g.id() + "]]: " + String.join(" | ", g.options().stream().filter(Choice::correct).map(c -> c.text().text()).toList()));
            }
        }
        List<GapView> gaps = new ArrayList<>();
        int gapNumber = 1;
        for (Gap g : q.gaps()) {
            List<Option> gapOptions = new ArrayList<>();
            if (g.select()) {
                for (Choice c : g.options()) {
                    gapOptions.add(new Option(c.id(), "", c.text().text(), withKey && c.correct(), ""));
                }
            }
            gaps.add(new GapView(g.id(), gapNumber++, g.select(), gapOptions));
        }
        String stem = q.stem().text();
        Content shown = q.stem();
        if (QuestionTypes.CLOZE.equals(q.type())) {
            // Blanks as numbered gaps "(1) ____".
            int n = 1;
            for (Gap g : q.gaps()) {
                stem = stem.replace(Gap.marker(g.id()), " (" + (n++) + ") ______ ");
            }
            shown = new Content(q.stem().format(), stem);
        }
        // A Word file's "Câu 3" is a number, not a title: the page numbers questions itself.
        String title = q.title() == null || q.title().strip().matches("(?iu)câu\\s*\\d+\\s*[.:]?") ? null : q.title();
        return new QuestionView(id, bankId, number, status, q.type(), title, QuestionHtml.toSafeHtml(shown, blobUrl), q.points(), options,
                answers, prompts, matchAnswers.stream().distinct().sorted().toList(), gaps,
                withKey ? QuestionHtml.toSafeHtml(q.generalFeedback(), blobUrl) : "", withKey ? QuestionHtml.toSafeHtml(q.rubric(), blobUrl) : "",
                q.classification(), q.category(), withKey);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.compareTo(BigDecimal.ONE) == 0 ? "" : " (" + fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%)";
    }
}
