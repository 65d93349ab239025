package vn.truongso.directory.demo;

import java.util.List;
import java.util.random.RandomGenerator;

import vn.truongso.directory.domain.Sex;

/** Realistic Vietnamese full names for demo and benchmark data, drawn from the most common family names. */
public final class VietnameseNames {

    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
            "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Châu", "Tạ");
    private static final List<String> MIDDLE_MALE = List.of("Văn", "Minh", "Đức", "Quang", "Hoàng", "Gia", "Anh", "Thành", "Hữu", "Nhật",
            "Bảo", "Tuấn", "Thiện", "Trọng");
    private static final List<String> MIDDLE_FEMALE = List.of("Thị", "Ngọc", "Thu", "Minh", "Bảo", "Khánh", "Phương", "Thanh", "Hoài",
            "Mỹ", "Quỳnh", "Thảo", "Như", "Ánh");
    private static final List<String> GIVEN_MALE = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Huy", "Khang", "Khoa",
            "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thịnh", "Trí", "Tuấn", "Việt", "Vinh", "Đức", "Khôi", "Lộc", "Ân");
    private static final List<String> GIVEN_FEMALE = List.of("Anh", "Chi", "Dung", "Giang", "Hà", "Hân", "Hoa", "Hương", "Lan", "Linh",
            "Mai", "My", "Ngân", "Nhi", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Ánh", "Ngọc", "Thư", "Tâm");

    private VietnameseNames() {
    }

    public static String fullName(RandomGenerator random, Sex sex) {
        boolean male = sex == Sex.MALE;
        return pick(random, FAMILY) + " " + pick(random, male ? MIDDLE_MALE : MIDDLE_FEMALE) + " "
                + pick(random, male ? GIVEN_MALE : GIVEN_FEMALE);
    }

    private static String pick(RandomGenerator random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
