package vn.truongso.questions.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The Aiken format: the stem on one or more lines, options "A." or "A)" one per line, then "ANSWER: B". Blank lines
 * between questions are optional. Every question is single choice.
 */
public final class AikenImporter implements QuestionImporter {

    private static final Pattern OPTION = Pattern.compile("^([A-Z])[.)]\\s+(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER\\s*:\\s*(\\S*)\\s*$", Pattern.CASE_INSENSITIVE);

    @Override
    public String format() {
        return "aiken";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        String text = new String(source.bytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<ParsedQuestion> questions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        StringBuilder stem = new StringBuilder();
        List<String[]> options = new ArrayList<>();
        int start = 0;
        int number = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = VietnameseText.clean(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (stem.isEmpty() && options.isEmpty()) {
                start = i + 1;
                number++;
            }
            if (answer.matches()) {
                if (options.size() < 2) {
                    problems.add(Problem.at(number, start, "questions.import.aiken.noOptions"));
                } else {
                    String key = answer.group(1).toUpperCase(java.util.Locale.ROOT);
                    if (options.stream().noneMatch(o -> o[0].equals(key))) {
                        problems.add(Problem.at(number, i + 1, "questions.import.aiken.badAnswer", answer.group(1)));
                    }
                    Question.Builder q = Question.builder(QuestionTypes.SINGLE_CHOICE).stem(Content.plain(stem.toString().strip()));
                    for (String[] o : options) {
                        q.choice(new Choice(o[0], Content.plain(o[1]), o[0].equals(key), null, null));
                    }
                    questions.add(new ParsedQuestion(number, start, q.build()));
                }
                stem.setLength(0);
                options.clear();
            } else if (option.matches() && !stem.isEmpty()) {
                options.add(new String[] {option.group(1), option.group(2).strip()});
            } else if (!options.isEmpty()) {
                // Text after the options without an ANSWER line: the question is unfinished.
                problems.add(Problem.at(number, start, "questions.import.aiken.noAnswer"));
                stem.setLength(0);
                options.clear();
                start = i + 1;
                number++;
                stem.append(line);
            } else {
                stem.append(stem.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (!stem.isEmpty() || !options.isEmpty()) {
            problems.add(Problem.at(number, start, "questions.import.aiken.noAnswer"));
        }
        return new ImportResult(questions, problems);
    }
}
