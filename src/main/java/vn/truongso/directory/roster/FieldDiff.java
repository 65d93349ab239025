package vn.truongso.directory.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StaffPosition;

/** Collects the fields of one row that differ from the record, as the preview shows them: column, old → new. */
final class FieldDiff {

    private final List<RosterPreview.FieldChange> changes = new ArrayList<>();

    FieldDiff compare(RosterColumn column, Object old, Object now) {
        return compare(column.header(), old, now);
    }

    FieldDiff compare(String column, Object old, Object now) {
        String before = display(old);
        String after = display(now);
        if (!Objects.equals(before, after)) {
            changes.add(new RosterPreview.FieldChange(column, before, after));
        }
        return this;
    }

    List<RosterPreview.FieldChange> changes() {
        return changes;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    static String display(Object value) {
        return switch (value) {
            case null -> "";
            case LocalDate date -> RowReader.formatDate(date);
            case Sex sex -> Labels.sex(sex);
            case StaffPosition position -> Labels.position(position);
            case Boolean mark -> mark ? "x" : "";
            default -> value.toString();
        };
    }
}
