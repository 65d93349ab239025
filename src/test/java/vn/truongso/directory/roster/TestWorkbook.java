package vn.truongso.directory.roster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds .xlsx files for tests with POI, and reads workbooks back as plain values. */
final class TestWorkbook {

    private final List<SheetSpec> sheets = new ArrayList<>();

    record SheetSpec(String name, List<String> headers, List<List<Object>> rows) {
    }

    static TestWorkbook create() {
        return new TestWorkbook();
    }

    TestWorkbook sheet(String name, List<String> headers, List<List<Object>> rows) {
        sheets.add(new SheetSpec(name, headers, rows));
        return this;
    }

    /** One row from values: String is a text cell, LocalDate a date cell, Number a numeric cell, null no cell. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static final List<String> STAFF = List.of("Mã cán bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Chức vụ",
            "Tổ chuyên môn", "Tổ trưởng", "Email", "Số điện thoại");
    static final List<String> CLASSES = List.of("Tên lớp", "Khối", "GVCN");
    static final List<String> STUDENTS = List.of("Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Dân tộc",
            "Nơi sinh", "Địa chỉ", "Lớp", "Họ tên cha", "SĐT cha", "Họ tên mẹ", "SĐT mẹ", "Họ tên người giám hộ", "SĐT người giám hộ");
    static final List<String> ASSIGNMENTS = List.of("Giáo viên", "Môn", "Lớp");

    byte[] bytes() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            fill(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(Workbook workbook) {
        var dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        for (SheetSpec spec : sheets) {
            Sheet sheet = workbook.createSheet(spec.name());
            Row header = sheet.createRow(0);
            for (int c = 0; c < spec.headers().size(); c++) {
                header.createCell(c).setCellValue(spec.headers().get(c));
            }
            int r = 1;
            for (List<Object> values : spec.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (value) {
                        case LocalDate date -> {
                            cell.setCellValue(date);
                            cell.setCellStyle(dateStyle);
                        }
                        case Number number -> cell.setCellValue(number.doubleValue());
                        default -> cell.setCellValue(value.toString());
                    }
                }
            }
        }
    }

    /** The rows of a sheet as values: text as String, date cells as LocalDate, numbers as Double, blanks as null. */
    static List<List<Object>> read(byte[] xlsx, String sheetName) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                return null;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? null : value(cell));
                    }
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate() : (Object) cell.getNumericCellValue();
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return cell.getCellType() == CellType.BLANK ? null : cell.toString();
    }
}
