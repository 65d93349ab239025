package vn.truongso.directory.roster;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The new accounts of a commit with their temporary passwords, to print and hand out. */
final class CredentialsWriter {

    static final String[] HEADERS = {"STT", "Họ và tên", "Vai trò", "Ghi chú", "Tên đăng nhập", "Mật khẩu tạm thời"};
    static final int HEADER_ROW = 3;

    private CredentialsWriter() {
    }

    static byte[] write(String schoolName, java.time.Instant committedAt, List<RosterCommitResult.Credential> credentials) {
        var workbook = new XSSFWorkbook();
        var styles = new XlsxStyles(workbook);
        Sheet sheet = workbook.createSheet("Tài khoản");
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue("Tài khoản mới – " + schoolName + " – nhập ngày "
                + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(committedAt));
        title.getCell(0).setCellStyle(styles.title);
        sheet.createRow(1).createCell(0).setCellValue("Mật khẩu tạm thời phải đổi ở lần đăng nhập đầu tiên. Đây là dữ liệu cá nhân: "
                + "chỉ trao cho đúng người, không gửi qua nhóm chat, hủy tệp sau khi phát xong.");
        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < HEADERS.length; c++) {
            header.createCell(c).setCellValue(HEADERS[c]);
            header.getCell(c).setCellStyle(styles.header);
        }
        int[] widths = {6, 28, 18, 40, 20, 20};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int r = HEADER_ROW + 1;
        for (var credential : credentials) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(r - HEADER_ROW);
            row.createCell(1).setCellValue(credential.displayName());
            row.createCell(2).setCellValue(credential.roleLabel());
            row.createCell(3).setCellValue(credential.note() == null ? "" : credential.note());
            row.createCell(4).setCellValue(credential.username());
            row.getCell(4).setCellStyle(styles.text);
            row.createCell(5).setCellValue(credential.temporaryPassword());
            row.getCell(5).setCellStyle(styles.text);
            r++;
        }
        return XlsxStyles.bytes(workbook);
    }
}
