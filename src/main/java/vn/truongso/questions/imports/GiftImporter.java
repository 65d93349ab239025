package vn.truongso.questions.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Moodle's GIFT text format: questions separated by blank lines; {@code // comments} (carrying {@code [id:..]} and
 * {@code [tag:..]}); {@code $CATEGORY:}; {@code ::title::}; {@code [html]}, {@code [moodle]}, {@code [plain]},
 * {@code [markdown]}; answers in braces: {@code ~wrong =right}, weights {@code %50%}, feedback {@code #},
 * general feedback {@code ####}, true/false {@code {T}}, numbers {@code {#1.5:0.1}} and {@code {#1..2}}, matching
 * {@code =a -> b}, short answers {@code {=a =b}}, essays {@code {}}; text after the braces makes a missing-word
 * question; {@code \~ \= \# \{ \} \: \\ \n} escape.
 */
public final class GiftImporter implements QuestionImporter {

    /** A block of the file: a category switch or a question. */
    public sealed interface Item permits CategoryItem, QuestionItem {
    }

    public record CategoryItem(String path, int line) implements Item {
    }

    /** A question and how it was written ({@code embedded}: text followed the answers, a missing-word question). */
    public record QuestionItem(Question question, int line, boolean embedded, List<String> tags) implements Item {
    }

    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|moodle|plain|markdown)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile("^\\s*%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern TF = Pattern.compile("^(T|TRUE|F|FALSE)\\s*(#.*)?$", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile("\\[(id|tag|points|type):([^\\]]*)]");

    @Override
    public String format() {
        return "gift";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        List<Problem> problems = new ArrayList<>();
        List<Item> items = items(new String(source.bytes(), StandardCharsets.UTF_8), problems);
        List<ParsedQuestion> questions = new ArrayList<>();
        String category = null;
        for (Item item : items) {
            switch (item) {
                case CategoryItem c -> category = c.path();
                case QuestionItem q -> {
                    Question question = q.question();
                    if (category != null) {
                        question = question.toBuilder().category(category).build();
                    }
                    questions.add(new ParsedQuestion(questions.size() + 1, q.line(), question));
                }
            }
        }
        return new ImportResult(questions, problems);
    }

    /** The file's blocks in order; syntax problems are added to {@code problems} with their line. */
    public List<Item> items(String text, List<Problem> problems) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Item> items = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        int blockLine = 0;
        int depth = 0;
        int openLine = 0;
        String pendingId = null;
        List<String> pendingTags = new ArrayList<>();
        Map<String, String> pendingOurs = new HashMap<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            boolean end = i == lines.length;
            if (!end && line.strip().startsWith("//")) {
                Matcher m = META.matcher(line);
                while (m.find()) {
                    switch (m.group(1)) {
                        case "id" -> pendingId = m.group(2).strip();
                        case "tag" -> pendingTags.add(m.group(2).strip());
                        default -> pendingOurs.put(m.group(1), m.group(2).strip());
                    }
                }
                continue;
            }
            if (!end && !(line.isBlank() && depth == 0)) {
                if (block.isEmpty()) {
                    blockLine = i + 1;
                    if (line.isBlank()) {
                        continue;
                    }
                } else {
                    block.append('\n');
                }
                block.append(line);
                for (int k = 0; k < line.length(); k++) {
                    char c = line.charAt(k);
                    if (c == '\\') {
                        k++;
                    } else if (c == '{') {
                        if (depth == 0) {
                            openLine = i + 1;
                        }
                        depth++;
                    } else if (c == '}') {
                        depth--;
                        if (depth < 0) {
                            problems.add(Problem.at(null, i + 1, "questions.import.gift.strayBrace"));
                            depth = 0;
                        }
                    }
                }
                continue;
            }
            if (end && depth > 0) {
                problems.add(Problem.at(null, openLine, "questions.import.gift.unclosedBrace", String.valueOf(openLine)));
                block.setLength(0);
            }
            if (block.isEmpty() || block.toString().isBlank()) {
                block.setLength(0);
                continue;
            }
            String b = block.toString().strip();
            block.setLength(0);
            if (b.startsWith("$CATEGORY:")) {
                items.add(new CategoryItem(b.substring("$CATEGORY:".length()).strip(), blockLine));
            } else {
                int number = (int) items.stream().filter(it -> it instanceof QuestionItem).count() + 1;
                try {
                    items.add(ours(question(b, blockLine, pendingId, pendingTags), pendingOurs));
                } catch (GiftSyntax e) {
                    problems.add(Problem.at(number, blockLine, e.getMessage(), e.args));
                }
            }
            pendingId = null;
            pendingTags = new ArrayList<>();
            pendingOurs = new HashMap<>();
        }
        return items;
    }

    /**
     * Applies what our exporter writes in comment tags: {@code [points:0.25]}, and {@code [type:TRUE_FALSE_CLUSTER]} or
     * {@code [type:ORDERING]} over a matching question (statement → Đúng/Sai, item → position).
     */
    private static QuestionItem ours(QuestionItem item, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return item;
        }
        Question.Builder q = item.question().toBuilder();
        if (tags.containsKey("points")) {
            try {
                q.points(new BigDecimal(tags.get("points")));
            } catch (NumberFormatException e) {
                throw new GiftSyntax("questions.import.gift.badNumber", tags.get("points"));
            }
        }
        String type = tags.get("type");
        List<vn.truongso.questions.model.MatchPair> pairs = item.question().pairs();
        if (QuestionTypes.MULTIPLE_RESPONSE.equals(type) && item.question().type().equals(QuestionTypes.MULTIPLE_RESPONSE)) {
            // Our all-or-nothing multiple response, written with Moodle's equal weights.
            q.choices(item.question().choices().stream().map(c -> new Choice(c.id(), c.text(), c.earned().signum() > 0, null, c.feedback()))
                    .toList());
        }
        if (item.question().type().equals(QuestionTypes.MATCHING) && type != null) {
            if (type.equals(QuestionTypes.TRUE_FALSE_CLUSTER)) {
                q.type(type);
                List<Choice> statements = new ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    boolean isTrue = vn.truongso.platform.VietnameseText.fold(pairs.get(i).answer()).equals("dung");
                    statements.add(new Choice(String.valueOf((char) ('a' + i)), pairs.get(i).prompt(), isTrue, null, null));
                }
                q.choices(statements);
                clearPairs(q);
            } else if (type.equals(QuestionTypes.ORDERING)) {
                q.type(type);
                List<vn.truongso.questions.model.MatchPair> sorted = new ArrayList<>(pairs);
                sorted.sort(java.util.Comparator.comparingInt(p -> parsePosition(p.answer())));
                List<Choice> order = new ArrayList<>();
                for (int i = 0; i < sorted.size(); i++) {
                    order.add(new Choice(String.valueOf((char) ('A' + i)), sorted.get(i).prompt(), true, null, null));
                }
                q.choices(order);
                clearPairs(q);
            }
        }
        return new QuestionItem(q.build(), item.line(), item.embedded(), item.tags());
    }

    private static void clearPairs(Question.Builder q) {
        q.clearPairs();
    }

    private static int parsePosition(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new GiftSyntax("questions.import.gift.badNumber", s);
        }
    }

    private static final class GiftSyntax extends RuntimeException {
        final Object[] args;

        GiftSyntax(String code, Object... args) {
            super(code, null, false, false);
            this.args = args;
        }
    }

    private QuestionItem question(String b, int line, String id, List<String> tags) {
        String rest = b;
        String title = null;
        if (rest.startsWith("::")) {
            int close = indexOfUnescaped(rest, "::", 2);
            if (close < 0) {
                throw new GiftSyntax("questions.import.gift.unclosedTitle");
            }
            title = text(rest.substring(2, close), Content.MOODLE);
            rest = rest.substring(close + 2);
        }
        String format = Content.MOODLE;
        Matcher fm = FORMAT.matcher(rest);
        if (fm.find()) {
            format = fm.group(1).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(fm.end());
        }
        int open = indexOfUnescaped(rest, "{", 0);
        Question.Builder q;
        boolean embedded = false;
        if (open < 0) {
            q = Question.builder(QuestionTypes.DESCRIPTION).points(BigDecimal.ZERO).stem(new Content(format, text(rest, format)));
        } else {
            int close = matching(rest, open);
            if (close < 0) {
                throw new GiftSyntax("questions.import.gift.unclosedBrace", String.valueOf(line));
            }
            String before = rest.substring(0, open);
            String answers = rest.substring(open + 1, close);
            String after = rest.substring(close + 1);
            String stem;
            if (!after.isBlank()) {
                embedded = true;
                List<String> parts = new ArrayList<>();
                if (!before.isBlank()) {
                    parts.add(text(before, format));
                }
                parts.add("_____");
                parts.add(text(after, format));
                stem = String.join(" ", parts);
            } else {
                stem = text(before, format);
            }
            q = answers(answers, format);
            q.stem(new Content(format, stem));
        }
        q.title(title).externalId(id);
        if (!tags.isEmpty()) {
            q.classification(vn.truongso.questions.model.Classification.NONE.withTags(tags));
        }
        return new QuestionItem(q.build(), line, embedded, List.copyOf(tags));
    }

    private Question.Builder answers(String raw, String format) {
        String body = raw.strip();
        if (body.isEmpty()) {
            return Question.builder(QuestionTypes.ESSAY);
        }
        Matcher tf = TF.matcher(body);
        if (tf.matches()) {
            boolean value = tf.group(1).startsWith("T");
            List<String> feedback = tf.group(2) == null ? List.of() : splitUnescaped(tf.group(2).substring(1), '#');
            Content wrongFeedback = feedback.size() > 0 ? content(feedback.get(0), format) : null;
            Content rightFeedback = feedback.size() > 1 ? content(feedback.get(1), format) : null;
            return Question.builder(QuestionTypes.TRUE_FALSE)
                    .choice(new Choice("true", Content.plain("true"), value, null, value ? rightFeedback : wrongFeedback))
                    .choice(new Choice("false", Content.plain("false"), !value, null, value ? wrongFeedback : rightFeedback));
        }
        Content general = null;
        int gf = indexOfUnescaped(body, "####", 0);
        if (gf >= 0) {
            general = content(body.substring(gf + 4), format);
            body = body.substring(0, gf).strip();
        }
        Question.Builder q;
        if (body.isEmpty()) {
            return Question.builder(QuestionTypes.ESSAY).generalFeedback(general);
        }
        if (body.startsWith("#")) {
            q = numeric(body.substring(1), format);
        } else {
            q = choices(body, format);
        }
        return q.generalFeedback(general);
    }

    private Question.Builder numeric(String body, String format) {
        Question.Builder q = Question.builder(QuestionTypes.SHORT_ANSWER);
        List<Raw> items = tokens(body);
        if (items.isEmpty() || items.getFirst().marker == 0) {
            String[] valueAndFeedback = splitFeedback(body);
            q.number(number(valueAndFeedback[0], null, valueAndFeedback[1] == null ? null : content(valueAndFeedback[1], format)));
            return q;
        }
        for (Raw item : items) {
            String[] vf = splitFeedback(item.text);
            Content feedback = vf[1] == null ? null : content(vf[1], format);
            if (item.marker == '~' && vf[0].isBlank()) {
                // Moodle's "any other answer" (exported as ~#feedback): earns nothing, carries feedback.
                q.number(new NumericAnswer(null, BigDecimal.ZERO, BigDecimal.ZERO, feedback, false));
            } else {
                q.number(number(vf[0], item.weight, feedback));
            }
        }
        return q;
    }

    private NumericAnswer number(String raw, BigDecimal weight, Content feedback) {
        String s = unescape(raw).strip();
        BigDecimal fraction = weight == null ? null : weight.movePointLeft(2);
        try {
            int range = s.indexOf("..");
            if (range > 0) {
                return NumericAnswer.between(new BigDecimal(s.substring(0, range).strip()), new BigDecimal(s.substring(range + 2).strip()),
                        fraction, feedback);
            }
            int colon = s.indexOf(':');
            if (colon > 0) {
                return new NumericAnswer(new BigDecimal(s.substring(0, colon).strip()), new BigDecimal(s.substring(colon + 1).strip()),
                        fraction, feedback, false);
            }
            return new NumericAnswer(new BigDecimal(s), BigDecimal.ZERO, fraction, feedback, false);
        } catch (NumberFormatException e) {
            throw new GiftSyntax("questions.import.gift.badNumber", s);
        }
    }

    private Question.Builder choices(String body, String format) {
        List<Raw> items = tokens(body);
        if (items.size() == 1 && items.getFirst().marker == 0) {
            // One short answer needs no equals sign.
            items = List.of(new Raw('=', null, items.getFirst().text));
        }
        if (items.isEmpty() || items.getFirst().marker == 0) {
            throw new GiftSyntax("questions.import.gift.badAnswers", body.length() > 40 ? body.substring(0, 40) + "…" : body);
        }
        boolean matching = items.stream().allMatch(r -> r.marker == '=' && indexOfUnescaped(r.text, "->", 0) >= 0);
        if (matching) {
            Question.Builder q = Question.builder(QuestionTypes.MATCHING);
            int n = 1;
            for (Raw r : items) {
                int arrow = indexOfUnescaped(r.text, "->", 0);
                if (arrow < 0) {
                    throw new GiftSyntax("questions.import.gift.matchingArrow");
                }
                String left = r.text.substring(0, arrow);
                q.pair(new vn.truongso.questions.model.MatchPair(String.valueOf(n++), left.isBlank() ? new Content(format, "") : content(left, format),
                        text(r.text.substring(arrow + 2), Content.MOODLE)));
            }
            return q;
        }
        boolean anyWrong = items.stream().anyMatch(r -> r.marker == '~');
        if (!anyWrong) {
            Question.Builder q = Question.builder(QuestionTypes.SHORT_ANSWER);
            for (Raw r : items) {
                String[] vf = splitFeedback(r.text);
                q.choice(new Choice(null, content(vf[0], format), true, fraction(r.weight), vf[1] == null ? null : content(vf[1], format)));
            }
            return withIds(q);
        }
        boolean weighted = items.stream().anyMatch(r -> r.marker == '~' && r.weight != null && r.weight.signum() > 0);
        // Several "=" among "~" is still single choice (and refused by its validation); weights make it multiple response.
        boolean anyRight = items.stream().anyMatch(r -> r.marker == '=');
        String type = weighted && !anyRight ? QuestionTypes.MULTIPLE_RESPONSE : QuestionTypes.SINGLE_CHOICE;
        Question.Builder q = Question.builder(type);
        for (Raw r : items) {
            String[] vf = splitFeedback(r.text);
            boolean correct = r.marker == '=' || (type.equals(QuestionTypes.MULTIPLE_RESPONSE) && r.weight != null && r.weight.signum() > 0);
            q.choice(new Choice(null, content(vf[0], format), correct, fraction(r.weight), vf[1] == null ? null : content(vf[1], format)));
        }
        return withIds(q);
    }

    private static Question.Builder withIds(Question.Builder q) {
        List<Choice> numbered = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            Choice c = q.choices().get(i);
            numbered.add(new Choice(String.valueOf((char) ('A' + Math.min(i, 25))) + (i >= 26 ? i : ""), c.text(), c.correct(), c.fraction(), c.feedback()));
        }
        return q.choices(numbered);
    }

    private static BigDecimal fraction(BigDecimal weight) {
        return weight == null ? null : weight.movePointLeft(2);
    }

    /** An answer item: its marker ({@code ~}, {@code =}, or 0 for text before any marker), weight and raw text. */
    private record Raw(char marker, BigDecimal weight, String text) {
    }

    private static List<Raw> tokens(String body) {
        List<Raw> items = new ArrayList<>();
        int start = 0;
        char marker = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : 0;
            if (c == '\\') {
                i++;
                continue;
            }
            if (i == body.length() || c == '~' || c == '=') {
                String chunk = body.substring(start, Math.min(i, body.length()));
                if (marker != 0 || !chunk.isBlank()) {
                    BigDecimal weight = null;
                    Matcher w = WEIGHT.matcher(chunk);
                    if (marker != 0 && w.find()) {
                        weight = new BigDecimal(w.group(1));
                        chunk = chunk.substring(w.end());
                    }
                    items.add(new Raw(marker, weight, chunk));
                }
                marker = c;
                start = i + 1;
            }
        }
        return items;
    }

    /** Splits "text#feedback" at the first unescaped #. */
    private static String[] splitFeedback(String raw) {
        int hash = indexOfUnescaped(raw, "#", 0);
        return hash < 0 ? new String[] {raw, null} : new String[] {raw.substring(0, hash), raw.substring(hash + 1)};
    }

    private static List<String> splitUnescaped(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == separator) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Text with an optional [format] prefix of its own; otherwise the question's format. Blank text is no content. */
    private static Content content(String raw, String format) {
        Matcher fm = FORMAT.matcher(raw);
        String f = format;
        if (fm.find()) {
            f = fm.group(1).toLowerCase(java.util.Locale.ROOT);
            raw = raw.substring(fm.end());
        }
        String t = text(raw, f);
        return t.isEmpty() ? null : new Content(f, t);
    }

    /** Moodle-format text has its line breaks and runs of spaces collapsed; then escapes are resolved. */
    static String text(String raw, String format) {
        String s = raw.strip();
        if (Content.MOODLE.equals(format) || Content.PLAIN.equals(format)) {
            s = s.replaceAll("\\s+", " ");
        }
        return unescape(s).strip();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if ("~=#{}:\\".indexOf(n) >= 0) {
                    out.append(n);
                    i++;
                    continue;
                }
                if (n == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static int indexOfUnescaped(String s, String token, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
