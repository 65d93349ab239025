package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.truongso.platform.InputError;

import static vn.truongso.directory.roster.RosterColumn.Classes.*;

/** Reads the "Lớp" sheet. */
final class ClassSheetParser {

    /** Class names as schools write them: 6A1, 10 Toán, 12C. */
    static final String NAME_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]{0,19}";

    private ClassSheetParser() {
    }

    static List<ParsedRoster.ClassRow> parse(SheetLayout<RosterColumn.Classes> layout, List<InputError> errors) {
        List<ParsedRoster.ClassRow> rows = new ArrayList<>();
        if (layout == null) {
            return rows;
        }
        for (var raw : layout.dataRows()) {
            var in = new RowReader<>(layout, raw, errors);
            String name = className(in, NAME);
            Integer grade = in.wholeNumber(GRADE, true, "roster.grade.format");
            if (grade != null && grade > 12) {
                in.error(GRADE, "roster.grade.format", grade);
                grade = null;
            }
            rows.add(new ParsedRoster.ClassRow(in.rowNumber(), name, grade, in.text(HOMEROOM)));
        }
        return rows;
    }

    /** A class name as written; classes are matched ignoring case ({@link #key}). */
    static <C extends Enum<C> & RosterColumn> String className(RowReader<C> in, C column) {
        String name = in.required(column);
        if (name == null) {
            return null;
        }
        if (!name.matches(NAME_PATTERN)) {
            in.error(column, "roster.class.nameFormat", name);
            return null;
        }
        return name;
    }

    /** "6a1" and "6A1" name the same class. */
    static String key(String className) {
        return className == null ? null : className.toUpperCase(Locale.ROOT);
    }
}
