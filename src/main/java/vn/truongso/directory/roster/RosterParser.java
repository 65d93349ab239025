package vn.truongso.directory.roster;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.truongso.platform.InputError;

/** Gives the cells of a workbook their meaning, sheet by sheet; any sheet may be absent. */
final class RosterParser {

    private RosterParser() {
    }

    static ParsedRoster parse(RawWorkbook workbook, List<InputError> errors) {
        var staff = SheetLayout.locate(workbook.sheet(RosterSheet.STAFF), RosterColumn.Staff.class, errors);
        var classes = SheetLayout.locate(workbook.sheet(RosterSheet.CLASSES), RosterColumn.Classes.class, errors);
        var students = SheetLayout.locate(workbook.sheet(RosterSheet.STUDENTS), RosterColumn.Students.class, errors);
        var assignments = SheetLayout.locate(workbook.sheet(RosterSheet.ASSIGNMENTS), RosterColumn.Assignments.class, errors);
        Set<RosterSheet> present = EnumSet.noneOf(RosterSheet.class);
        for (var layout : List.of(java.util.Optional.ofNullable(staff), java.util.Optional.ofNullable(classes),
                java.util.Optional.ofNullable(students), java.util.Optional.ofNullable(assignments))) {
            layout.ifPresent(l -> present.add(l.sheet()));
        }
        return new ParsedRoster(present, StaffSheetParser.parse(staff, errors), ClassSheetParser.parse(classes, errors),
                StudentSheetParser.parse(students, errors), AssignmentSheetParser.parse(assignments, errors));
    }
}
