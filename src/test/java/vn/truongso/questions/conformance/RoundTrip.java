package vn.truongso.questions.conformance;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;

/**
 * What a round trip must keep of a question: its type, points, options with their correct flags and weights, numbers
 * with tolerances, pairs and gaps. Text is compared without markup and with white space collapsed, since formats
 * differ in how they write it.
 */
public final class RoundTrip {

    private RoundTrip() {
    }

    public static String signature(Question q) {
        StringBuilder s = new StringBuilder(q.type()).append(" pts=").append(num(q.points()));
        s.append(" choices=").append(q.choices().stream().map(RoundTrip::choice).collect(Collectors.joining("|")));
        s.append(" numbers=").append(q.numbers().stream().map(RoundTrip::number).collect(Collectors.joining("|")));
        s.append(" pairs=").append(q.pairs().stream().map(RoundTrip::pair).sorted().collect(Collectors.joining("|")));
        s.append(" gaps=").append(q.gaps().stream().map(RoundTrip::gap).collect(Collectors.joining("|")));
        return s.toString();
    }

    private static String choice(Choice c) {
        return text(c.text()) + (c.correct() ? "*" : "") + (c.fraction() == null ? "" : "%" + num(c.fraction()));
    }

    private static String number(NumericAnswer n) {
        return (n.value() == null ? "*" : num(n.value())) + "±" + num(n.tolerance()) + (n.fraction() == null ? "" : "%" + num(n.fraction()));
    }

    private static String pair(MatchPair p) {
        return (p.isDistractor() ? "" : text(p.prompt())) + "->" + p.answer().strip().replaceAll("\\s+", " ");
    }

    private static String gap(Gap g) {
        return g.id() + (g.select() ? "[select]" : "") + g.options().stream().map(RoundTrip::choice).collect(Collectors.joining(","));
    }

    static String text(Content c) {
        if (c == null) {
            return "";
        }
        return c.text().replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }

    static String num(BigDecimal b) {
        return b == null ? "null" : b.stripTrailingZeros().toPlainString();
    }
}
