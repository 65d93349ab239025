package vn.truongso.testing.analysis;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An item (question) of the analysed test: its id, the label shown in reports (e.g. "Câu 3"), its maximum points, and
 * for choice items the options in display order with the key marked; a non-choice item (short answer, essay, ...) has
 * no options and is analysed on its points only.
 */
public record AnalysisItem(String id, String label, BigDecimal maxPoints, List<Option> options) {

    /** An option of a choice item; {@code key} marks a correct option (several for a multiple-response item). */
    public record Option(String id, String label, boolean key) {

        public Option {
            Objects.requireNonNull(id, "option id");
            Objects.requireNonNull(label, "option label");
        }
    }

    public AnalysisItem {
        Objects.requireNonNull(id, "item id");
        Objects.requireNonNull(label, "item label");
        Objects.requireNonNull(maxPoints, "max points");
        if (maxPoints.signum() < 0) {
            throw new IllegalArgumentException("max points of item " + id + " is negative");
        }
        options = List.copyOf(options == null ? List.of() : options);
        Set<String> seen = new HashSet<>();
        for (Option option : options) {
            if (!seen.add(option.id())) {
                throw new IllegalArgumentException("item " + id + " lists option " + option.id() + " twice");
            }
        }
    }

    public boolean isChoice() {
        return !options.isEmpty();
    }

    boolean hasOption(String optionId) {
        return options.stream().anyMatch(o -> o.id().equals(optionId));
    }
}
