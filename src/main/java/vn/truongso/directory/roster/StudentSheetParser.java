package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.StudentValidation;
import vn.truongso.platform.InputError;

import static vn.truongso.directory.roster.RosterColumn.Students.*;

/** Reads the "Học sinh" sheet: a student with her class and up to three parents or guardians per row. */
final class StudentSheetParser {

    private StudentSheetParser() {
    }

    static List<ParsedRoster.StudentRow> parse(SheetLayout<RosterColumn.Students> layout, List<InputError> errors) {
        List<ParsedRoster.StudentRow> rows = new ArrayList<>();
        if (layout == null) {
            return rows;
        }
        for (var raw : layout.dataRows()) {
            List<InputError> rowErrors = new ArrayList<>();
            var in = new RowReader<>(layout, raw, rowErrors);
            String learnerCode = in.code(LEARNER_CODE, true);
            String name = in.required(NAME);
            var birthDate = in.birthDate(BIRTH_DATE, true);
            var sex = in.sex(SEX, true);
            String citizenId = in.citizenId(CITIZEN_ID);
            String className = ClassSheetParser.className(in, CLASS);
            List<ParsedRoster.GuardianCells> guardians = new ArrayList<>();
            addGuardian(in, Guardian.Relationship.FATHER, FATHER_NAME, FATHER_PHONE, guardians);
            addGuardian(in, Guardian.Relationship.MOTHER, MOTHER_NAME, MOTHER_PHONE, guardians);
            addGuardian(in, Guardian.Relationship.GUARDIAN, GUARDIAN_NAME, GUARDIAN_PHONE, guardians);

            // The shared field rules; a column that already has an error is not reported twice.
            Set<String> reported = new HashSet<>();
            rowErrors.forEach(e -> reported.add(e.column()));
            for (InputError e : StudentValidation.check(learnerCode, name, birthDate, sex, citizenId,
                    (field, code) -> InputError.cell(layout.sheet().title(), raw.number(), column(field).header(), code))) {
                if (reported.add(e.column())) {
                    rowErrors.add(e);
                    switch (column(e.column())) {
                        case LEARNER_CODE -> learnerCode = null;
                        case NAME -> name = null;
                        case BIRTH_DATE -> birthDate = null;
                        case CITIZEN_ID -> citizenId = null;
                        default -> {
                        }
                    }
                }
            }
            errors.addAll(rowErrors);
            rows.add(new ParsedRoster.StudentRow(raw.number(), learnerCode, name, birthDate, sex, citizenId, in.text(ETHNICITY),
                    in.text(BIRTHPLACE), in.text(ADDRESS), className, List.copyOf(guardians)));
        }
        return rows;
    }

    private static void addGuardian(RowReader<RosterColumn.Students> in, Guardian.Relationship relationship, RosterColumn.Students nameColumn,
            RosterColumn.Students phoneColumn, List<ParsedRoster.GuardianCells> guardians) {
        String name = in.text(nameColumn);
        String phone = in.phone(phoneColumn);
        if (name == null && phone == null) {
            return;
        }
        if (name != null && !PersonNames.valid(name)) {
            in.error(nameColumn, "person.fullName.format");
            return;
        }
        if (name == null) {
            in.error(nameColumn, "roster.guardian.nameRequired", phoneColumn.header());
            return;
        }
        guardians.add(new ParsedRoster.GuardianCells(relationship, name, phone, nameColumn.header(), phoneColumn.header()));
    }

    /** The sheet column of a StudentValidation field, or of a column header when one is passed back in. */
    private static RosterColumn.Students column(String fieldOrHeader) {
        return switch (fieldOrHeader) {
            case "learnerCode" -> LEARNER_CODE;
            case "fullName" -> NAME;
            case "birthDate" -> BIRTH_DATE;
            case "sex" -> SEX;
            case "citizenId" -> CITIZEN_ID;
            default -> {
                for (var c : RosterColumn.Students.values()) {
                    if (c.header().equals(fieldOrHeader)) {
                        yield c;
                    }
                }
                throw new IllegalArgumentException(fieldOrHeader);
            }
        };
    }
}
