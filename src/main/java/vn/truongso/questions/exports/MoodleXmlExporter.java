package vn.truongso.questions.exports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.questions.imports.MoodleXmlImporter;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Moodle XML, with attached images and audio embedded in base64 ({@code @@PLUGINFILE@@}). The 2025 true/false
 * cluster is written as a matching question (statement → Đúng/Sai) tagged {@code truongso-type:TRUE_FALSE_CLUSTER};
 * ordering uses the qtype_ordering plugin's format; cloze questions are written as comments.
 */
public final class MoodleXmlExporter implements QuestionExporter {

    private static final Pattern BLOB = Pattern.compile("blob:([0-9a-f]{64})");

    @Override
    public String format() {
        return "moodle-xml";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
        String category = null;
        for (Question q : questions) {
            if (q.category() != null && !Objects.equals(q.category(), category)) {
                category = q.category();
                x.append("<question type=\"category\"><category><text>").append(esc(category)).append("</text></category></question>\n");
            }
            question(x, q, blobs);
        }
        return x.append("</quiz>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void question(StringBuilder x, Question q, BlobReader blobs) {
        String type = switch (q.type()) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> "multichoice";
            case QuestionTypes.TRUE_FALSE -> "truefalse";
            case QuestionTypes.SHORT_ANSWER -> q.numbers().isEmpty() ? "shortanswer" : "numerical";
            case QuestionTypes.ESSAY -> "essay";
            case QuestionTypes.MATCHING, QuestionTypes.TRUE_FALSE_CLUSTER -> "matching";
            case QuestionTypes.ORDERING -> "ordering";
            case QuestionTypes.DESCRIPTION -> "description";
            default -> null;
        };
        if (type == null) {
            x.append("<!-- ").append(esc(q.type() + ": " + q.stem().text()).replace("--", "- -")).append(" -->\n");
            return;
        }
        x.append("<question type=\"").append(type).append("\">\n");
        x.append("<name><text>").append(esc(q.title() != null ? q.title() : shortName(q.stem().text()))).append("</text></name>\n");
        x.append(text("questiontext", q.stem(), blobs)).append('\n');
        if (q.generalFeedback() != null) {
            x.append(text("generalfeedback", q.generalFeedback(), blobs)).append('\n');
        }
        x.append("<defaultgrade>").append(q.points().toPlainString()).append("</defaultgrade>\n");
        if (q.externalId() != null) {
            x.append("<idnumber>").append(esc(q.externalId())).append("</idnumber>\n");
        }
        switch (q.type()) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> {
                boolean single = q.type().equals(QuestionTypes.SINGLE_CHOICE);
                long correct = q.choices().stream().filter(Choice::correct).count();
                x.append("<single>").append(single).append("</single><shuffleanswers>true</shuffleanswers><answernumbering>ABCD</answernumbering>\n");
                for (Choice c : q.choices()) {
                    BigDecimal fraction;
                    if (single) {
                        fraction = c.correct() ? BigDecimal.ONE : c.fraction() != null ? c.fraction() : BigDecimal.ZERO;
                    } else if (c.fraction() != null) {
                        fraction = c.fraction();
                    } else {
                        fraction = c.correct() ? BigDecimal.ONE.divide(BigDecimal.valueOf(Math.max(correct, 1)), 7, java.math.RoundingMode.HALF_UP)
                                : BigDecimal.ZERO;
                    }
                    answer(x, fraction, c.text(), c.feedback(), blobs, null);
                }
            }
            case QuestionTypes.TRUE_FALSE -> {
                for (Choice c : q.choices()) {
                    answer(x, c.correct() ? BigDecimal.ONE : BigDecimal.ZERO, Content.plain(c.id()), c.feedback(), blobs, null);
                }
            }
            case QuestionTypes.SHORT_ANSWER -> {
                if (q.numbers().isEmpty()) {
                    x.append("<usecase>").append(q.caseSensitive() ? 1 : 0).append("</usecase>\n");
                    for (Choice c : q.choices()) {
                        answer(x, c.earned(), Content.plain(c.text().text()), c.feedback(), blobs, null);
                    }
                } else {
                    for (NumericAnswer n : q.numbers()) {
                        answer(x, n.earned(), Content.plain(n.value() == null ? "*" : n.value().toPlainString()), n.feedback(), blobs,
                                "<tolerance>" + n.tolerance().toPlainString() + "</tolerance>");
                    }
                }
            }
            case QuestionTypes.ESSAY -> {
                x.append("<responseformat>editor</responseformat>\n");
                if (q.rubric() != null) {
                    x.append(text("graderinfo", q.rubric(), blobs)).append('\n');
                }
            }
            case QuestionTypes.MATCHING -> {
                for (MatchPair p : q.pairs()) {
                    x.append(text("subquestion", p.isDistractor() ? Content.plain("") : p.prompt(), blobs).replace("</subquestion>", ""))
                            .append("<answer><text>").append(esc(p.answer())).append("</text></answer></subquestion>\n");
                }
            }
            case QuestionTypes.TRUE_FALSE_CLUSTER -> {
                for (Choice c : q.choices()) {
                    x.append(text("subquestion", c.text(), blobs).replace("</subquestion>", "")).append("<answer><text>")
                            .append(c.correct() ? "Đúng" : "Sai").append("</text></answer></subquestion>\n");
                }
            }
            case QuestionTypes.ORDERING -> {
                int position = 0;
                for (Choice c : q.choices()) {
                    answer(x, BigDecimal.valueOf(++position).movePointLeft(2), c.text(), null, blobs, null);
                }
            }
            default -> {
            }
        }
        List<String> tags = new java.util.ArrayList<>(q.classification().tags());
        boolean unweightedMultiple = q.type().equals(QuestionTypes.MULTIPLE_RESPONSE) && q.choices().stream().allMatch(c -> c.fraction() == null);
        if (q.type().equals(QuestionTypes.TRUE_FALSE_CLUSTER) || unweightedMultiple) {
            // Our all-or-nothing multiple response is written with Moodle's equal shares; the tag restores all-or-nothing.
            tags.add(MoodleXmlImporter.TYPE_TAG + q.type());
        }
        if (!tags.isEmpty()) {
            x.append("<tags>");
            tags.forEach(t -> x.append("<tag><text>").append(esc(t)).append("</text></tag>"));
            x.append("</tags>\n");
        }
        x.append("</question>\n");
    }

    private static void answer(StringBuilder x, BigDecimal fraction, Content text, Content feedback, BlobReader blobs, String extra) {
        String body = text("answer", text, blobs);
        String open = body.substring(0, body.indexOf('>'));
        x.append(open).append(" fraction=\"").append(fraction.movePointRight(2).stripTrailingZeros().toPlainString()).append("\"")
                .append(body.substring(body.indexOf('>'), body.lastIndexOf("</answer>")));
        if (feedback != null) {
            x.append(text("feedback", feedback, blobs));
        }
        if (extra != null) {
            x.append(extra);
        }
        x.append("</answer>\n");
    }

    /** {@code <tag format="..."><text>...</text><file .../></tag>} with blob references embedded as base64 files. */
    private static String text(String tag, Content c, BlobReader blobs) {
        String format = switch (c.format()) {
            case Content.HTML -> "html";
            case Content.MARKDOWN -> "markdown";
            case Content.MOODLE -> "moodle_auto_format";
            default -> "plain_text";
        };
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = BLOB.matcher(c.text());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            byte[] bytes = blobs.read(m.group(1));
            if (bytes != null) {
                files.put(m.group(1), bytes);
                m.appendReplacement(sb, "@@PLUGINFILE@@/" + m.group(1));
            } else {
                m.appendReplacement(sb, m.group());
            }
        }
        m.appendTail(sb);
        StringBuilder out = new StringBuilder("<" + tag + " format=\"" + format + "\"><text>");
        out.append(cdata(sb.toString())).append("</text>");
        files.forEach((name, bytes) -> out.append("<file name=\"").append(name).append("\" path=\"/\" encoding=\"base64\">")
                .append(Base64.getEncoder().encodeToString(bytes)).append("</file>"));
        return out.append("</").append(tag).append(">").toString();
    }

    private static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String shortName(String stem) {
        String plain = stem.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return plain.length() > 60 ? plain.substring(0, 60) + "…" : plain;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
