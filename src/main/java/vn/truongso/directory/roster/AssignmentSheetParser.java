package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.List;

import vn.truongso.platform.InputError;

import static vn.truongso.directory.roster.RosterColumn.Assignments.*;

/** Reads the "Phân công" sheet; teachers, subjects and classes are resolved later against the file and the directory. */
final class AssignmentSheetParser {

    private AssignmentSheetParser() {
    }

    static List<ParsedRoster.AssignmentRow> parse(SheetLayout<RosterColumn.Assignments> layout, List<InputError> errors) {
        List<ParsedRoster.AssignmentRow> rows = new ArrayList<>();
        if (layout == null) {
            return rows;
        }
        for (var raw : layout.dataRows()) {
            var in = new RowReader<>(layout, raw, errors);
            rows.add(new ParsedRoster.AssignmentRow(in.rowNumber(), in.required(TEACHER), in.required(SUBJECT),
                    ClassSheetParser.className(in, CLASS)));
        }
        return rows;
    }
}
