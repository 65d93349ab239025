package vn.truongso.directory.roster;

import java.util.List;
import java.util.Map;

/** The cells of an uploaded workbook as read, before any meaning is given to them. */
record RawWorkbook(List<RawSheet> sheets) {

    RawSheet sheet(RosterSheet which) {
        return sheets.stream().filter(s -> s.sheet() == which).findFirst().orElse(null);
    }

    /** One recognised tab; {@code rows} holds only rows with at least one non-blank cell. */
    record RawSheet(RosterSheet sheet, String tabName, List<RawRow> rows) {
    }

    /** A row with its Excel row number (1-based) and its non-blank cells by 0-based column index. */
    record RawRow(int number, Map<Integer, RawCell> cells) {

        RawCell cell(int column) {
            return cells.get(column);
        }
    }

    /**
     * A cell's value: text for text cells (and formula results that are text), the number for numeric cells, and
     * {@code DATE} for numeric cells whose number format is a date format.
     */
    record RawCell(Kind kind, String text, double number) {

        enum Kind { TEXT, NUMBER, DATE, BOOLEAN, ERROR }

        static RawCell text(String text) {
            return new RawCell(Kind.TEXT, text, 0);
        }
    }
}
