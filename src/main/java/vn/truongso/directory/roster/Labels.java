package vn.truongso.directory.roster;

import java.util.Map;

import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StaffPosition;
import vn.truongso.platform.Role;
import vn.truongso.platform.VietnameseText;

/** The Vietnamese words the roster sheets use for positions, sexes, roles and relationships, both ways. */
final class Labels {

    private static final Map<StaffPosition, String> POSITIONS = Map.of(StaffPosition.PRINCIPAL, "Hiệu trưởng",
            StaffPosition.VICE_PRINCIPAL, "Phó hiệu trưởng", StaffPosition.TEACHER, "Giáo viên", StaffPosition.IT_STAFF, "Cán bộ CNTT",
            StaffPosition.STAFF, "Nhân viên");

    /** Folded spellings schools use, including the common abbreviations. */
    private static final Map<String, StaffPosition> POSITION_WORDS = Map.ofEntries(
            Map.entry("hieu truong", StaffPosition.PRINCIPAL), Map.entry("ht", StaffPosition.PRINCIPAL),
            Map.entry("pho hieu truong", StaffPosition.VICE_PRINCIPAL), Map.entry("pht", StaffPosition.VICE_PRINCIPAL),
            Map.entry("giao vien", StaffPosition.TEACHER), Map.entry("gv", StaffPosition.TEACHER),
            Map.entry("can bo cntt", StaffPosition.IT_STAFF), Map.entry("cntt", StaffPosition.IT_STAFF),
            Map.entry("can bo cong nghe thong tin", StaffPosition.IT_STAFF), Map.entry("can bo phu trach cntt", StaffPosition.IT_STAFF),
            Map.entry("nhan vien", StaffPosition.STAFF), Map.entry("nv", StaffPosition.STAFF));

    private Labels() {
    }

    static String position(StaffPosition position) {
        return position == null ? null : POSITIONS.get(position);
    }

    static StaffPosition positionOf(String text) {
        return POSITION_WORDS.get(VietnameseText.fold(text));
    }

    static String sex(Sex sex) {
        return sex == null ? null : sex == Sex.MALE ? "Nam" : "Nữ";
    }

    static String role(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "Quản trị hệ thống";
            case SO_OFFICER -> "Cán bộ Sở";
            case PHONG_OFFICER -> "Cán bộ Phòng";
            case PRINCIPAL -> "Hiệu trưởng";
            case VICE_PRINCIPAL -> "Phó hiệu trưởng";
            case GROUP_HEAD -> "Tổ trưởng chuyên môn";
            case TEACHER -> "Giáo viên";
            case IT_STAFF -> "Cán bộ CNTT";
            case STUDENT -> "Học sinh";
            case PARENT -> "Phụ huynh";
        };
    }

    static String relationship(Guardian.Relationship relationship) {
        return switch (relationship) {
            case FATHER -> "Cha";
            case MOTHER -> "Mẹ";
            case GUARDIAN -> "Người giám hộ";
        };
    }
}
