package vn.truongso.questions.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Moodle XML ({@code <quiz><question type="...">}): categories, multichoice (single and multiple), truefalse,
 * shortanswer, numerical, essay (grader information as the rubric), matching, ordering, description; files embedded
 * in base64 ({@code @@PLUGINFILE@@/name}) become attachments. A tag {@code truongso-type:TRUE_FALSE_CLUSTER} on a
 * matching question restores our 2025 true/false cluster. Other types are reported and skipped.
 */
public final class MoodleXmlImporter implements QuestionImporter {

    public static final String TYPE_TAG = "truongso-type:";

    @Override
    public String format() {
        return "moodle-xml";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        List<Problem> problems = new ArrayList<>();
        List<ParsedQuestion> questions = new ArrayList<>();
        Document doc;
        try {
            doc = SafeXml.parse(source.bytes());
        } catch (SafeXml.XmlError e) {
            problems.add(Problem.at(null, e.line() > 0 ? e.line() : null, "questions.import.xml.malformed", e.getMessage()));
            return new ImportResult(questions, problems);
        }
        Element quiz = doc.getDocumentElement();
        if (!"quiz".equals(SafeXml.name(quiz))) {
            problems.add(Problem.at(null, null, "questions.import.xml.malformed", "root element " + SafeXml.name(quiz) + " (expected quiz)"));
            return new ImportResult(questions, problems);
        }
        String category = null;
        int number = 0;
        for (Element e : SafeXml.children(quiz, "question")) {
            String type = e.getAttribute("type");
            if (type.equals("category")) {
                category = text(SafeXml.child(e, "category"));
                continue;
            }
            number++;
            Question.Builder q = switch (type) {
                case "multichoice" -> multichoice(e, source.attachments());
                case "truefalse" -> truefalse(e, source.attachments());
                case "shortanswer" -> shortanswer(e, source.attachments());
                case "numerical" -> numerical(e, source.attachments());
                case "essay" -> Question.builder(QuestionTypes.ESSAY).rubric(content(SafeXml.child(e, "graderinfo"), source.attachments()));
                case "matching" -> matching(e, source.attachments());
                case "ordering" -> ordering(e, source.attachments());
                case "description" -> Question.builder(QuestionTypes.DESCRIPTION).points(BigDecimal.ZERO);
                default -> null;
            };
            if (q == null) {
                problems.add(Problem.at(number, null, "questions.import.moodle.unsupportedType", type));
                continue;
            }
            q.title(text(SafeXml.child(e, "name")));
            q.stem(orEmpty(content(SafeXml.child(e, "questiontext"), source.attachments())));
            q.generalFeedback(content(SafeXml.child(e, "generalfeedback"), source.attachments()));
            Element grade = SafeXml.child(e, "defaultgrade");
            if (grade != null && !type.equals("description")) {
                try {
                    q.points(new BigDecimal(grade.getTextContent().strip()));
                } catch (NumberFormatException ex) {
                    problems.add(Problem.at(number, null, "questions.invalid.points", grade.getTextContent().strip()));
                }
            }
            Element idnumber = SafeXml.child(e, "idnumber");
            if (idnumber != null && !idnumber.getTextContent().isBlank()) {
                q.externalId(idnumber.getTextContent().strip());
            }
            List<String> tags = new ArrayList<>();
            Element tagsElement = SafeXml.child(e, "tags");
            if (tagsElement != null) {
                for (Element t : SafeXml.children(tagsElement, "tag")) {
                    String tag = text(t);
                    if (tag.startsWith(TYPE_TAG)) {
                        ourType(q, tag.substring(TYPE_TAG.length()));
                    } else if (!tag.isBlank()) {
                        tags.add(tag);
                    }
                }
            }
            q.category(category);
            q.classification(Classification.NONE.withTags(tags));
            questions.add(new ParsedQuestion(number, null, q.build()));
        }
        return new ImportResult(questions, problems);
    }

    private static void ourType(Question.Builder q, String type) {
        if (type.equals(QuestionTypes.MULTIPLE_RESPONSE) && q.type().equals(QuestionTypes.MULTIPLE_RESPONSE)) {
            q.choices(q.choices().stream().map(c -> new Choice(c.id(), c.text(), c.correct(), null, c.feedback())).toList());
            return;
        }
        if (type.equals(QuestionTypes.TRUE_FALSE_CLUSTER) && q.type().equals(QuestionTypes.MATCHING)) {
            Question built = q.build();
            List<Choice> statements = new ArrayList<>();
            int i = 0;
            for (MatchPair p : built.pairs()) {
                boolean isTrue = vn.truongso.platform.VietnameseText.fold(p.answer()).equals("dung");
                statements.add(new Choice(String.valueOf((char) ('a' + i++)), p.prompt(), isTrue, null, null));
            }
            q.type(type).choices(statements).clearPairs();
        }
    }

