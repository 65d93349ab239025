package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.platform.InputError;

/** What the sheet planners share while they work: the directory, the plan, the rows and errors found so far. */
final class PlanContext {

    final DirectorySnapshot snapshot;
    final RosterPlan plan = new RosterPlan();
    final List<RosterPreview.Row> rows = new ArrayList<>();
    final List<InputError> errors;
    /** Staff after the import; set by the staff planner for the sheets that name teachers. */
    TeacherDirectory teachers;
    /** Every class of the current year after the import, by {@link ClassSheetParser#key}. */
    final Map<String, SchoolClass> classes = new HashMap<>();

    PlanContext(DirectorySnapshot snapshot, List<InputError> errors) {
        this.snapshot = snapshot;
        this.errors = errors;
    }

    UUID schoolId() {
        return snapshot.school().schoolId();
    }

    void error(RosterSheet sheet, int row, RosterColumn column, String code, Object... args) {
        errors.add(InputError.cell(sheet.title(), row, column.header(), code, args));
    }

    void row(RosterSheet sheet, int row, String key, String label, boolean isNew, FieldDiff diff) {
        RowStatus status = isNew ? RowStatus.NEW : diff.isEmpty() ? RowStatus.UNCHANGED : RowStatus.CHANGED;
        rows.add(new RosterPreview.Row(sheet, row, key == null ? "" : key, label == null ? "" : label, status,
                status == RowStatus.CHANGED ? diff.changes() : List.of()));
    }

    /** Resolves a cell naming a teacher, reporting an unknown or ambiguous one at that cell. */
    UUID teacher(RosterSheet sheet, int row, RosterColumn column, String reference) {
        var resolution = teachers.resolve(reference);
        if (resolution.problem() != null) {
            error(sheet, row, column, resolution.problem(), reference, resolution.candidates());
        }
        return resolution.staffId();
    }

    /** The class a cell names, from the "Lớp" sheet or the current year; reports an unknown one at that cell. */
    SchoolClass schoolClass(RosterSheet sheet, int row, RosterColumn column, String name) {
        SchoolClass found = classes.get(ClassSheetParser.key(name));
        if (found == null) {
            error(sheet, row, column, "roster.class.unknown", name, snapshot.year().name());
        }
        return found;
    }
}
