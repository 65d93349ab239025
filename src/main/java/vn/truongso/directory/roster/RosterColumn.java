package vn.truongso.directory.roster;

import java.util.List;

import vn.truongso.platform.VietnameseText;

/**
 * A column of a roster sheet: the header the template writes, whether a sheet must have it, and other headers schools
 * commonly use for it. Headers are compared folded (no diacritics, any case), ignoring notes in parentheses and "*".
 */
interface RosterColumn {

    /** What each sheet's enum constant says about its column. */
    record Spec(String header, boolean required, List<String> aliases) {

        static Spec of(String header, boolean required, String... aliases) {
            return new Spec(header, required, List.of(aliases));
        }
    }

    Spec spec();

    default String header() {
        return spec().header();
    }

    default boolean required() {
        return spec().required();
    }

    /** Folded alternative headers. */
    default List<String> aliases() {
        return spec().aliases();
    }

    default boolean matches(String headerText) {
        String key = key(headerText);
        return key.equals(key(header())) || aliases().contains(key);
    }

    /** "Ngày sinh (dd/MM/yyyy) *" gives "ngay sinh". */
    static String key(String headerText) {
        String withoutNotes = headerText == null ? "" : headerText.replaceAll("\\([^)]*\\)", " ").replace('*', ' ').replace(':', ' ');
        return VietnameseText.fold(withoutNotes);
    }

    enum Staff implements RosterColumn {
        CODE("Mã cán bộ", false, "ma cb", "ma giao vien", "ma nhan vien", "ma can bo giao vien"),
        NAME("Họ và tên", true, "ho ten", "ho va ten can bo"),
        BIRTH_DATE("Ngày sinh", false),
        SEX("Giới tính", false),
        CITIZEN_ID("Số định danh cá nhân", false, "so cccd", "cccd", "so dinh danh", "so can cuoc cong dan", "can cuoc cong dan"),
        POSITION("Chức vụ", true, "chuc danh"),
        GROUP("Tổ chuyên môn", false, "to"),
        GROUP_HEAD("Tổ trưởng", false, "la to truong"),
        EMAIL("Email", false, "e-mail", "thu dien tu", "dia chi email"),
        PHONE("Số điện thoại", false, "sdt", "dien thoai", "so dt");

        private final Spec spec;

        Staff(String header, boolean required, String... aliases) {
            this.spec = Spec.of(header, required, aliases);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    enum Classes implements RosterColumn {
        NAME("Tên lớp", true, "lop"),
        GRADE("Khối", true, "khoi lop"),
        HOMEROOM("GVCN", false, "giao vien chu nhiem");

        private final Spec spec;

        Classes(String header, boolean required, String... aliases) {
            this.spec = Spec.of(header, required, aliases);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    enum Students implements RosterColumn {
        LEARNER_CODE("Mã định danh", true, "ma hoc sinh", "ma dinh danh hoc sinh", "ma hs"),
        NAME("Họ và tên", true, "ho ten", "ho va ten hoc sinh"),
        BIRTH_DATE("Ngày sinh", true),
        SEX("Giới tính", true),
        CITIZEN_ID("Số định danh cá nhân", false, "so cccd", "cccd", "so dinh danh", "so can cuoc cong dan"),
        ETHNICITY("Dân tộc", false),
        BIRTHPLACE("Nơi sinh", false),
        ADDRESS("Địa chỉ", false, "dia chi thuong tru", "noi o hien nay"),
        CLASS("Lớp", true, "ten lop"),
        FATHER_NAME("Họ tên cha", false, "ho va ten cha", "ten cha"),
        FATHER_PHONE("SĐT cha", false, "so dien thoai cha", "dien thoai cha"),
        MOTHER_NAME("Họ tên mẹ", false, "ho va ten me", "ten me"),
        MOTHER_PHONE("SĐT mẹ", false, "so dien thoai me", "dien thoai me"),
        GUARDIAN_NAME("Họ tên người giám hộ", false, "ho va ten nguoi giam ho", "nguoi giam ho"),
        GUARDIAN_PHONE("SĐT người giám hộ", false, "so dien thoai nguoi giam ho", "dien thoai nguoi giam ho");

        private final Spec spec;

        Students(String header, boolean required, String... aliases) {
            this.spec = Spec.of(header, required, aliases);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    enum Assignments implements RosterColumn {
        TEACHER("Giáo viên", true, "gv", "giao vien day", "giao vien bo mon"),
        SUBJECT("Môn", true, "mon hoc", "ma mon"),
        CLASS("Lớp", true, "ten lop");

        private final Spec spec;

        Assignments(String header, boolean required, String... aliases) {
            this.spec = Spec.of(header, required, aliases);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }
}
