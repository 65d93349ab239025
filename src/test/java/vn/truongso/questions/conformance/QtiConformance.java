package vn.truongso.questions.conformance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import vn.truongso.questions.exports.QtiExporter;
import vn.truongso.questions.imports.ImportResult;
import vn.truongso.questions.imports.ImportSource;
import vn.truongso.questions.imports.QtiImporter;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The IMS QTI 2.x sample items: each item whose interaction we support imports cleanly, is a valid question, and
 * survives export to QTI 2.1 and import again with its type, options, correct answers and points; items with other
 * interactions are counted as unsupported; every file under invalid/ is refused.
 */
public final class QtiConformance {

    static final Set<String> UNSUPPORTED = Set.of("questions.import.qti.unsupportedInteraction", "questions.import.qti.noInteraction",
            "questions.import.qti.templates");
    /**
     * Refusals that are right for a question bank: a sample without a correct response (a survey such as likert) cannot
     * be scored, and a sample whose interaction names an undeclared response is inconsistent. They are reported apart.
     */
    static final Set<String> NOT_SCORABLE = Set.of("questions.invalid.singleChoiceCorrect", "questions.invalid.noCorrect",
            "questions.invalid.optionCount", "questions.import.qti.invalid");

    public record Outcome(String summary, List<String> failures, List<String> notScorable) {
    }

    public static Outcome run(Path dir) throws Exception {
        List<Path> items;
        try (Stream<Path> s = Files.walk(dir.resolve("items"))) {
            items = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        int supported = 0;
        int passed = 0;
        int unsupported = 0;
        List<String> notScorable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path item : items) {
            String name = dir.relativize(item).toString();
            ImportResult first = importItem(Files.readAllBytes(item));
            if (!first.problems().isEmpty() && first.problems().stream().allMatch(p -> UNSUPPORTED.contains(p.code()))) {
                unsupported++;
                if (System.getenv("QTI_LIST_UNSUPPORTED") != null) {
                    System.out.println("  unsupported " + name + " " + first.problems());
                }
                continue;
            }
            if (!first.problems().isEmpty() && first.problems().stream().allMatch(p -> NOT_SCORABLE.contains(p.code()))
                    && first.problems().stream().anyMatch(p -> !p.code().equals("questions.invalid.optionCount"))) {
                notScorable.add(name + ": " + first.problems());
                continue;
            }
            supported++;
            String failure = roundTrip(first);
            if (failure == null) {
                passed++;
            } else {
                failures.add(name + ": " + failure);
            }
        }
        List<Path> invalid;
        try (Stream<Path> s = Files.list(dir.resolve("invalid"))) {
            invalid = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("README")).sorted().toList();
        }
        int refused = 0;
        for (Path bad : invalid) {
            ImportResult r = vn.truongso.questions.imports.ImportPipeline.run("qti", ImportSource.of(bad.getFileName().toString(), Files.readAllBytes(bad)));
            if (!r.problems().isEmpty()) {
                refused++;
            } else {
                failures.add("invalid/" + bad.getFileName() + ": accepted");
            }
        }
        String summary = passed + "/" + supported + " supported items round-trip (" + unsupported + " with unsupported interactions skipped, " + notScorable.size() + " refused as not scorable); "
                + refused + "/" + invalid.size() + " invalid files refused";
        return new Outcome(summary, failures, notScorable);
    }

    static ImportResult importItem(byte[] bytes) {
        return vn.truongso.questions.imports.ImportPipeline.run("qti", ImportSource.of("item.xml", bytes));
    }

    /** Null when the item survives export and re-import; otherwise what changed. */
    static String roundTrip(ImportResult first) {
        if (!first.problems().isEmpty()) {
            return "refused: " + first.problems().stream().map(Problem::toString).toList();
        }
        Question q = first.questions().getFirst().question();
        String xml = QtiExporter.item(q, "item", s -> s);
        ImportResult second = importItem(xml.getBytes(StandardCharsets.UTF_8));
        if (!second.problems().isEmpty()) {
            return "re-import refused: " + second.problems();
        }
        Question again = second.questions().getFirst().question();
        String a = RoundTrip.signature(q);
        String b = RoundTrip.signature(again);
        return a.equals(b) ? null : "changed: " + a + " -> " + b;
    }

    static boolean valid(Question q) {
        return QuestionTypes.validate(q).isEmpty();
    }
}
