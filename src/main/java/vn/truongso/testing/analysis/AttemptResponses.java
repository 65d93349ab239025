package vn.truongso.testing.analysis;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One graded attempt (one student): per item id, the points earned and, for choice items, the option ids chosen.
 * An item missing from {@code byItem}, or a choice item with nothing chosen, counts as omitted (no answer) and earns
 * what its response says (zero when missing).
 */
public record AttemptResponses(String attemptId, Map<String, Response> byItem) {

    /** Points earned (already graded, between 0 and the item's maximum) and the options chosen (empty: none). */
    public record Response(BigDecimal points, Set<String> chosen) {

        public Response {
            Objects.requireNonNull(points, "points");
            chosen = Set.copyOf(chosen == null ? Set.of() : chosen);
        }

        public static Response points(String points) {
            return new Response(new BigDecimal(points), Set.of());
        }

        public static Response chose(String points, String... optionIds) {
            return new Response(new BigDecimal(points), Set.of(optionIds));
        }
    }

    public AttemptResponses {
        Objects.requireNonNull(attemptId, "attempt id");
        byItem = Map.copyOf(byItem == null ? Map.of() : byItem);
    }
}
