package vn.truongso.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds a roster workbook the way a school fills in the template: one sheet per tab, a header row, then data rows. */
public final class RosterWorkbook {

    private final Map<String, List<String[]>> sheets = new LinkedHashMap<>();

    /** Adds a sheet ("Cán bộ", "Lớp", "Học sinh", "Phân công") with its header row and data rows. */
    public RosterWorkbook sheet(String name, String[] header, String[]... rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(List.of(rows));
        sheets.put(name, all);
        return this;
    }

    /** A new teacher (known by e-mail) with the class she is homeroom teacher of, teaching Toán there, and its students. */
    public static RosterWorkbook teacherWithClass(String teacherName, String email, String className, List<String[]> students) {
        String[][] studentRows = new String[students.size()][];
        for (int i = 0; i < students.size(); i++) {
            String[] s = students.get(i);
            studentRows[i] = new String[] {String.valueOf(i + 1), s[0], s[1], s[2], s[3], className};
        }
        return new RosterWorkbook()
                .sheet("Cán bộ", new String[] {"Họ và tên", "Chức vụ", "Tổ chuyên môn", "Giới tính", "Ngày sinh", "Email"},
                        new String[] {teacherName, "Giáo viên", "Tổ Toán - Tin", "Nữ", "12/08/1990", email})
                .sheet("Lớp", new String[] {"Tên lớp", "Khối", "GVCN"}, new String[] {className, className.substring(0, 1), email})
                .sheet("Học sinh", new String[] {"STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp"}, studentRows)
                .sheet("Phân công", new String[] {"Giáo viên", "Môn", "Lớp"}, new String[] {email, "Toán", className});
    }

    public byte[] bytes() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            sheets.forEach((name, rows) -> {
                var sheet = workbook.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).length; c++) {
                        row.createCell(c).setCellValue(rows.get(r)[c]);
                    }
                }
            });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
