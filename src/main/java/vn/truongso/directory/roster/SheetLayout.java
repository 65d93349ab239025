package vn.truongso.directory.roster;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.truongso.platform.InputError;

/**
 * Where each known column of a sheet is, found from the header row by header text, in any order. The header row is
 * the first row that names a known column (a title line above it is allowed); unknown columns (an "STT" or a
 * "Ghi chú") are ignored, and so are rows with nothing in the known columns (a row holding only a pre-filled STT).
 */
final class SheetLayout<C extends Enum<C> & RosterColumn> {

    /** How far down a title block may push the header row. */
    private static final int HEADER_SEARCH_ROWS = 10;

    private final RawWorkbook.RawSheet sheet;
    private final Map<C, Integer> positions;
    private final int headerIndex;

    private SheetLayout(RawWorkbook.RawSheet sheet, Map<C, Integer> positions, int headerIndex) {
        this.sheet = sheet;
        this.positions = positions;
        this.headerIndex = headerIndex;
    }

    /**
     * The layout of a sheet, or null (with errors added) when a required column is missing or a column appears twice.
     * A sheet without any row is treated as absent and gives null without error.
     */
    static <C extends Enum<C> & RosterColumn> SheetLayout<C> locate(RawWorkbook.RawSheet sheet, Class<C> columns, List<InputError> errors) {
        if (sheet == null || sheet.rows().isEmpty()) {
            return null;
        }
        int headerIndex = headerIndex(sheet, columns);
        RawWorkbook.RawRow header = sheet.rows().get(headerIndex);
        Map<C, Integer> positions = new EnumMap<>(columns);
        boolean ok = true;
        for (var entry : new java.util.TreeMap<>(header.cells()).entrySet()) {
            String text = entry.getValue().text() == null ? "" : entry.getValue().text();
            for (C column : columns.getEnumConstants()) {
                if (column.matches(text)) {
                    if (positions.containsKey(column)) {
                        errors.add(InputError.cell(sheet.sheet().title(), header.number(), column.header(), "roster.column.duplicate",
                                column.header()));
                        ok = false;
                    } else {
                        positions.put(column, entry.getKey());
                    }
                    break;
                }
            }
        }
        for (C column : columns.getEnumConstants()) {
            if (column.required() && !positions.containsKey(column)) {
                errors.add(InputError.cell(sheet.sheet().title(), header.number(), column.header(), "roster.column.missing",
                        column.header(), sheet.sheet().title()));
                ok = false;
            }
        }
        return ok ? new SheetLayout<>(sheet, positions, headerIndex) : null;
    }

    /** The first of the top rows that holds a known header; the first row when none does (its errors say what is missing). */
    private static <C extends Enum<C> & RosterColumn> int headerIndex(RawWorkbook.RawSheet sheet, Class<C> columns) {
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.rows().size()); i++) {
            for (RawWorkbook.RawCell cell : sheet.rows().get(i).cells().values()) {
                for (C column : columns.getEnumConstants()) {
                    if (cell.text() != null && column.matches(cell.text())) {
                        return i;
                    }
                }
            }
        }
        return 0;
    }

    RosterSheet sheet() {
        return sheet.sheet();
    }

    /** The data rows: every row after the header with something in a known column. */
    List<RawWorkbook.RawRow> dataRows() {
        return sheet.rows().subList(headerIndex + 1, sheet.rows().size()).stream()
                .filter(row -> positions.values().stream().anyMatch(position -> row.cell(position) != null)).toList();
    }

    RawWorkbook.RawCell cell(RawWorkbook.RawRow row, C column) {
        Integer position = positions.get(column);
        return position == null ? null : row.cell(position);
    }

    boolean has(C column) {
        return positions.containsKey(column);
    }
}
