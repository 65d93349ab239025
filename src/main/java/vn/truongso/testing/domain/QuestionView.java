package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.Question;

/**
 * A question as the student's browser receives it: text as safe HTML and what can be chosen, in the attempt's order,
 * and nothing that tells the key (no correct flags, fractions, feedback, accepted answers or rubric).
 *
 * @param answerKind how the response is written: {@code selected} (option ids; for ordering, in the order given),
 *        {@code values} (statement id → "true"/"false", pair id → one of {@code answers}, gap id → typed text or, for a
 *        select gap, the chosen option's id) or {@code text}; {@code none} for a description
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QuestionView(UUID id, int number, String type, BigDecimal points, String stemHtml, String answerKind, List<Option> options,
        List<Option> statements, List<Option> prompts, List<String> answers, List<GapView> gaps) {

    public record Option(String id, String html) {
    }

    public record GapView(String id, boolean select, List<Option> options) {
    }

    /** Where question images are served from (the id is the blob's SHA-256). */
    static final String MEDIA_PREFIX = "/testing/media/";

    static QuestionView of(Question q, UUID id, int number, BigDecimal points, List<String> optionOrder, long seed, Function<Content, String> html) {
        String stem = html.apply(q.stem());
        List<Option> options = List.of();
        List<Option> statements = List.of();
        List<Option> prompts = List.of();
        List<String> answers = List.of();
        List<GapView> gaps = List.of();
        String kind;
        switch (q.type()) {
            case "SINGLE_CHOICE", "MULTIPLE_RESPONSE", "TRUE_FALSE", "ORDERING" -> {
                kind = "selected";
                options = ordered(q.choices(), optionOrder).stream().map(c -> new Option(c.id(), html.apply(c.text()))).toList();
            }
            case "TRUE_FALSE_CLUSTER" -> {
                kind = "values";
                statements = q.choices().stream().map(c -> new Option(c.id(), html.apply(c.text()))).toList();
            }
            case "MATCHING" -> {
                kind = "values";
                prompts = q.pairs().stream().filter(p -> !p.isDistractor()).map(p -> new Option(p.id(), html.apply(p.prompt()))).toList();
                answers = optionOrder.isEmpty() ? matchingAnswers(q, seed, id) : optionOrder;
            }
            case "CLOZE" -> {
                kind = "values";
                Random random = new Random(seed ^ id.getLeastSignificantBits());
                List<GapView> list = new ArrayList<>();
                for (Gap gap : q.gaps()) {
                    List<Option> choices = List.of();
                    if (gap.select()) {
                        // A select gap is answered with the option's id; its options are shown in a seeded shuffle.
                        List<Option> shuffled = new ArrayList<>(gap.options().stream().map(c -> new Option(c.id(), html.apply(c.text()))).toList());
                        Collections.shuffle(shuffled, random);
                        choices = shuffled;
                    }
                    list.add(new GapView(gap.id(), gap.select(), choices));
                }
                gaps = list;
            }
            case "SHORT_ANSWER", "ESSAY" -> kind = "text";
            default -> kind = "none";
        }
        return new QuestionView(id, number, q.type(), points, stem, kind, options, statements, prompts, answers, gaps);
    }

    /** The option order an attempt stores for a question (before the view is built from it). */
    static List<String> optionOrder(Question q, List<String> paperOrder, boolean shuffleOptions, Random random, long seed, UUID id) {
        switch (q.type()) {
            case "SINGLE_CHOICE", "MULTIPLE_RESPONSE" -> {
                List<String> ids = new ArrayList<>(paperOrder.isEmpty() ? q.choices().stream().map(Choice::id).toList() : paperOrder);
                if (shuffleOptions) {
                    Collections.shuffle(ids, random);
                }
                return ids;
            }
            case "ORDERING" -> {
                // The stored order is the answer: always shown shuffled, and never in the right order when avoidable.
                List<String> right = q.choices().stream().map(Choice::id).toList();
                List<String> ids = new ArrayList<>(right);
                for (int i = 0; i < 10 && ids.size() > 1 && ids.equals(right); i++) {
                    Collections.shuffle(ids, random);
                }
                return ids;
            }
            case "MATCHING" -> {
                return matchingAnswers(q, seed, id);
            }
            default -> {
                return List.of();
            }
        }
    }

    private static List<String> matchingAnswers(Question q, long seed, UUID id) {
        List<String> answers = new ArrayList<>(q.pairs().stream().map(MatchPair::answer).distinct().toList());
        Collections.shuffle(answers, new Random(seed ^ id.getMostSignificantBits()));
        return answers;
    }

    private static List<Choice> ordered(List<Choice> choices, List<String> order) {
        if (order.isEmpty()) {
            return choices;
        }
        Map<String, Choice> byId = new LinkedHashMap<>();
        choices.forEach(c -> byId.put(c.id(), c));
        List<Choice> result = new ArrayList<>();
        for (String id : order) {
            Choice c = byId.remove(id);
            if (c != null) {
                result.add(c);
            }
        }
        result.addAll(byId.values());
        return result;
    }
}
