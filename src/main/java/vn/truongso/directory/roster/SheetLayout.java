package vn.truongso.directory.roster;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.truongso.platform.InputError;

/**
 * Where each known column of a sheet is, found from the header row (the sheet's first non-blank row) by header text,
 * in any order. Unknown columns (an "STT" or a "Ghi chú") are ignored.
 */
final class SheetLayout<C extends Enum<C> & RosterColumn> {

    private final RawWorkbook.RawSheet sheet;
    private final Map<C, Integer> positions;

    private SheetLayout(RawWorkbook.RawSheet sheet, Map<C, Integer> positions) {
        this.sheet = sheet;
        this.positions = positions;
    }

    /**
     * The layout of a sheet, or null (with errors added) when a required column is missing or a column appears twice.
     * A sheet without any row is treated as absent and gives null without error.
     */
    static <C extends Enum<C> & RosterColumn> SheetLayout<C> locate(RawWorkbook.RawSheet sheet, Class<C> columns, List<InputError> errors) {
        if (sheet == null || sheet.rows().isEmpty()) {
            return null;
        }
        RawWorkbook.RawRow header = sheet.rows().getFirst();
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
        return ok ? new SheetLayout<>(sheet, positions) : null;
    }

    RosterSheet sheet() {
        return sheet.sheet();
    }

    /** The data rows: every non-blank row after the header. */
    List<RawWorkbook.RawRow> dataRows() {
        return sheet.rows().subList(1, sheet.rows().size());
    }

    RawWorkbook.RawCell cell(RawWorkbook.RawRow row, C column) {
        Integer position = positions.get(column);
        return position == null ? null : row.cell(position);
    }

    boolean has(C column) {
        return positions.containsKey(column);
    }
}
