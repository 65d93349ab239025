package vn.truongso.questions.conformance;

import java.nio.file.Path;
import java.util.List;

public final class QtiConformance {

    public record Outcome(String summary, List<String> failures) {
    }

    public static Outcome run(Path dir) {
        return new Outcome("not run", List.of());
    }
}
