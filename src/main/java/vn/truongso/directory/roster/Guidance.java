package vn.truongso.directory.roster;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** The "Hướng dẫn" sheet: how to fill every column, in Vietnamese. The import never reads it. */
final class Guidance {

    static final String SHEET = "Hướng dẫn";

    private static final String[] GENERAL = {
        "Hướng dẫn nhập danh sách trường",
        "• Tệp gồm bốn trang tính: Cán bộ, Lớp, Học sinh, Phân công. Có thể xóa hoặc để trống trang không cần nhập (ví dụ chỉ nhập Học sinh).",
        "• Dòng 1 của mỗi trang là tiêu đề cột; dữ liệu bắt đầu từ dòng 2. Không đổi tên cột bắt buộc; thứ tự cột và cột thêm (STT, Ghi chú) không ảnh hưởng.",
        "• Ô để trống giữ nguyên dữ liệu đã có; nhập lại tệp đã xuất từ hệ thống sẽ không thay đổi gì.",
        "• Ngày ghi dạng ngày/tháng/năm (05/09/2014 hoặc 5/9/2014) hoặc dùng ô kiểu Ngày của Excel. Giới tính ghi Nam hoặc Nữ.",
        "• Số định danh cá nhân (CCCD) gồm 12 chữ số: để cột ở định dạng Văn bản (Text) để Excel không xóa số 0 ở đầu.",
        "• Mã định danh học sinh do ngành cấp và không bao giờ thay đổi; học sinh được nhận diện theo mã này.",
        "• Giáo viên (cột GVCN và Giáo viên) ghi bằng email, Mã cán bộ hoặc họ tên đầy đủ (nếu trong trường chỉ một người có họ tên đó).",
        "• Phụ huynh được nhận diện theo số điện thoại: anh chị em ruột ghi cùng số điện thoại của cha/mẹ sẽ dùng chung một tài khoản phụ huynh.",
        "• Tải tệp lên để xem trước: hệ thống liệt kê dòng mới, dòng thay đổi và mọi lỗi (trang, dòng, cột). Chỉ khi không còn lỗi mới xác nhận được; "
                + "việc nhập diễn ra trọn vẹn hoặc không thay đổi gì.",
        "• Khi xác nhận, hệ thống tạo tài khoản cho cán bộ mới (theo chức vụ), học sinh mới (tên đăng nhập là mã định danh) và phụ huynh mới "
                + "(tên đăng nhập là số điện thoại) với mật khẩu tạm thời, phải đổi ở lần đăng nhập đầu tiên.",
    };

    private static final Map<RosterColumn, String> HOW = new LinkedHashMap<>();

