package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.List;

import vn.truongso.directory.domain.CitizenId;
import vn.truongso.directory.domain.StaffPosition;
import vn.truongso.platform.InputError;

import static vn.truongso.directory.roster.RosterColumn.Staff.*;

/** Reads the "Cán bộ" sheet. */
final class StaffSheetParser {

    private StaffSheetParser() {
    }

    static List<ParsedRoster.StaffRow> parse(SheetLayout<RosterColumn.Staff> layout, List<InputError> errors) {
        List<ParsedRoster.StaffRow> rows = new ArrayList<>();
        if (layout == null) {
            return rows;
        }
        for (var raw : layout.dataRows()) {
            var in = new RowReader<>(layout, raw, errors);
            String code = in.code(CODE, false);
            String name = in.required(NAME);
            if (name != null && !PersonNames.valid(name)) {
                in.error(NAME, "person.fullName.format");
                name = null;
            }
            var birthDate = in.birthDate(BIRTH_DATE, false);
            var sex = in.sex(SEX, false);
            String citizenId = in.citizenId(CITIZEN_ID);
            if (citizenId != null) {
                var problem = CitizenId.problem(citizenId, birthDate, sex);
                if (problem.isPresent()) {
                    in.error(CITIZEN_ID, problem.get());
                    citizenId = null;
                }
            }
            String positionText = in.required(POSITION);
            StaffPosition position = positionText == null ? null : Labels.positionOf(positionText);
            if (positionText != null && position == null) {
                in.error(POSITION, "roster.position.invalid", positionText);
            }
            String group = in.text(GROUP);
            boolean head = in.mark(GROUP_HEAD);
            if (head && group == null) {
                in.error(GROUP_HEAD, "roster.staff.headWithoutGroup");
            }
            rows.add(new ParsedRoster.StaffRow(in.rowNumber(), code, name, birthDate, sex, citizenId, position, group, head,
                    in.email(EMAIL), in.phone(PHONE)));
        }
        return rows;
    }
}
