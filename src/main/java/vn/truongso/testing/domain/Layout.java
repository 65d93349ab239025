package vn.truongso.testing.domain;

import java.util.List;
import java.util.UUID;

/** The order an attempt shows its questions in, and each question's option order (seeded shuffle, stored). */
public record Layout(List<Entry> items) {

    public record Entry(UUID q, List<String> o) {
        public Entry {
            o = o == null ? List.of() : List.copyOf(o);
        }
    }

    public Layout {
        items = List.copyOf(items);
    }
}
