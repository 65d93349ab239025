package vn.truongso.questions.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Runs a format's importer and then every question's type validation, so each format reports the same problems
 * (a single-choice question with two correct answers is refused whatever file it came from).
 */
public final class ImportPipeline {

    private static final Map<String, QuestionImporter> IMPORTERS = new LinkedHashMap<>();

    static {
        for (QuestionImporter i : List.of(new GiftImporter(), new AikenImporter(), new MoodleXmlImporter(), new QtiImporter(),
                new XlsxImporter(), new DocxImporter())) {
            IMPORTERS.put(i.format(), i);
        }
    }

    private ImportPipeline() {
    }

    public static List<String> formats() {
        return List.copyOf(IMPORTERS.keySet());
    }

    public static Optional<QuestionImporter> importer(String format) {
        return Optional.ofNullable(format == null ? null : IMPORTERS.get(format.toLowerCase(java.util.Locale.ROOT)));
    }

    public static ImportResult run(String format, ImportSource source) {
        QuestionImporter importer = importer(format).orElseThrow(() -> new IllegalArgumentException("unknown format " + format));
        List<Problem> problems = new ArrayList<>();
        if (source.bytes().length == 0) {
            problems.add(Problem.at(null, null, "questions.import.emptyFile"));
            return new ImportResult(List.of(), problems);
        }
        ImportResult parsed;
        try {
            parsed = importer.parse(source);
        } catch (RuntimeException e) {
            problems.add(Problem.at(null, null, "questions.import.unreadable", String.valueOf(e.getMessage())));
            return new ImportResult(List.of(), problems);
        }
        problems.addAll(parsed.problems());
        for (ParsedQuestion q : parsed.questions()) {
            for (Problem p : QuestionTypes.validate(q.question())) {
                problems.add(p.locate(q.number(), q.line()));
            }
        }
        if (parsed.questions().isEmpty() && problems.isEmpty()) {
            problems.add(Problem.at(null, null, "questions.import.noQuestions"));
        }
        return new ImportResult(parsed.questions(), problems);
    }
}
