package vn.truongso.questions.papers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.jsoup.Jsoup;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * How a question is shown in a variant and what its key is: choice options in the variant's order (letters A, B, C
 * …), ordering items in a fixed shuffle of their own (printing them in the right order would give the answer away),
 * matching answers in alphabetical order, and the key as printed in the answer key (đáp án).
 */
final class AnswerKeys {

    private AnswerKeys() {
    }

    /** The options in the order the variant shows them. */
    static List<Choice> displayed(Question q, PaperGenerator.Item item, String variantCode) {
        if (QuestionTypes.ORDERING.equals(q.type())) {
            List<Choice> shuffled = new ArrayList<>(q.choices());
            if (shuffled.size() > 1) {
                Random rng = new Random(item.questionId().getLeastSignificantBits() ^ variantCode.hashCode());
                for (int i = 0; i < 10 && shuffled.equals(q.choices()); i++) {
                    Collections.shuffle(shuffled, rng);
                }
            }
            return shuffled;
        }
        if (item.optionOrder().isEmpty()) {
            return q.choices();
        }
        Map<String, Choice> byId = new LinkedHashMap<>();
        q.choices().forEach(c -> byId.put(c.id(), c));
        List<Choice> ordered = new ArrayList<>();
        for (String id : item.optionOrder()) {
            Choice c = byId.remove(id);
            if (c != null) {
                ordered.add(c);
            }
        }
        ordered.addAll(byId.values());
        return ordered;
    }

    /** The answers of a matching question, each once, in alphabetical order (lettered a, b, c …). */
    static List<String> matchAnswers(Question q) {
        return new ArrayList<>(new TreeSet<>(q.pairs().stream().map(MatchPair::answer).filter(a -> a != null && !a.isBlank()).toList()));
    }

    /** The key as the answer key prints it: "B", "ĐSĐS", "2,5", "1-b; 2-a", "c, a, b", "(1) Hà Nội"; essays "Tự luận". */
    static String key(Question q, PaperGenerator.Item item, String variantCode) {
        return switch (q.type()) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> {
                List<Choice> shown = displayed(q, item, variantCode);
                StringBuilder letters = new StringBuilder();
                for (int i = 0; i < shown.size(); i++) {
                    if (shown.get(i).correct() || shown.get(i).earned().signum() > 0) {
                        letters.append(letters.isEmpty() ? "" : ",").append(PaperLayout.letter(i));
                    }
                }
                yield letters.toString();
            }
            case QuestionTypes.TRUE_FALSE_CLUSTER -> {
                StringBuilder s = new StringBuilder();
                q.choices().forEach(c -> s.append(c.correct() ? "Đ" : "S"));
                yield s.toString();
            }
            case QuestionTypes.TRUE_FALSE -> q.choices().stream().filter(Choice::correct).findFirst()
                    .map(c -> "true".equalsIgnoreCase(c.id()) ? "Đúng" : "Sai").orElse("");
            case QuestionTypes.SHORT_ANSWER -> shortAnswer(q);
            case QuestionTypes.ORDERING -> {
                List<Choice> shown = displayed(q, item, variantCode);
                List<String> seq = new ArrayList<>();
                for (Choice c : q.choices()) {
                    seq.add(String.valueOf((char) ('a' + shown.indexOf(c))));
                }
                yield String.join(", ", seq);
            }
            case QuestionTypes.MATCHING -> {
                List<String> answers = matchAnswers(q);
                List<String> parts = new ArrayList<>();
                int n = 0;
                for (MatchPair p : q.pairs()) {
                    if (!p.isDistractor()) {
                        parts.add(++n + "-" + (char) ('a' + answers.indexOf(p.answer())));
                    }
                }
                yield String.join("; ", parts);
            }
            case QuestionTypes.CLOZE -> {
                List<String> parts = new ArrayList<>();
                int n = 0;
                for (Gap g : q.gaps()) {
                    n++;
                    parts.add("(" + n + ") " + g.options().stream().filter(Choice::correct).findFirst().map(c -> text(c.text())).orElse(""));
                }
                yield String.join("; ", parts);
            }
            case QuestionTypes.ESSAY -> "Tự luận";
            default -> "";
        };
    }

    private static String shortAnswer(Question q) {
        if (!q.numbers().isEmpty()) {
            NumericAnswer a = q.numbers().stream().filter(n -> n.value() != null && n.earned().signum() > 0).findFirst().orElse(null);
            if (a == null) {
                return "";
            }
            String value = PaperHeading.points(a.value());
            return a.tolerance().signum() == 0 ? value : value + " ± " + PaperHeading.points(a.tolerance());
        }
        return q.choices().stream().filter(c -> c.earned().signum() > 0).findFirst().map(c -> text(c.text())).orElse("");
    }

    /** Content as one line of plain text (HTML tags dropped). */
    static String text(Content c) {
        if (c == null) {
            return "";
        }
        return c.text().contains("<") ? Jsoup.parseBodyFragment(c.text()).text() : c.text().strip();
    }
}
