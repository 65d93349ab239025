package vn.truongso.questions.exports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Moodle's GIFT. What GIFT cannot say travels in comment tags that Moodle ignores and our importer reads:
 * {@code // [points:0.25]}, and {@code // [type:TRUE_FALSE_CLUSTER]} or {@code [type:ORDERING]} over a matching
 * question (statement → Đúng/Sai, item → position). Cloze questions have no GIFT form and are written as comments.
 */
public final class GiftExporter implements QuestionExporter {

    @Override
    public String format() {
        return "gift";
    }

    @Override
    public String mediaType() {
        return "text/plain;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "gift";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        StringBuilder out = new StringBuilder("// ").append(title.replace('\n', ' ')).append("\n\n");
        String category = null;
        for (Question q : questions) {
            if (q.category() != null && !Objects.equals(q.category(), category)) {
                category = q.category();
                out.append("$CATEGORY: ").append(category).append("\n\n");
            }
            out.append(question(q)).append("\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One question in GIFT, ending with a blank line. */
    public static String question(Question q) {
        StringBuilder s = new StringBuilder();
        if (q.type().equals(QuestionTypes.CLOZE)) {
            return "// cloze question not expressible in GIFT: " + escape(q.stem().text()).replace('\n', ' ') + "\n";
        }
        if (q.externalId() != null) {
            s.append("// [id:").append(q.externalId().replace("]", "")).append("]\n");
        }
        for (String tag : q.classification().tags()) {
            s.append("// [tag:").append(tag.replace("]", "")).append("]\n");
        }
        boolean defaultPoints = q.points().compareTo(BigDecimal.ONE) == 0 || q.type().equals(QuestionTypes.DESCRIPTION);
        if (!defaultPoints) {
            s.append("// [points:").append(q.points().toPlainString()).append("]\n");
        }
        boolean unweightedMultiple = q.type().equals(QuestionTypes.MULTIPLE_RESPONSE) && q.choices().stream().allMatch(c -> c.fraction() == null);
        if (q.type().equals(QuestionTypes.TRUE_FALSE_CLUSTER) || q.type().equals(QuestionTypes.ORDERING) || unweightedMultiple) {
            s.append("// [type:").append(q.type()).append("]\n");
        }
        if (q.title() != null && !q.title().isBlank()) {
            s.append("::").append(escape(q.title())).append("::");
        }
        String format = q.stem().format();
        if (!Content.MOODLE.equals(format)) {
            s.append('[').append(format).append(']');
        }
        s.append(escape(q.stem().text()));
        switch (q.type()) {
            case QuestionTypes.DESCRIPTION -> {
                return s.append("\n").toString();
            }
            case QuestionTypes.ESSAY -> s.append(" {").append(general(q)).append("}");
            case QuestionTypes.TRUE_FALSE -> {
                Choice right = q.choices().stream().filter(Choice::correct).findFirst().orElseThrow();
                Choice wrong = q.choices().stream().filter(c -> !c.correct()).findFirst().orElse(null);
                s.append(" {").append(right.id().equals("true") ? "TRUE" : "FALSE");
                String wf = wrong == null || wrong.feedback() == null ? null : wrong.feedback().text();
                String rf = right.feedback() == null ? null : right.feedback().text();
                if (wf != null || rf != null) {
                    s.append('#').append(wf == null ? "" : escape(wf));
                    if (rf != null) {
                        s.append('#').append(escape(rf));
                    }
                }
                s.append(general(q)).append("}");
            }
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> {
                boolean multiple = q.type().equals(QuestionTypes.MULTIPLE_RESPONSE);
                long correct = q.choices().stream().filter(Choice::correct).count();
                s.append(" {\n");
                for (Choice c : q.choices()) {
                    if (multiple) {
                        // Unweighted: equal shares of the correct options, as Moodle needs; the [type:] tag restores all-or-nothing.
                        BigDecimal w = c.fraction() != null ? c.fraction() : c.correct()
                                ? BigDecimal.ONE.divide(BigDecimal.valueOf(correct), 7, java.math.RoundingMode.HALF_UP) : BigDecimal.ZERO;
                        s.append("\t~").append(weight(w));
                    } else {
                        s.append('\t').append(c.correct() ? "=" : "~");
                        if (!c.correct() && c.fraction() != null) {
                            s.append(weight(c.fraction()));
                        }
                    }
                    s.append(text(c.text(), format)).append(feedback(c.feedback())).append('\n');
                }
                s.append(general(q)).append("}");
            }
            case QuestionTypes.SHORT_ANSWER -> {
                if (q.numbers().isEmpty()) {
                    s.append(" {\n");
                    for (Choice c : q.choices()) {
                        s.append("\t=").append(c.fraction() == null ? "" : weight(c.fraction())).append(text(c.text(), format))
                                .append(feedback(c.feedback())).append('\n');
                    }
                    s.append(general(q)).append("}");
                } else {
                    s.append(" {#\n");
                    for (NumericAnswer n : q.numbers()) {
                        if (n.value() == null) {
                            s.append("\t~").append(feedback(n.feedback())).append('\n');
                            continue;
                        }
                        s.append("\t=").append(n.fraction() == null ? "" : weight(n.fraction()));
                        s.append(n.range() ? n.low().toPlainString() + ".." + n.high().toPlainString()
                                : n.value().toPlainString() + ":" + n.tolerance().toPlainString());
                        s.append(feedback(n.feedback())).append('\n');
                    }
                    s.append(general(q)).append("}");
                }
            }
            case QuestionTypes.MATCHING -> {
                s.append(" {\n");
                for (MatchPair p : q.pairs()) {
                    s.append("\t=").append(p.isDistractor() ? "" : text(p.prompt(), format)).append(" -> ").append(escape(p.answer())).append('\n');
                }
                s.append(general(q)).append("}");
            }
            case QuestionTypes.TRUE_FALSE_CLUSTER -> {
                s.append(" {\n");
                for (Choice c : q.choices()) {
                    s.append("\t=").append(text(c.text(), format)).append(" -> ").append(c.correct() ? "Đúng" : "Sai").append('\n');
                }
                s.append(general(q)).append("}");
            }
            case QuestionTypes.ORDERING -> {
                s.append(" {\n");
                int position = 0;
                for (Choice c : q.choices()) {
                    s.append("\t=").append(text(c.text(), format)).append(" -> ").append(++position).append('\n');
                }
                s.append(general(q)).append("}");
            }
            default -> throw new IllegalArgumentException("cannot export type " + q.type());
        }
        return s.append("\n").toString();
    }

    private static String weight(BigDecimal fraction) {
        return "%" + fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String text(Content c, String questionFormat) {
        if (c == null) {
            return "";
        }
        String prefix = Objects.equals(c.format(), questionFormat) || (Content.PLAIN.equals(c.format()) && Content.MOODLE.equals(questionFormat))
                ? "" : "[" + c.format() + "]";
        return prefix + escape(c.text());
    }

    private static String feedback(Content c) {
        return c == null || c.isBlank() ? "" : "#" + escape(c.text());
    }

    private static String general(Question q) {
        return q.generalFeedback() == null || q.generalFeedback().isBlank() ? "" : "\t####" + escape(q.generalFeedback().text()) + "\n";
    }

    /** GIFT's escapes: the control characters and the backslash; line breaks as \n. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
