package vn.truongso.directory.roster;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.Students;

/**
 * A printable class list: the class, year, school and homeroom teacher on top, then one row per student in
 * Vietnamese name order (by given name, then the full name) with the parents' names and phones.
 */
final class ClassListWriter {

    static final String[] HEADERS = {"STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Họ tên cha", "SĐT cha", "Họ tên mẹ",
        "SĐT mẹ", "Họ tên người giám hộ", "SĐT người giám hộ"};
    /** The header is on this row (0-based); the title lines are above it. */
    static final int HEADER_ROW = 4;

    record Entry(Students.StudentListItem student, List<Guardians.LinkedGuardian> guardians) {
    }

    private ClassListWriter() {
    }

    static byte[] write(String schoolName, String yearName, String className, String homeroomTeacher, List<Entry> entries) {
        var workbook = new XSSFWorkbook();
        var styles = new XlsxStyles(workbook);
        Sheet sheet = workbook.createSheet("Lớp " + className);
        title(sheet, 0, schoolName, styles);
        title(sheet, 1, "DANH SÁCH HỌC SINH LỚP " + className + " – NĂM HỌC " + yearName, styles);
        sheet.createRow(2).createCell(0).setCellValue("Giáo viên chủ nhiệm: " + (homeroomTeacher == null ? "" : homeroomTeacher)
                + "    Sĩ số: " + entries.size());
        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < HEADERS.length; c++) {
            header.createCell(c).setCellValue(HEADERS[c]);
            header.getCell(c).setCellStyle(styles.header);
        }
        int[] widths = {6, 14, 28, 12, 9, 24, 13, 24, 13, 24, 13};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int r = HEADER_ROW + 1;
        int number = 1;
        for (Entry entry : entries) {
            var s = entry.student();
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(number++);
            text(row, 1, s.learnerCode(), styles);
            row.createCell(2).setCellValue(s.fullName());
            if (s.birthDate() != null) {
                row.createCell(3).setCellValue(s.birthDate());
                row.getCell(3).setCellStyle(styles.date);
            }
            row.createCell(4).setCellValue(Labels.sex(s.sex()));
            int c = 5;
            for (var relationship : vn.truongso.directory.domain.Guardian.Relationship.values()) {
                var guardian = entry.guardians().stream().filter(g -> g.relationship() == relationship).findFirst().orElse(null);
                if (guardian != null) {
                    row.createCell(c).setCellValue(guardian.fullName());
                    text(row, c + 1, guardian.phone(), styles);
                }
                c += 2;
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        return XlsxStyles.bytes(workbook);
    }

    private static void title(Sheet sheet, int r, String text, XlsxStyles styles) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(styles.title);
    }

    private static void text(Row row, int c, String value, XlsxStyles styles) {
        if (value != null) {
            row.createCell(c).setCellValue(value);
            row.getCell(c).setCellStyle(styles.text);
        }
    }
}
