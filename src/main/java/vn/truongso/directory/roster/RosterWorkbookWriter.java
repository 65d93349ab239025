package vn.truongso.directory.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the four-sheet roster workbook: empty as the template, or filled with a school's directory as the export
 * (which imports again without a single change). The header row is styled and frozen, code/phone/ID columns are
 * formatted as Text so Excel keeps leading zeros, and the "Hướng dẫn" sheet explains every column. No example or note
 * row is ever put among the data rows.
 */
final class RosterWorkbookWriter {

    /** The rows of each sheet, each row a value per column in the enum's order (LocalDate and Integer kept typed). */
    record Content(List<List<Object>> staff, List<List<Object>> classes, List<List<Object>> students, List<List<Object>> assignments) {

        static Content empty() {
            return new Content(List.of(), List.of(), List.of(), List.of());
        }
    }

    private static final int MAX_VALIDATED_ROW = 20_000;
    private static final Set<RosterColumn> TEXT_COLUMNS = Set.of(RosterColumn.Staff.CODE, RosterColumn.Staff.CITIZEN_ID, RosterColumn.Staff.PHONE,
            RosterColumn.Students.LEARNER_CODE, RosterColumn.Students.CITIZEN_ID, RosterColumn.Students.FATHER_PHONE,
            RosterColumn.Students.MOTHER_PHONE, RosterColumn.Students.GUARDIAN_PHONE, RosterColumn.Classes.NAME, RosterColumn.Students.CLASS,
            RosterColumn.Assignments.CLASS);
    private static final Set<RosterColumn> DATE_COLUMNS = Set.of(RosterColumn.Staff.BIRTH_DATE, RosterColumn.Students.BIRTH_DATE);

    private RosterWorkbookWriter() {
    }

    /** The workbook in the template's layout, with the guidance sheet listing the given subjects (code → name). */
    static byte[] write(Content content, Map<String, String> subjectNames) {
        var workbook = new SXSSFWorkbook(200);
        var styles = new XlsxStyles(workbook);
        sheet(workbook, styles, RosterSheet.STAFF, RosterColumn.Staff.values(), content.staff());
        sheet(workbook, styles, RosterSheet.CLASSES, RosterColumn.Classes.values(), content.classes());
        sheet(workbook, styles, RosterSheet.STUDENTS, RosterColumn.Students.values(), content.students());
        sheet(workbook, styles, RosterSheet.ASSIGNMENTS, RosterColumn.Assignments.values(), content.assignments());
        Guidance.write(workbook, styles, subjectNames);
        return XlsxStyles.bytes(workbook);
    }

    private static void sheet(Workbook workbook, XlsxStyles styles, RosterSheet which, RosterColumn[] columns, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(which.title());
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns[c].header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, width(columns[c]) * 256);
            if (TEXT_COLUMNS.contains(columns[c])) {
                sheet.setDefaultColumnStyle(c, styles.text);
            } else if (DATE_COLUMNS.contains(columns[c])) {
                sheet.setDefaultColumnStyle(c, styles.date);
            }
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.length && c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                switch (value) {
                    case LocalDate date -> {
                        cell.setCellValue(date);
                        cell.setCellStyle(styles.date);
                    }
                    case Integer number -> cell.setCellValue(number);
                    default -> {
                        cell.setCellValue(value.toString());
                        if (TEXT_COLUMNS.contains(columns[c])) {
                            cell.setCellStyle(styles.text);
                        }
                    }
                }
            }
        }
        dropDowns(sheet, columns);
    }

    /** Drop-down lists for the cells with a fixed set of values (typing something else is still possible). */
    private static void dropDowns(Sheet sheet, RosterColumn[] columns) {
        Map<RosterColumn, String[]> lists = Map.of(RosterColumn.Staff.SEX, new String[] {"Nam", "Nữ"}, RosterColumn.Students.SEX,
                new String[] {"Nam", "Nữ"}, RosterColumn.Staff.POSITION,
                new String[] {"Hiệu trưởng", "Phó hiệu trưởng", "Giáo viên", "Cán bộ CNTT", "Nhân viên"}, RosterColumn.Staff.GROUP_HEAD,
                new String[] {"x"});
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.length; c++) {
            String[] values = lists.get(columns[c]);
            if (values != null) {
                var validation = helper.createValidation(helper.createExplicitListConstraint(values),
                        new CellRangeAddressList(1, MAX_VALIDATED_ROW, c, c));
                validation.setShowErrorBox(false);
                sheet.addValidationData(validation);
            }
        }
    }

    private static int width(RosterColumn column) {
        return Math.max(12, Math.min(32, column.header().length() + 6));
    }
}
