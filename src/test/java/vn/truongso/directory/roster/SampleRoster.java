package vn.truongso.directory.roster;

import static vn.truongso.directory.roster.TestWorkbook.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small valid roster for a test school (a THCS with class 6A1 whose homeroom teacher is "Phạm Thị Giáo"). E-mails,
 * phone numbers and learner codes are unique to the instance, because usernames are global across the test schools.
 */
final class SampleRoster {

    final String tag;
    final String codePrefix;
    final String fatherPhone;
    final String motherPhone;
    final String guardianPhone;

    List<List<Object>> staff = new ArrayList<>();
    List<List<Object>> classes = new ArrayList<>();
    List<List<Object>> students = new ArrayList<>();
    List<List<Object>> assignments = new ArrayList<>();

    SampleRoster() {
        var random = ThreadLocalRandom.current();
        tag = Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        codePrefix = String.valueOf(random.nextInt(100_000, 999_999));
        fatherPhone = phone();
        motherPhone = phone();
        guardianPhone = phone();
        staff.add(row("GV" + tag, "Nguyễn Thị Lan", LocalDate.of(1985, 3, 12), "Nữ", "079185000001", "Giáo viên", "Tổ Toán - Tin", "x",
                email("lan"), "0912345678"));
        staff.add(row("GV2" + tag, "Trần Văn Minh", "20/05/1980", "Nam", null, "Giáo viên", "Tổ Ngữ văn", null, email("minh"), null));
        staff.add(row(null, "Lê Thị Hoa", null, "Nữ", null, "Phó hiệu trưởng", null, null, email("hoa"), null));
        staff.add(row(null, "Đỗ Văn Tâm", null, "Nam", null, "Cán bộ CNTT", null, null, null, null));
        staff.add(row(null, "Vũ Thị Mai", null, "Nữ", null, "Nhân viên", null, null, null, null));

        classes.add(row("6A1", 6, email("lan")));
        classes.add(row("6A2", 6, "GV2" + tag));
        classes.add(row("7A1", 7.0, "Phạm Thị Giáo"));

        students.add(row(code(1), "Nguyễn Văn An", LocalDate.of(2014, 9, 5), "Nam", "079214000001", "Kinh", "TP. Hồ Chí Minh", "Quận 3", "6A1",
                "Nguyễn Văn Bình", fatherPhone, "Trần Thị Cúc", motherPhone, null, null));
        students.add(row(code(2), "Nguyễn Thị Bé", "3/2/2014", "Nữ", null, "Kinh", null, null, "6A2", "Nguyễn Văn Bình", fatherPhone,
                "Trần Thị Cúc", motherPhone, null, null));
        students.add(row(code(3), "Lê Minh Châu", "07/01/2013", "Nữ", "079313000002", null, null, null, "7A1", null, null, null, null,
                "Lê Văn Dũng", guardianPhone));
        students.add(row(code(4), "Phạm Gia Huy", LocalDate.of(2014, 12, 1), "Nam", null, null, null, null, "6A1", null, null, null, null,
                null, null));

        assignments.add(row(email("lan"), "TOAN", "6A1"));
        assignments.add(row("GV2" + tag, "Ngữ văn", "6A1"));
        assignments.add(row("Nguyễn Thị Lan", "toan", "6A2"));
        assignments.add(row("Trần Văn Minh", "NGU_VAN", "7A1"));
    }

    private SampleRoster(SampleRoster original) {
        tag = original.tag;
        codePrefix = original.codePrefix;
        fatherPhone = original.fatherPhone;
        motherPhone = original.motherPhone;
        guardianPhone = original.guardianPhone;
        staff = deepCopy(original.staff);
        classes = deepCopy(original.classes);
        students = deepCopy(original.students);
        assignments = deepCopy(original.assignments);
    }

    /** The same people and numbers, with rows that may be changed without touching this one. */
    SampleRoster copy() {
        return new SampleRoster(this);
    }

    private static List<List<Object>> deepCopy(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>();
        rows.forEach(r -> copy.add(new ArrayList<>(r)));
        return copy;
    }

    /** Sets one cell (0-based column) of a row (0-based data row). */
    static void set(List<List<Object>> rows, int row, int column, Object value) {
        rows.get(row).set(column, value);
    }

    String email(String who) {
        return who + "." + tag + "@truong.edu.vn";
    }

    String code(int n) {
        return codePrefix + String.format("%04d", n);
    }

    TestWorkbook workbook() {
        return TestWorkbook.create().sheet("Cán bộ", TestWorkbook.STAFF, staff).sheet("Lớp", TestWorkbook.CLASSES, classes)
                .sheet("Học sinh", TestWorkbook.STUDENTS, students).sheet("Phân công", TestWorkbook.ASSIGNMENTS, assignments);
    }

    byte[] bytes() {
        return workbook().bytes();
    }

    static String phone() {
        return "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }
}
