package vn.truongso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A lower-secondary school's roster as a school would upload it, in the import template's layout: a "Lớp" sheet with
 * the classes (about 40 students each, grades 6–9) and a "Học sinh" sheet with the students, their class and both
 * parents. Names are realistic Vietnamese names, citizen IDs agree with the birth date and sex, learner codes are
 * unique; the same seed gives the same workbook.
 */
final class RosterWorkbook {

    static final int CLASS_SIZE = 40;
    static final int START_YEAR = 2026;

    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
            "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE_MALE = {"Văn", "Minh", "Đức", "Quang", "Hoàng", "Gia", "Anh", "Thành", "Hữu", "Nhật", "Bảo"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Minh", "Bảo", "Khánh", "Phương", "Thanh", "Mỹ", "Quỳnh"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Huy", "Khang", "Khoa", "Long",
            "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thịnh", "Trí", "Tuấn", "Việt", "Khôi", "Lộc"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Giang", "Hà", "Hân", "Hoa", "Hương", "Lan", "Linh", "Mai", "My",
            "Ngân", "Nhi", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Thư"};
    private static final String[] STREETS = {"Lê Văn Sỹ", "Cách Mạng Tháng Tám", "Nguyễn Đình Chiểu", "Võ Văn Tần", "Trần Quốc Thảo",
            "Nam Kỳ Khởi Nghĩa", "Lý Chính Thắng", "Bà Huyện Thanh Quan"};

    record Built(byte[] content, int students, int classes) {
    }

    private RosterWorkbook() {
    }

    static Built build(int students, long seed) throws IOException {
        var random = new SplittableRandom(seed);
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet classes = workbook.createSheet("Lớp");
            header(classes, "Tên lớp", "Khối");
            Sheet sheet = workbook.createSheet("Học sinh");
            header(sheet, "STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Dân tộc", "Nơi sinh",
                    "Địa chỉ", "Lớp", "Họ tên cha", "SĐT cha", "Họ tên mẹ", "SĐT mẹ");
            Set<String> citizenIds = new HashSet<>();
            Set<String> phones = new HashSet<>();
            int classCount = 0;
            int serial = 0;
            for (int grade = 6; grade <= 9; grade++) {
                int gradeStudents = students / 4 + (grade - 6 < students % 4 ? 1 : 0);
                if (gradeStudents == 0) {
                    continue;
                }
                int gradeClasses = Math.max(1, Math.round(gradeStudents / (float) CLASS_SIZE));
                List<String> names = new ArrayList<>();
                for (int c = 1; c <= gradeClasses; c++) {
                    String name = grade + "A" + c;
                    names.add(name);
                    row(classes, classes.getLastRowNum() + 1, name, String.valueOf(grade));
                    classCount++;
                }
                for (int k = 0; k < gradeStudents; k++) {
                    serial++;
                    boolean male = random.nextBoolean();
                    String family = pick(random, FAMILY);
                    String name = family + " " + pick(random, male ? MIDDLE_MALE : MIDDLE_FEMALE) + " " + pick(random, male ? GIVEN_MALE : GIVEN_FEMALE);
                    LocalDate birth = LocalDate.of(START_YEAR - 6 - grade, 1, 1).plusDays(random.nextInt(365));
                    String father = family + " " + pick(random, MIDDLE_MALE) + " " + pick(random, GIVEN_MALE);
                    String mother = pick(random, FAMILY) + " " + pick(random, MIDDLE_FEMALE) + " " + pick(random, GIVEN_FEMALE);
                    row(sheet, serial, String.valueOf(serial), String.format("%010d", 8_800_000_000L + seed % 100 * 100_000 + serial), name,
                            String.format("%02d/%02d/%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()), male ? "Nam" : "Nữ",
                            citizenId(random, birth, male, citizenIds), "Kinh", "TP. Hồ Chí Minh",
                            (1 + random.nextInt(300)) + " " + pick(random, STREETS) + ", Quận 3, TP. Hồ Chí Minh",
                            names.get((int) ((long) k * gradeClasses / gradeStudents)), father, phone(random, phones), mother, phone(random, phones));
                }
            }
            workbook.write(out);
            return new Built(out.toByteArray(), serial, classCount);
        }
    }

    /** Registered in Hồ Chí Minh City (079); century/sex digit 2 (male) or 3 (female) for the 2000s; unique in the file. */
    private static String citizenId(SplittableRandom random, LocalDate birth, boolean male, Set<String> taken) {
        int centurySex = (birth.getYear() / 100 - 19) * 2 + (male ? 0 : 1);
        while (true) {
            String id = "079" + centurySex + String.format("%02d", birth.getYear() % 100) + String.format("%06d", random.nextInt(1_000_000));
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** Parents are recognised by phone number, so two parents in one file never share one. */
    private static String phone(SplittableRandom random, Set<String> taken) {
        while (true) {
            String phone = "09" + (10_000_000 + random.nextInt(89_999_999));
            if (taken.add(phone)) {
                return phone;
            }
        }
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void header(Sheet sheet, String... titles) {
        row(sheet, 0, titles);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            // Every value as text, as schools type them: codes and phone numbers keep their leading zeros.
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
