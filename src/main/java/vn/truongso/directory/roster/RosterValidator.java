package vn.truongso.directory.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;

/**
 * The checks a file fails on its own, before anything is compared with the directory: the same learner code, staff
 * code, e-mail, citizen ID or class twice, two heads for one subject group, one phone given for two parents in a row.
 * Each error names the later row and the row it repeats.
 */
final class RosterValidator {

    private RosterValidator() {
    }

    static void check(ParsedRoster roster, List<InputError> errors) {
        String staff = RosterSheet.STAFF.title();
        unique(roster.staff(), r -> upper(r.code()), ParsedRoster.StaffRow::row, staff, RosterColumn.Staff.CODE.header(), errors);
        unique(roster.staff(), ParsedRoster.StaffRow::email, ParsedRoster.StaffRow::row, staff, RosterColumn.Staff.EMAIL.header(), errors);
        unique(roster.staff(), ParsedRoster.StaffRow::citizenId, ParsedRoster.StaffRow::row, staff, RosterColumn.Staff.CITIZEN_ID.header(),
                errors);
        // Two people may share a name, but then a code or an e-mail must tell them apart.
        unique(roster.staff(), r -> r.code() == null && r.email() == null ? DirectorySnapshot.nameKey(r.fullName()) : null,
                ParsedRoster.StaffRow::row, staff, RosterColumn.Staff.NAME.header(), errors, "roster.staff.sameNameNoKey");
        unique(roster.staff(), r -> r.head() && r.group() != null ? VietnameseText.fold(r.group()) : null, ParsedRoster.StaffRow::row, staff,
                RosterColumn.Staff.GROUP_HEAD.header(), errors, "roster.staff.twoHeads");

        unique(roster.classes(), r -> ClassSheetParser.key(r.name()), ParsedRoster.ClassRow::row, RosterSheet.CLASSES.title(),
                RosterColumn.Classes.NAME.header(), errors);

        String students = RosterSheet.STUDENTS.title();
        unique(roster.students(), r -> upper(r.learnerCode()), ParsedRoster.StudentRow::row, students,
                RosterColumn.Students.LEARNER_CODE.header(), errors);
        unique(roster.students(), ParsedRoster.StudentRow::citizenId, ParsedRoster.StudentRow::row, students,
                RosterColumn.Students.CITIZEN_ID.header(), errors);
        for (var row : roster.students()) {
            Map<String, String> columnOfPhone = new HashMap<>();
            for (var guardian : row.guardians()) {
                if (guardian.phone() != null) {
                    String other = columnOfPhone.putIfAbsent(guardian.phone(), guardian.phoneColumn());
                    if (other != null) {
                        errors.add(InputError.cell(students, row.row(), guardian.phoneColumn(), "roster.guardian.samePhoneInRow", guardian.phone(),
                                other));
                    }
                }
            }
        }

        unique(roster.assignments(), r -> r.className() == null || r.subject() == null ? null
                : ClassSheetParser.key(r.className()) + "/" + VietnameseText.fold(r.subject()), ParsedRoster.AssignmentRow::row,
                RosterSheet.ASSIGNMENTS.title(), RosterColumn.Assignments.SUBJECT.header(), errors, "roster.assignment.duplicate");
    }

    private static <R> void unique(List<R> rows, Function<R, String> key, Function<R, Integer> rowNumber, String sheet, String column,
            List<InputError> errors) {
        unique(rows, key, rowNumber, sheet, column, errors, "roster.cell.duplicate");
    }

    private static <R> void unique(List<R> rows, Function<R, String> key, Function<R, Integer> rowNumber, String sheet, String column,
            List<InputError> errors, String code) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (R row : rows) {
            String value = key.apply(row);
            if (value == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(value, rowNumber.apply(row));
            if (first != null) {
                errors.add(InputError.cell(sheet, rowNumber.apply(row), column, code, value, first));
            }
        }
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