    static {
        HOW.put(RosterColumn.Staff.CODE, "Mã do trường hoặc ngành cấp; dùng để nhận diện cán bộ khi nhập lại.");
        HOW.put(RosterColumn.Staff.NAME, "Họ và tên đầy đủ, có dấu.");
        HOW.put(RosterColumn.Staff.BIRTH_DATE, "dd/MM/yyyy.");
        HOW.put(RosterColumn.Staff.SEX, "Nam hoặc Nữ.");
        HOW.put(RosterColumn.Staff.CITIZEN_ID, "12 chữ số, định dạng Văn bản.");
        HOW.put(RosterColumn.Staff.POSITION, "Hiệu trưởng, Phó hiệu trưởng, Giáo viên, Cán bộ CNTT hoặc Nhân viên.");
        HOW.put(RosterColumn.Staff.GROUP, "Tên tổ chuyên môn; tổ chưa có sẽ được tạo.");
        HOW.put(RosterColumn.Staff.GROUP_HEAD, "Ghi x nếu là tổ trưởng của tổ đó.");
        HOW.put(RosterColumn.Staff.EMAIL, "Phần trước @ được dùng làm tên đăng nhập nếu chưa ai dùng.");
        HOW.put(RosterColumn.Staff.PHONE, "10 chữ số, bắt đầu bằng 0.");
        HOW.put(RosterColumn.Classes.NAME, "Ví dụ 6A1; lớp của năm học hiện hành.");
        HOW.put(RosterColumn.Classes.GRADE, "Số khối, ví dụ 6; phải là khối trường có dạy.");
        HOW.put(RosterColumn.Classes.HOMEROOM, "Giáo viên chủ nhiệm: email, Mã cán bộ hoặc họ tên.");
        HOW.put(RosterColumn.Students.LEARNER_CODE, "Mã định danh học sinh (chữ và số, 4–20 ký tự), định dạng Văn bản.");
        HOW.put(RosterColumn.Students.NAME, "Họ và tên đầy đủ, có dấu.");
        HOW.put(RosterColumn.Students.BIRTH_DATE, "dd/MM/yyyy.");
        HOW.put(RosterColumn.Students.SEX, "Nam hoặc Nữ.");
        HOW.put(RosterColumn.Students.CITIZEN_ID, "12 chữ số, định dạng Văn bản; phải khớp năm sinh và giới tính.");
        HOW.put(RosterColumn.Students.ETHNICITY, "Ví dụ Kinh.");
        HOW.put(RosterColumn.Students.BIRTHPLACE, "Tỉnh/thành phố nơi sinh.");
        HOW.put(RosterColumn.Students.ADDRESS, "Địa chỉ thường trú hoặc nơi ở hiện nay.");
        HOW.put(RosterColumn.Students.CLASS, "Tên lớp có trong trang Lớp hoặc đã có trong năm học hiện hành.");
        HOW.put(RosterColumn.Students.FATHER_NAME, "Ghi kèm số điện thoại để tạo tài khoản phụ huynh.");
        HOW.put(RosterColumn.Students.FATHER_PHONE, "10 chữ số, bắt đầu bằng 0; mỗi phụ huynh một số riêng.");
        HOW.put(RosterColumn.Students.MOTHER_NAME, "Như cột Họ tên cha.");
        HOW.put(RosterColumn.Students.MOTHER_PHONE, "Như cột SĐT cha.");
        HOW.put(RosterColumn.Students.GUARDIAN_NAME, "Khi người giám hộ không phải cha hoặc mẹ.");
        HOW.put(RosterColumn.Students.GUARDIAN_PHONE, "Như cột SĐT cha.");
        HOW.put(RosterColumn.Assignments.TEACHER, "Email, Mã cán bộ hoặc họ tên giáo viên.");
        HOW.put(RosterColumn.Assignments.SUBJECT, "Mã môn (ví dụ TOAN, NGU_VAN) hoặc tên môn (ví dụ Toán); xem danh sách bên dưới.");
        HOW.put(RosterColumn.Assignments.CLASS, "Tên lớp.");
    }

    private Guidance() {
    }

    static void write(Workbook workbook, XlsxStyles styles, Map<String, String> subjectNames) {
        Sheet sheet = workbook.createSheet(SHEET);
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 26 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setColumnWidth(3, 90 * 256);
        int r = 0;
        for (String line : GENERAL) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(line);
            row.getCell(0).setCellStyle(r == 0 ? styles.title : styles.wrap);
            r++;
        }
        r++;
        r = header(sheet, styles, r, "Trang", "Cột", "Bắt buộc", "Cách ghi");
        for (var entry : HOW.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(sheetOf(entry.getKey()).title());
            row.createCell(1).setCellValue(entry.getKey().header());
            row.createCell(2).setCellValue(entry.getKey().required() ? "Có" : "");
            row.createCell(3).setCellValue(entry.getValue());
        }
        r++;
        r = header(sheet, styles, r, "Mã môn", "Tên môn", "", "");
        for (var subject : subjectNames.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(subject.getKey());
            row.createCell(1).setCellValue(subject.getValue());
        }
    }

    private static int header(Sheet sheet, XlsxStyles styles, int r, String... titles) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < titles.length; c++) {
            row.createCell(c).setCellValue(titles[c]);
            row.getCell(c).setCellStyle(styles.header);
        }
        return r + 1;
    }

    private static RosterSheet sheetOf(RosterColumn column) {
        return switch (column) {
            case RosterColumn.Staff s -> RosterSheet.STAFF;
            case RosterColumn.Classes c -> RosterSheet.CLASSES;
            case RosterColumn.Students s -> RosterSheet.STUDENTS;
            case RosterColumn.Assignments a -> RosterSheet.ASSIGNMENTS;
            default -> throw new IllegalArgumentException(column.toString());
        };
    }
}
