package vn.truongso.materials.domain;

import java.time.Instant;
import java.util.List;

/**
 * A save based on an older state of the material than the stored one (optimistic locking: the row version the form
 * or the API client read is no longer current). Nothing was written. Names every change made since: who, when,
 * which move, which fields.
 */
public class EditConflictException extends RuntimeException {

    /** One change made since the caller read the material: an edit with its fields, or another move of the workflow. */
    public record Change(String actorName, Instant at, Action action, List<String> fields) {
        public Change {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    private final int expected;
    private final int current;
    private final transient List<Change> changes;

    public EditConflictException(int expected, int current, List<Change> changes) {
        super("material changed since row version " + expected + " (now " + current + ")");
        this.expected = expected;
        this.current = current;
        this.changes = List.copyOf(changes);
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }

    public List<Change> changes() {
        return changes;
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * The conflict in words, in the given language: that nothing was saved or overwritten, and each change since
     * ("Nguyễn Văn A sửa lúc 10:32 23/11/2026: tên học liệu, mô tả").
     */
    public String describe(vn.truongso.platform.web.BilingualMessages messages, java.util.Locale locale) {
        List<String> lines = changes.stream().map(c -> {
            String fields = c.fields().stream().map(f -> messages.in(locale, "materials.field." + f)).collect(java.util.stream.Collectors.joining(", "));
            return messages.in(locale, fields.isEmpty() ? "materials.conflict.move" : "materials.conflict.change", c.actorName(),
                    messages.in(locale, "materials.action." + c.action().name()), TIME.format(c.at()), fields);
        }).toList();
        return messages.in(locale, "materials.conflict.edit", lines.isEmpty() ? messages.in(locale, "materials.conflict.unknown")
                : String.join("; ", lines));
    }
}
