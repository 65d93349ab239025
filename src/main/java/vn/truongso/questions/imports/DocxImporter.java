package vn.truongso.questions.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.questions.imports.docx.WordBody;
import vn.truongso.questions.imports.docx.WordBody.Fmt;
import vn.truongso.questions.imports.docx.WordBody.Line;
import vn.truongso.questions.imports.docx.WordBody.Seg;
import vn.truongso.questions.imports.docx.WordBody.Table;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Word .docx banks in the layout Vietnamese teachers use: "Câu N:" stems, options "A." to "H." (one per line,
 * several per line, or in a table), sections "PHẦN I/II/III" (2025 exam: single choice, true/false clusters "a) b) c)
 * d)", short answers), the correct option marked by underline, red, highlight, bold (when the other options are not
 * bold) or a leading "*", or given by "Đáp án: B", "&lt;Key=…&gt;" or an answer list/grid after the questions, and worked
 * solutions after "Lời giải" / "Hướng dẫn giải" / "Giải:". Problems name the question number (Câu N) and the paragraph
 * number, reported as the line.
 */
public final class DocxImporter implements QuestionImporter {

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SECTION = Pattern.compile("^PH[ẦA]N\\s+(IV|I{1,3}|[1-4])(?![\\p{L}\\d])", CI);
    private static final Pattern ANSWER_HEADING = Pattern.compile("^(?:BẢNG\\s+)?ĐÁP\\s+ÁN(?:\\s+(?:VÀ|PHẦN|ĐỀ|CHI|THAM)[^:]*)?\\s*[:.]?\\s*$", CI);
    private static final Pattern QUESTION = Pattern.compile("^Câu\\s*(\\d{1,4})\\s*(?:[:.)]|(?=\\s)|$)\\s*", CI);
    private static final Pattern POINTS = Pattern.compile("^\\(\\s*(\\d+(?:[.,]\\d+)?)\\s*(?:điểm|đ)\\s*\\)\\s*[:.]?\\s*", CI);
    /** A chapter or topic heading ("Chương 1. Phân số", "CHỦ ĐỀ 2: …"): the category of the questions below it. */
    private static final Pattern CHAPTER = Pattern.compile("^(?:CHƯƠNG|CHỦ\\s+ĐỀ)\\s+(?:\\d{1,3}|[IVXLC]{1,8})(?![\\p{L}\\d])", CI);
    /** A cognitive level after "Câu N": "(NB)", "[TH]", "(Vận dụng)", "(Mức 2)". */
    private static final Pattern LEVEL = Pattern.compile(
            "^[(\\[]\\s*(NB|TH|VDC|VD|Nhận\\s+biết|Thông\\s+hiểu|Vận\\s+dụng\\s+cao|Vận\\s+dụng|Biết|Hiểu|Mức\\s*[1-4])\\s*[)\\]]\\s*[:.]?\\s*", CI);
    private static final Pattern SOLUTION = Pattern.compile("^(?:(?:Lời\\s+giải|Hướng\\s+dẫn\\s+giải)(?:\\s+chi\\s+tiết)?\\s*[:.]?|Giải\\s*(?:[:.]|$))\\s*", CI);
    private static final Pattern KEY_LINE = Pattern.compile("^(?:Đáp\\s+án|Trả\\s+lời)\\s*[:.]\\s*(.+)$", CI);
    private static final Pattern INLINE_KEY = Pattern.compile("<\\s*Key\\s*=\\s*([^>]*)>", CI);
    private static final Pattern OPTION = Pattern.compile("(\\*?)\\s*([A-H])\\s*[.)]");
    private static final Pattern STATEMENT = Pattern.compile("(\\*?)\\s*([a-h])\\s*\\)");
    private static final Pattern STATEMENT_DOT = Pattern.compile("(\\*?)\\s*([a-h])\\s*[.)]");
    private static final Pattern KEY_CLUSTER = Pattern.compile(
            "(?:Câu\\s*)?(\\d+)\\s*[-:.)]\\s*((?:[a-h]\\s*[-:.)]?\\s*(?:Đúng|Sai|Đ|S)(?![\\p{L}])\\s*[,;]?\\s*){2,})", CI);
    private static final Pattern KEY_PAIR = Pattern.compile("(?:Câu\\s*)?(\\d+)\\s*[-:.)]?\\s*([A-H])(?![\\p{L}\\d])");
    private static final Pattern KEY_PAIRS_LINE = Pattern.compile(
            "^(?:\\s*(?:Câu\\s*)?\\d+\\s*[-:.)]\\s*[A-H](?![\\p{L}\\d])\\s*[,;]?){2,}\\s*$");
    private static final Pattern KEY_SINGLE = Pattern.compile("^(?:Câu\\s*)?(\\d+)\\s*[-:.)]\\s*(.+)$", CI);
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:[.,]\\d+)?$");
    private static final Pattern GRID_NUMBER = Pattern.compile("^(?:Câu\\s*)?(\\d{1,4})$", CI);
    private static final Pattern GRID_ANSWER = Pattern.compile(
            "^(?:[A-H]|(?:[a-h]\\s*[-:.)]?\\s*)?[ĐSđs](?:[\\s,;-]*(?:[a-h]\\s*[-:.)]?\\s*)?[ĐSđs]){1,7}|-?\\d+(?:[.,]\\d+)?)$");

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        byte[] b = source.bytes();
        if (b.length >= 4 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0) {
            return new ImportResult(List.of(), List.of(Problem.at(null, null, "questions.docx.oldDoc")));
        }
        if (b.length < 4 || b[0] != 'P' || b[1] != 'K') {
            return new ImportResult(List.of(), List.of(Problem.at(null, null, "questions.docx.notDocx")));
        }
        List<Object> blocks;
        try {
            blocks = WordBody.read(b, source.attachments());
        } catch (IOException | RuntimeException e) {
            return new ImportResult(List.of(), List.of(Problem.at(null, null, "questions.docx.notDocx")));
        }
        return new Reader().read(blocks);
    }

    /** One option "A." or statement "a)": its letter, paragraph, the letter's segments, text lines, and a leading "*". */
    private static final class Option {
        final char letter;
        final int line;
        final List<Seg> letterSegs;
        final List<List<Seg>> text = new ArrayList<>();
        final boolean star;

        Option(char letter, int line, List<Seg> letterSegs, List<Seg> text, boolean star) {
            this.letter = letter;
            this.line = line;
            this.letterSegs = letterSegs;
            this.text.add(text);
            this.star = star;
        }

        boolean all(Predicate<Fmt> p) {
            if (allChars(letterSegs, p)) {
                return true;
            }
            List<Seg> segs = new ArrayList<>();
            text.forEach(segs::addAll);
            return allChars(segs, p);
        }

        boolean marked() {
            return star || all(f -> Boolean.TRUE.equals(f.underline())) || all(f -> Boolean.TRUE.equals(f.red()))
                    || all(f -> Boolean.TRUE.equals(f.highlight()));
        }

        boolean bold() {
            return all(f -> Boolean.TRUE.equals(f.bold()));
        }
    }

    /** Every visible character (not space, equation or image) has the property, and there is at least one. */
    static boolean allChars(List<Seg> segs, Predicate<Fmt> p) {
        boolean any = false;
        for (Seg s : segs) {
            if (s.math() || s.imageRef() != null || s.text().isBlank()) {
                continue;
            }
            String visible = s.text().replace("*", "");
            if (visible.isBlank()) {
                continue;
            }
            if (!p.test(s.fmt())) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private enum Mode { STEM, OPTIONS, STATEMENTS, SOLUTION }

    private static final class Draft {
        final int number;
        final Integer section;
        final int line;
        final List<List<Seg>> stem = new ArrayList<>();
        final List<Option> options = new ArrayList<>();
        final List<Option> statements = new ArrayList<>();
        final List<List<Seg>> solution = new ArrayList<>();
        final String chapter;
        String key;
        BigDecimal points;
        String level;
        Mode mode = Mode.STEM;

        Draft(int number, Integer section, int line, String chapter) {
            this.number = number;
            this.section = section;
            this.line = line;
            this.chapter = chapter;
        }
    }

    private static final class Reader {
        final List<Draft> drafts = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Map<String, String> keys = new HashMap<>();
        Integer section;
        String chapter;
        boolean answerMode;
        Integer answerSection;
        Draft draft;
        boolean anyText;

        ImportResult read(List<Object> blocks) {
            blocks(blocks);
            close();
            if (!anyText) {
                return new ImportResult(List.of(), List.of(Problem.at(null, null, "questions.docx.empty")));
            }
            if (drafts.isEmpty()) {
                return new ImportResult(List.of(), List.of(Problem.at(null, null, "questions.docx.noQuestions")));
            }
            List<ParsedQuestion> out = new ArrayList<>();
            for (Draft d : drafts) {
                out.add(new ParsedQuestion(d.number, d.line, build(d)));
            }
            return new ImportResult(out, problems);
        }

        void blocks(List<Object> blocks) {
            for (Object b : blocks) {
                if (b instanceof Line l) {
                    line(l);
                } else if (b instanceof Table t) {
                    if (!gridKeys(t)) {
                        blocks(t.blocks());
                    } else {
                        anyText = true;
                    }
                }
            }
        }

        void line(Line l) {
            String text = l.text();
            int start = 0;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            String t = text.substring(start).stripTrailing();
            if (t.isEmpty() || t.chars().allMatch(c -> c == WordBody.IMAGE) && draft == null) {
                return;
            }
            anyText = true;
            Matcher m;
            if ((m = SECTION.matcher(t)).find()) {
                close();
                Integer s = roman(m.group(1));
                if (answerMode) {
                    answerSection = s;
                } else {
                    section = s;
                }
                return;
            }
            if (ANSWER_HEADING.matcher(t).matches()) {
                close();
                answerMode = true;
                Matcher part = Pattern.compile("PH[ẦA]N\\s+(IV|I{1,3}|[1-4])(?![\\p{L}\\d])", CI).matcher(t);
                answerSection = part.find() ? roman(part.group(1)) : null;
                return;
            }
            if (answerMode) {
                keyLine(t);
                return;
            }
            if (CHAPTER.matcher(t).find()) {
                close();
                chapter = t.replaceAll("\\s+", " ").replaceAll("[:.]$", "").strip();
                return;
            }
            if ((m = QUESTION.matcher(t)).find()) {
                close();
                draft = new Draft(Integer.parseInt(m.group(1)), section, l.number(), chapter);
                int from = start + m.end();
                // "(0,5 điểm)" and "(NB)" in either order.
                for (int i = 0; i < 2; i++) {
                    Matcher pm = POINTS.matcher(text.substring(from));
                    if (draft.points == null && pm.find()) {
                        draft.points = new BigDecimal(pm.group(1).replace(',', '.'));
                        from += pm.end();
                    }
                    Matcher lm = LEVEL.matcher(text.substring(from));
                    if (draft.level == null && lm.find()) {
                        draft.level = level(lm.group(1));
                        from += lm.end();
                    }
                }
                content(l, from, draft.stem);
                return;
            }
            if (KEY_PAIRS_LINE.matcher(t).matches()) {
                close();
                keyLine(t);
                return;
            }
            if (draft == null) {
                return;
            }
            if ((m = SOLUTION.matcher(t)).find()) {
                draft.mode = Mode.SOLUTION;
                content(l, start + m.end(), draft.solution);
                return;
            }
            if (draft.mode == Mode.SOLUTION) {
                content(l, start, draft.solution);
                return;
            }
            if ((m = KEY_LINE.matcher(t)).find()) {
                draft.key = m.group(1).strip();
                return;
            }
            if (markers(l, start, OPTION, draft.options, false)) {
                draft.mode = Mode.OPTIONS;
                return;
            }
            if (markers(l, start, Integer.valueOf(2).equals(draft.section) ? STATEMENT_DOT : STATEMENT, draft.statements, true)) {
                draft.mode = Mode.STATEMENTS;
                return;
            }
            switch (draft.mode) {
                case OPTIONS -> content(l, start, draft.options.getLast().text);
                case STATEMENTS -> content(l, start, draft.statements.getLast().text);
                default -> content(l, start, draft.stem);
            }
        }

        /**
         * Reads the option (or statement) markers of a line that starts with one; several on a line when each next
         * letter follows the previous one after white space. Answers false when the line does not start with one.
         */
        boolean markers(Line l, int start, Pattern marker, List<Option> into, boolean lower) {
            String text = l.text();
            Matcher m = marker.matcher(text);
            m.region(start, text.length());
            if (!m.lookingAt()) {
                return false;
            }
            List<int[]> found = new ArrayList<>(); // letter index, marker end, star flag, marker start
            found.add(new int[] {m.start(2), m.end(), m.group(1).isEmpty() ? 0 : 1, m.start()});
            char last = m.group(2).charAt(0);
            int from = m.end();
            while (from < text.length()) {
                m = marker.matcher(text);
                m.region(from, text.length());
                if (!m.find()) {
                    break;
                }
                char c = m.group(2).charAt(0);
                int s = m.group(1).isEmpty() ? m.start(2) : m.start(1);
                if (c > last && s > 0 && Character.isWhitespace(text.charAt(s - 1))) {
                    found.add(new int[] {m.start(2), m.end(), m.group(1).isEmpty() ? 0 : 1, s});
                    last = c;
                }
                from = m.end();
            }
            for (int i = 0; i < found.size(); i++) {
                int[] f = found.get(i);
                int end = i + 1 < found.size() ? found.get(i + 1)[3] : text.length();
                List<List<Seg>> body = new ArrayList<>();
                content(l, f[1], body, end);
                Option o = new Option(text.charAt(f[0]), l.number(), l.slice(f[0], f[0] + 1), body.isEmpty() ? List.of() : body.getFirst(),
                        f[2] == 1);
                into.add(o);
            }
            return true;
        }

        void content(Line l, int from, List<List<Seg>> into) {
            content(l, from, into, l.text().length());
        }

        /** Adds characters [from, to) of the line, without a "<Key=…>" (which becomes the draft's key). */
        void content(Line l, int from, List<List<Seg>> into, int to) {
            String text = l.text();
            List<Seg> segs = new ArrayList<>();
            Matcher k = INLINE_KEY.matcher(text);
            k.region(from, to);
            int pos = from;
            while (k.find()) {
                segs.addAll(l.slice(pos, k.start()));
                if (draft != null) {
                    draft.key = k.group(1).strip();
                }
                pos = k.end();
            }
            segs.addAll(l.slice(pos, to));
            if (segs.stream().anyMatch(s -> s.math() || s.imageRef() != null || !s.text().isBlank())) {
                into.add(segs);
            }
        }

        void close() {
            if (draft != null) {
                drafts.add(draft);
                draft = null;
            }
        }

        void keyLine(String t) {
            Matcher m = KEY_CLUSTER.matcher(t);
            boolean any = false;
            while (m.find()) {
                keys.put(answerSection + "|" + m.group(1), m.group(2).strip());
                any = true;
            }
            if (any) {
                return;
            }
            m = KEY_PAIR.matcher(t);
            List<String[]> pairs = new ArrayList<>();
            while (m.find()) {
                pairs.add(new String[] {m.group(1), m.group(2)});
            }
            Matcher single = KEY_SINGLE.matcher(t);
            if (pairs.size() >= 2 || (pairs.size() == 1 && single.matches() && single.group(2).strip().length() == 1)) {
                pairs.forEach(p -> keys.put(answerSection + "|" + p[0], p[1]));
            } else if (single.matches()) {
                keys.put(answerSection + "|" + single.group(1), single.group(2).strip());
            }
        }

        /** An answer grid (question numbers in one row, answers in the next) or a two-column list; false otherwise. */
        boolean gridKeys(Table t) {
            List<List<String>> rows = t.rows();
            Integer sec = answerMode ? answerSection : null;
            Map<String, String> found = new HashMap<>();
            boolean grid = false;
            for (int r = 0; r + 1 < rows.size(); r++) {
                List<String> nums = rows.get(r);
                List<String> answers = rows.get(r + 1);
                int count = 0;
                boolean ok = true;
                for (int j = 0; j < nums.size(); j++) {
                    Matcher n = GRID_NUMBER.matcher(nums.get(j));
                    if (n.matches()) {
                        String a = j < answers.size() ? answers.get(j) : "";
                        if (!GRID_ANSWER.matcher(a).matches()) {
                            ok = false;
                            break;
                        }
                        found.put(sec + "|" + n.group(1), a);
                        count++;
                    } else if (j > 0 && !nums.get(j).isBlank()) {
                        ok = false;
                        break;
                    }
                }
                if (ok && count >= (answerMode ? 1 : 2)) {
                    grid = true;
                    r++;
                }
            }
            if (!grid) {
                found.clear();
                int count = 0;
                for (List<String> row : rows) {
                    if (row.size() >= 2 && GRID_NUMBER.matcher(row.get(0)).matches() && GRID_ANSWER.matcher(row.get(1)).matches()) {
                        Matcher n = GRID_NUMBER.matcher(row.get(0));
                        n.matches();
                        found.put(sec + "|" + n.group(1), row.get(1));
                        count++;
                    } else if (count > 0 || row.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).startsWith("CÂU") && c.length() > 8)) {
                        return false;
                    }
                }
                grid = count >= (answerMode ? 1 : 2) && count >= rows.size() - 1;
            }
            if (grid) {
                close();
                keys.putAll(found);
            }
            return grid;
        }

        String key(Draft d) {
            if (d.key != null) {
                return d.key;
            }
            String k = keys.get(d.section + "|" + d.number);
            if (k == null) {
                k = keys.get("null|" + d.number);
            }
            if (k == null && d.section == null) {
                // Questions without sections, answers listed under section headings: a number listed once is enough.
                List<String> any = keys.entrySet().stream().filter(e -> e.getKey().endsWith("|" + d.number)).map(Map.Entry::getValue).toList();
                k = any.size() == 1 ? any.getFirst() : null;
            }
            return k;
        }

        Question build(Draft d) {
            String title = d.section == null ? "Câu " + d.number : "Phần " + roman(d.section) + " – Câu " + d.number;
            Question.Builder q;
            String key = key(d);
            if (!d.options.isEmpty()) {
                q = Question.builder(QuestionTypes.SINGLE_CHOICE);
                // Facts listed "a) … b) …" in a single-choice stem (e.g. "Cho các phát biểu sau: a) …") stay in the stem.
                for (Option st : d.statements) {
                    for (int i = 0; i < st.text.size(); i++) {
                        List<Seg> line = new ArrayList<>();
                        if (i == 0) {
                            line.add(new Seg(st.letter + ") ", Fmt.NONE_SET, false, null));
                        }
                        line.addAll(st.text.get(i));
                        d.stem.add(line);
                    }
                }
                letters(d, d.options, 'A', "questions.docx.missingOption");
                List<Boolean> marks = marks(d.options);
                if (marks == null && key != null) {
                    String letter = key.strip().toUpperCase(Locale.ROOT);
                    marks = new ArrayList<>();
                    for (Option o : d.options) {
                        marks.add(letter.equals(String.valueOf(o.letter)));
                    }
                    if (!marks.contains(Boolean.TRUE)) {
                        problems.add(Problem.at(d.number, d.line, "questions.docx.badKey", key));
                    }
                }
                for (int i = 0; i < d.options.size(); i++) {
                    Option o = d.options.get(i);
                    q.choice(new Choice(String.valueOf(o.letter), content(o.text), marks != null && marks.get(i), null, null));
                }
            } else if (!d.statements.isEmpty()) {
                q = Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER);
                letters(d, d.statements, 'a', "questions.docx.missingStatement");
                List<Boolean> marks = marks(d.statements);
                if (marks == null && key != null) {
                    marks = clusterKey(key, d.statements.size());
                    if (marks == null) {
                        problems.add(Problem.at(d.number, d.line, "questions.docx.badClusterKey", key));
                    }
                }
                if (marks == null && key == null) {
                    problems.add(Problem.at(d.number, d.line, "questions.docx.clusterUnmarked"));
                }
                for (int i = 0; i < d.statements.size(); i++) {
                    Option o = d.statements.get(i);
                    q.choice(new Choice(String.valueOf(o.letter), content(o.text), marks != null && marks.get(i), null, null));
                }
            } else if (key != null || Integer.valueOf(3).equals(d.section)) {
                q = Question.builder(QuestionTypes.SHORT_ANSWER);
                if (key != null && !key.isBlank()) {
                    String k = key.strip();
                    if (NUMBER.matcher(k).matches()) {
                        q.number(new NumericAnswer(new BigDecimal(k.replace(',', '.')), BigDecimal.ZERO, null, null, false));
                    } else {
                        int i = 0;
                        for (String a : k.split("\\|")) {
                            if (!a.isBlank()) {
                                q.choice(new Choice(String.valueOf(++i), Content.plain(a.strip()), true, null, null));
                            }
                        }
                    }
                }
            } else {
                q = Question.builder(QuestionTypes.ESSAY);
                problems.add(Problem.at(d.number, d.line, "questions.docx.noOptions"));
            }
            q.title(title).stem(content(d.stem)).points(d.points);
            if (d.chapter != null) {
                q.category(d.chapter);
            }
            if (d.level != null) {
                q.classification(new Classification(null, null, null, null, null, d.level, null, null, List.of()));
            }
            if (!d.solution.isEmpty()) {
                q.generalFeedback(content(d.solution));
            }
            return q.build();
        }

        /** A level as written after "Câu N", abbreviations spelled out (the bank's scheme resolves it when stored). */
        static String level(String written) {
            String w = written.replaceAll("\\s+", " ").strip();
            return switch (w.toUpperCase(Locale.ROOT)) {
                case "NB" -> "Nhận biết";
                case "TH" -> "Thông hiểu";
                case "VD" -> "Vận dụng";
                case "VDC" -> "Vận dụng cao";
                default -> w.matches("(?i)Mức\\s*\\d") ? "Mức " + w.replaceAll("\\D", "") : w;
            };
        }

        /** Which options are marked, or null when none is: underline/red/highlight/"*", else bold when not all are bold. */
        static List<Boolean> marks(List<Option> options) {
            List<Boolean> strong = options.stream().map(Option::marked).toList();
            if (strong.contains(Boolean.TRUE)) {
                return strong;
            }
            List<Boolean> bold = options.stream().map(Option::bold).toList();
            long n = bold.stream().filter(b -> b).count();
            if (n > 0 && n < options.size()) {
                return bold;
            }
            return null;
        }

        void letters(Draft d, List<Option> options, char first, String missingCode) {
            char expected = first;
            for (Option o : options) {
                if (o.letter < expected) {
                    problems.add(Problem.at(d.number, o.line, "questions.docx.duplicateOption", String.valueOf(o.letter)));
                } else if (o.letter > expected) {
                    StringBuilder missing = new StringBuilder();
                    for (char c = expected; c < o.letter; c++) {
                        missing.append(missing.isEmpty() ? "" : ", ").append(c);
                    }
                    problems.add(Problem.at(d.number, o.line, missingCode, missing.toString()));
                    expected = (char) (o.letter + 1);
                } else {
                    expected++;
                }
            }
        }

        /** "Đ S Đ S", "ĐSĐS", "a-Đ, b-S, c-Đ, d-S", "a) Đúng b) Sai …" → the truth of each statement, or null. */
        static List<Boolean> clusterKey(String key, int size) {
            Matcher m = Pattern.compile("(Đúng|Sai|Đ|S)(?![\\p{L}&&[^ĐSđs]])", CI).matcher(key.replaceAll("(?<![\\p{L}])[a-h]\\s*[-:.)]", " "));
            List<Boolean> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1).toUpperCase(Locale.ROOT).startsWith("Đ"));
            }
            return out.size() == size ? out : null;
        }

        static Content content(List<List<Seg>> lines) {
            boolean html = lines.stream().flatMap(List::stream).anyMatch(s -> s.imageRef() != null);
            List<String> out = new ArrayList<>();
            for (List<Seg> line : lines) {
                StringBuilder b = new StringBuilder();
                for (Seg s : line) {
                    if (s.imageRef() != null) {
                        b.append("<img src=\"").append(s.imageRef()).append("\" alt=\"\">");
                    } else {
                        String t = s.text().replace('\t', ' ');
                        b.append(html ? escape(t) : t);
                    }
                }
                String text = b.toString().replaceAll(" {2,}", " ").strip();
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
            return html ? Content.html(String.join("<br>", out)) : Content.plain(String.join("\n", out));
        }

        static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        static Integer roman(String s) {
            return switch (s.toUpperCase(Locale.ROOT)) {
                case "I", "1" -> 1;
                case "II", "2" -> 2;
                case "III", "3" -> 3;
                default -> 4;
            };
        }

        static String roman(int n) {
            return switch (n) {
                case 1 -> "I";
                case 2 -> "II";
                case 3 -> "III";
                default -> "IV";
            };
        }
    }
}
