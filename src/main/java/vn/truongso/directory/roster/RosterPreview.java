package vn.truongso.directory.roster;

import java.util.List;
import java.util.UUID;

import vn.truongso.platform.InputError;

/**
 * What an uploaded roster would change, computed without changing anything.
 *
 * @param uploadId the stored upload to commit; {@code null} when the file has errors (a file with errors is not kept:
 *                 the user fixes it and uploads again)
 * @param filename the name the user's file had (informational only; the content decides whether it is a workbook)
 * @param sha256 hex SHA-256 of the uploaded bytes; {@code null} when the file could not be read at all
 * @param schoolYear the school year the roster is checked against, e.g. "2026-2027"
 * @param sheets counts per data sheet present in the file, in template order
 * @param rows every data row of the file with its status and, for a changed row, the fields that change
 * @param errors every problem found, each naming its sheet, row (as Excel numbers it) and column where it has one;
 *               when not empty, the upload cannot be committed
 */
public record RosterPreview(UUID uploadId, String filename, String sha256, String schoolYear, List<SheetCounts> sheets, List<Row> rows,
        List<InputError> errors) {

    public RosterPreview {
        sheets = List.copyOf(sheets);
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when the upload was stored and has no errors: the commit may be offered. */
    public boolean canCommit() {
        return uploadId != null && errors.isEmpty();
    }

    /** The counts of one sheet; zeros when the file has no such sheet. */
    public SheetCounts counts(RosterSheet sheet) {
        return sheets.stream().filter(s -> s.sheet() == sheet).findFirst().orElse(new SheetCounts(sheet, 0, 0, 0));
    }

    /** The rows of one sheet that would create or change something. */
    public List<Row> changes(RosterSheet sheet) {
        return rows.stream().filter(r -> r.sheet() == sheet && r.status() != RowStatus.UNCHANGED).toList();
    }

    /** How many rows of a sheet are new, changed or unchanged. */
    public record SheetCounts(RosterSheet sheet, int newRows, int changedRows, int unchangedRows) {

        public String sheetName() {
            return sheet.title();
        }

        public int total() {
            return newRows + changedRows + unchangedRows;
        }
    }

    /**
     * One data row.
     *
     * @param row the row number as Excel shows it (1-based; the header is row 1 in the template)
     * @param key what identifies the record: a learner code, a staff code or e-mail, a class name, "6A1 / TOAN"
     * @param label a human description, e.g. the person's full name
     * @param changes for a changed row, each field that changes with its old and new value; empty otherwise
     */
    public record Row(RosterSheet sheet, int row, String key, String label, RowStatus status, List<FieldChange> changes) {

        public Row {
            changes = List.copyOf(changes);
        }
    }

    /** A field that changes: its column as the sheet names it, the value now and the value after the commit. */
    public record FieldChange(String column, String oldValue, String newValue) {
    }
}