    private static Question.Builder multichoice(Element e, Attachments files) {
        boolean single = !"false".equals(text(SafeXml.child(e, "single")).toLowerCase(Locale.ROOT));
        Question.Builder q = Question.builder(single ? QuestionTypes.SINGLE_CHOICE : QuestionTypes.MULTIPLE_RESPONSE);
        int i = 0;
        boolean weighted = false;
        for (Element a : SafeXml.children(e, "answer")) {
            BigDecimal fraction = fraction(a);
            if (!single && fraction.compareTo(BigDecimal.ONE) != 0 && fraction.signum() != 0) {
                weighted = true;
            }
        }
        for (Element a : SafeXml.children(e, "answer")) {
            BigDecimal fraction = fraction(a);
            boolean correct = single ? fraction.compareTo(BigDecimal.ONE) == 0 : fraction.signum() > 0;
            BigDecimal stored = single ? (fraction.signum() > 0 && !correct ? fraction : null) : (weighted && fraction.signum() != 0 ? fraction : null);
            q.choice(new Choice(String.valueOf((char) ('A' + i++)), orEmpty(content(a, files)), correct, stored,
                    content(SafeXml.child(a, "feedback"), files)));
        }
        return q;
    }

    private static Question.Builder truefalse(Element e, Attachments files) {
        Question.Builder q = Question.builder(QuestionTypes.TRUE_FALSE);
        for (Element a : SafeXml.children(e, "answer")) {
            String value = text(a).toLowerCase(Locale.ROOT);
            String id = value.startsWith("t") ? "true" : "false";
            q.choice(new Choice(id, Content.plain(id), fraction(a).signum() > 0, null, content(SafeXml.child(a, "feedback"), files)));
        }
        return q;
    }

    private static Question.Builder shortanswer(Element e, Attachments files) {
        Question.Builder q = Question.builder(QuestionTypes.SHORT_ANSWER).caseSensitive("1".equals(text(SafeXml.child(e, "usecase"))));
        int i = 0;
        for (Element a : SafeXml.children(e, "answer")) {
            BigDecimal fraction = fraction(a);
            if (fraction.signum() <= 0) {
                continue;
            }
            q.choice(new Choice(String.valueOf(++i), Content.plain(text(a)), true, fraction.compareTo(BigDecimal.ONE) == 0 ? null : fraction,
                    content(SafeXml.child(a, "feedback"), files)));
        }
        return q;
    }

    private static Question.Builder numerical(Element e, Attachments files) {
        Question.Builder q = Question.builder(QuestionTypes.SHORT_ANSWER);
        for (Element a : SafeXml.children(e, "answer")) {
            BigDecimal fraction = fraction(a);
            String value = text(a);
            BigDecimal tolerance = new BigDecimal(orZero(text(SafeXml.child(a, "tolerance"))));
            Content feedback = content(SafeXml.child(a, "feedback"), files);
            if (value.equals("*")) {
                q.number(new NumericAnswer(null, BigDecimal.ZERO, BigDecimal.ZERO, feedback, false));
            } else {
                q.number(new NumericAnswer(new BigDecimal(value), tolerance, fraction.compareTo(BigDecimal.ONE) == 0 ? null : fraction, feedback, false));
            }
        }
        return q;
    }

    private static Question.Builder matching(Element e, Attachments files) {
        Question.Builder q = Question.builder(QuestionTypes.MATCHING);
        int i = 0;
        for (Element s : SafeXml.children(e, "subquestion")) {
            Content prompt = content(s, files);
            Element answer = SafeXml.child(s, "answer");
            q.pair(new MatchPair(String.valueOf(++i), prompt, text(answer)));
        }
        return q;
    }

    private static Question.Builder ordering(Element e, Attachments files) {
        Question.Builder q = Question.builder(QuestionTypes.ORDERING);
        List<Element> answers = new ArrayList<>(SafeXml.children(e, "answer"));
        answers.sort(java.util.Comparator.comparing(MoodleXmlImporter::fraction));
        int i = 0;
        for (Element a : answers) {
            q.choice(new Choice(String.valueOf((char) ('A' + i++)), orEmpty(content(a, files)), true, null, null));
        }
        return q;
    }

    private static BigDecimal fraction(Element answer) {
        String f = answer.getAttribute("fraction");
        return f.isBlank() ? BigDecimal.ZERO : new BigDecimal(f.strip()).movePointLeft(2).stripTrailingZeros();
    }

    /** The element's {@code <text>} with its format; embedded files are attached and referenced as blob:SHA256. */
    private static Content content(Element e, Attachments files) {
        if (e == null) {
            return null;
        }
        Element t = SafeXml.child(e, "text");
        String text = t == null ? "" : t.getTextContent().strip();
        for (Element f : SafeXml.children(e, "file")) {
            String name = f.getAttribute("name");
            String path = f.hasAttribute("path") ? f.getAttribute("path") : "/";
            byte[] bytes = Base64.getMimeDecoder().decode(f.getTextContent().strip());
            String ref = files.attach(name, bytes);
            text = text.replace("@@PLUGINFILE@@" + path + name, ref).replace("@@PLUGINFILE@@/" + name, ref);
        }
        if (text.isEmpty()) {
            return null;
        }
        String format = switch (e.getAttribute("format")) {
            case "html" -> Content.HTML;
            case "markdown" -> Content.MARKDOWN;
            case "plain_text" -> Content.PLAIN;
            case "moodle_auto_format" -> Content.MOODLE;
            default -> t != null && text.contains("<") ? Content.HTML : Content.PLAIN;
        };
        return new Content(format, text);
    }

    private static Content orEmpty(Content c) {
        return c == null ? Content.plain("") : c;
    }

    private static String text(Element e) {
        if (e == null) {
            return "";
        }
        Element t = SafeXml.child(e, "text");
        return (t == null ? e.getTextContent() : t.getTextContent()).strip();
    }

    private static String orZero(String s) {
        return s == null || s.isBlank() ? "0" : s.strip();
    }
}
