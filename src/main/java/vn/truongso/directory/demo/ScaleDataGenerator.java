package vn.truongso.directory.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolLevel;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Schools;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StaffPosition;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.SubjectGroup;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Ids;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.VietnameseText;

/**
 * Generates benchmark data at city scale: a Sở with its Phòng (22 districts, as Hồ Chí Minh City has), lower-secondary
 * schools (THCS, grades 6–9) spread across them, each with a current school year, subject groups, teachers (about one
 * per 20 students), classes of about 40, students with realistic Vietnamese names and valid citizen IDs, their
 * guardians, enrolments, teaching assignments, and a principal and a teacher account sharing {@link #PASSWORD}.
 *
 * <p>Rows go in through PostgreSQL {@code COPY}, one transaction per school, with the same derived columns
 * ({@code given_name}, {@code name_folded}) the repositories write, so search and sorting behave as on real data.
 * The same seed gives the same people and structure (ids are fresh UUIDs every time).
 */
@Component
public class ScaleDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(ScaleDataGenerator.class);

    /** The password of every generated account. Generated data is for benchmarks and trials, never for real schools. */
    public static final String PASSWORD = "TruongSo@Bench2026";
    public static final int DISTRICTS = 22;
    static final int CLASS_SIZE = 40;
    static final int STUDENTS_PER_TEACHER = 20;
    static final int START_YEAR = 2026;

    /** The 22 district-level units of Hồ Chí Minh City before 2025 (16 quận, Thủ Đức city, 5 huyện). */
    static final List<String> DISTRICT_NAMES = List.of("Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8", "Quận 10",
            "Quận 11", "Quận 12", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Phú Nhuận", "Quận Tân Bình", "Quận Tân Phú", "Quận Bình Tân",
            "Thành phố Thủ Đức", "Huyện Bình Chánh", "Huyện Củ Chi", "Huyện Hóc Môn", "Huyện Nhà Bè", "Huyện Cần Giờ");
    private static final List<String> NAMESAKES = List.of("Nguyễn Du", "Lê Quý Đôn", "Trần Hưng Đạo", "Nguyễn Trãi", "Lê Lợi",
            "Quang Trung", "Nguyễn Huệ", "Chu Văn An", "Lý Thường Kiệt", "Trần Phú", "Võ Trường Toản", "Hai Bà Trưng", "Nguyễn Văn Trỗi",
            "Lê Văn Tám", "Phan Bội Châu", "Phan Chu Trinh", "Ngô Quyền", "Đinh Tiên Hoàng", "Hoàng Hoa Thám", "Nguyễn Đình Chiểu",
            "Trương Định", "Võ Thị Sáu", "Bạch Đằng", "Đoàn Thị Điểm", "Lương Thế Vinh", "Tô Hiến Thành", "Nguyễn Gia Thiều",
            "Lê Anh Xuân", "Trần Văn Ơn", "Hồng Bàng");
    private static final List<String> STREETS = List.of("Nguyễn Thị Minh Khai", "Lê Văn Sỹ", "Cách Mạng Tháng Tám", "Điện Biên Phủ",
            "Hai Bà Trưng", "Nguyễn Đình Chiểu", "Võ Văn Tần", "Lý Chính Thắng", "Trần Quốc Thảo", "Nam Kỳ Khởi Nghĩa", "Phan Xích Long",
            "Hoàng Văn Thụ", "Quang Trung", "Lê Đức Thọ", "Tân Kỳ Tân Quý", "Kinh Dương Vương");
    private static final List<String> ETHNICITIES = List.of("Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh",
            "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Hoa", "Hoa", "Khmer");

    /** Tổ chuyên môn of a THCS, the subjects each teaches (codes as in the demo), and its share of the teachers. */
    private record GroupPlan(String name, List<String> subjects, double share) {
    }

    private static final List<GroupPlan> GROUPS = List.of(
            new GroupPlan("Tổ Toán - Tin", List.of("TOAN", "TIN_HOC"), 0.25),
            new GroupPlan("Tổ Ngữ văn - GDCD", List.of("NGU_VAN", "GDCD"), 0.22),
            new GroupPlan("Tổ Ngoại ngữ", List.of("NGOAI_NGU_1"), 0.18),
            new GroupPlan("Tổ Khoa học tự nhiên", List.of("KHTN", "CONG_NGHE"), 0.20),
            new GroupPlan("Tổ Khoa học xã hội", List.of("LICH_SU_DIA_LI"), 0.15));

    /**
     * @param districts how many Phòng to spread the schools over (at most 22; fewer when there are fewer schools)
     * @param emptySchools extra schools with a year, subject groups and staff but no classes or students yet: the state
     *        a school is in before its first roster import
     */
    public record Plan(int schools, int studentsPerSchool, long seed, int districts, int emptySchools) {

        public Plan {
            if (schools < 0 || emptySchools < 0 || schools + emptySchools < 1) {
                throw new IllegalArgumentException("at least one school is needed");
            }
            if (studentsPerSchool < 0 || studentsPerSchool > 20_000) {
                throw new IllegalArgumentException("students per school must be between 0 and 20000");
            }
            if (districts < 1 || districts > DISTRICT_NAMES.size()) {
                throw new IllegalArgumentException("districts must be between 1 and " + DISTRICT_NAMES.size());
            }
        }

        public Plan(int schools, int studentsPerSchool, long seed) {
            this(schools, studentsPerSchool, seed, DISTRICTS, 0);
        }

        /** The Sở's code; one seed makes one Sở, so a second run with the same seed is refused. */
        public String soCode() {
            return "SIM" + seed;
        }
    }

    /** A generated school; the principal's and the teacher's accounts stand for the staff records named here. */
    public record GeneratedSchool(UUID schoolId, String code, String name, UUID phongId, UUID yearId, int staff, int classes, int students,
            String principalUsername, UUID principalStaffId, String principalName, String teacherUsername, UUID teacherStaffId,
            String teacherName) {
    }

    public record Result(UUID soId, List<UUID> phongIds, List<GeneratedSchool> schools, List<GeneratedSchool> emptySchools,
            Map<String, Long> rowsByTable, Duration took) {

        public long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        public double rowsPerSecond() {
            return rows() / Math.max(0.001, took.toNanos() / 1e9);
        }
    }

    private final OrgUnits orgUnits;
    private final Schools schools;
    private final SchoolYears years;
    private final SubjectGroups groups;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ScaleDataGenerator(OrgUnits orgUnits, Schools schools, SchoolYears years, SubjectGroups groups, Accounts accounts, AuditLog audit,
            TransactionTemplate transaction, DataSource dataSource, JdbcClient jdbc) {
        this.orgUnits = orgUnits;
        this.schools = schools;
        this.years = years;
        this.groups = groups;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public Result generate(int schoolCount, int studentsPerSchool, long seed) {
        return generate(new Plan(schoolCount, studentsPerSchool, seed));
    }

    public Result generate(Plan plan) {
        long started = System.nanoTime();
        if (orgUnits.findByCode(plan.soCode()).isPresent()) {
            throw new IllegalStateException("data for seed " + plan.seed() + " already exists (Sở " + plan.soCode()
                    + "); use another seed or an empty data folder");
        }
        // Foreign-key checks cost more than the rows themselves when bulk loading (a trigger and a row lock per reference).
        // The generated rows are consistent by construction, so a superuser skips them as pg_restore does; others keep them.
        boolean skipChecks = Boolean.TRUE.equals(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                .optional().orElse(false));
        int total = plan.schools() + plan.emptySchools();
        int districtCount = Math.min(plan.districts(), total);
        Map<String, Long> rows = new LinkedHashMap<>();
        List<OrgUnits.OrgUnit> districts = transaction.execute(status -> {
            var so = orgUnits.register(OrgUnits.Kind.SO, null, plan.soCode(),
                    "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh (dữ liệu mô phỏng " + plan.seed() + ")");
            List<OrgUnits.OrgUnit> made = new ArrayList<>();
            made.add(so);
            for (int d = 0; d < districtCount; d++) {
                made.add(orgUnits.register(OrgUnits.Kind.PHONG, so.id(), plan.soCode() + "-Q" + String.format("%02d", d + 1),
                        "Phòng Giáo dục và Đào tạo " + DISTRICT_NAMES.get(d)));
            }
            return made;
        });
        add(rows, "org_unit", districts.size());
        UUID soId = districts.getFirst().id();
        List<OrgUnits.OrgUnit> phongs = districts.subList(1, districts.size());

        List<GeneratedSchool> made = new ArrayList<>();
        List<GeneratedSchool> empty = new ArrayList<>();
        List<Accounts.NewAccount> newAccounts = new ArrayList<>();
        long lastReport = System.nanoTime();
        for (int index = 0; index < total; index++) {
            boolean withStudents = index < plan.schools();
            int district = index % districtCount;
            int schoolIndex = index;
            var school = transaction.execute(status -> {
                if (skipChecks) {
                    jdbc.sql("SET LOCAL session_replication_role = replica").update();
                }
                return generateSchool(plan, schoolIndex, phongs.get(district), DISTRICT_NAMES.get(district), withStudents, rows);
            });
            (withStudents ? made : empty).add(school);
            newAccounts.add(new Accounts.NewAccount(school.principalUsername(), school.principalName(), school.schoolId(),
                    school.principalStaffId(), List.of(new RoleGrant(Role.PRINCIPAL, school.schoolId()))));
            newAccounts.add(new Accounts.NewAccount(school.teacherUsername(), school.teacherName(), school.schoolId(),
                    school.teacherStaffId(), List.of(new RoleGrant(Role.TEACHER, school.schoolId()))));
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                long sum = rows.values().stream().mapToLong(Long::longValue).sum();
                log.info("Generated {}/{} schools, {} rows, {} rows/s", index + 1, total, sum,
                        Math.round(sum / ((lastReport - started) / 1e9)));
            }
        }
        transaction.executeWithoutResult(status -> accounts.createAll(newAccounts, PASSWORD, false));
        add(rows, "user_account", newAccounts.size());
        add(rows, "role_grant", newAccounts.size());
        // Fresh statistics, so the planner sees the tables at their new size at once rather than after autovacuum.
        jdbc.sql("ANALYZE org_unit, school, school_year, subject_group, staff, school_class, student, guardian, student_guardian, "
                + "enrolment, teaching_assignment, user_account, role_grant").update();
        return new Result(soId, phongs.stream().map(OrgUnits.OrgUnit::id).toList(), List.copyOf(made), List.copyOf(empty),
                Map.copyOf(rows), Duration.ofNanos(System.nanoTime() - started));
    }

    private GeneratedSchool generateSchool(Plan plan, int index, OrgUnits.OrgUnit phong, String districtName, boolean withStudents,
            Map<String, Long> rows) {
        var random = new SplittableRandom(plan.seed() * 1_000_003L + index);
        String code = plan.soCode() + "-" + String.format("%05d", index + 1);
        String namesake = NAMESAKES.get(index % NAMESAKES.size());
        int round = index / NAMESAKES.size();
        String name = "Trường THCS " + namesake + (round == 0 ? "" : " " + (round + 1)) + (withStudents ? "" : " (chờ nhập danh sách)");
        String slug = "sim" + plan.seed() + "." + String.format("%05d", index + 1);

        UUID schoolId = orgUnits.register(OrgUnits.Kind.SCHOOL, phong.id(), code, name).id();
        schools.add(new School(schoolId, code, name, phong.id(), SchoolLevel.THCS, School.Ownership.PUBLIC, 6, 9,
                districtName + ", TP. Hồ Chí Minh", "028 3" + String.format("%07d", random.nextInt(10_000_000)), null));
        var year = new SchoolYear(schoolId, Ids.newId(), START_YEAR, LocalDate.of(START_YEAR, 9, 5), LocalDate.of(START_YEAR + 1, 1, 16),
                LocalDate.of(START_YEAR + 1, 1, 18), LocalDate.of(START_YEAR + 1, 5, 31), true);
        years.add(year);
        add(rows, "org_unit", 1);
        add(rows, "school", 1);
        add(rows, "school_year", 1);

        CopyManager copy = copyManager();
        Set<String> citizenIds = new HashSet<>();

        // Tổ chuyên môn first (their heads are set once the staff exist), then the staff.
        List<SubjectGroup> groupRows = new ArrayList<>();
        for (GroupPlan group : GROUPS) {
            var row = new SubjectGroup(schoolId, Ids.newId(), group.name(), null);
            groups.add(row);
            groupRows.add(row);
        }
        add(rows, "subject_group", groupRows.size());

        int students = withStudents ? plan.studentsPerSchool() : 0;
        int teacherCount = Math.max(2 * GROUPS.size(), Math.round(plan.studentsPerSchool() / (float) STUDENTS_PER_TEACHER));
        var staff = new CopyRows();
        int[] staffSerial = {0};
        Person principal = staffRow(staff, random, schoolId, ++staffSerial[0], StaffPosition.PRINCIPAL, null, citizenIds);
        staffRow(staff, random, schoolId, ++staffSerial[0], StaffPosition.VICE_PRINCIPAL, null, citizenIds);
        staffRow(staff, random, schoolId, ++staffSerial[0], StaffPosition.VICE_PRINCIPAL, null, citizenIds);
        staffRow(staff, random, schoolId, ++staffSerial[0], StaffPosition.IT_STAFF, null, citizenIds);
        List<List<UUID>> teachersByGroup = new ArrayList<>();
        List<UUID> allTeachers = new ArrayList<>();
        Person accountTeacher = null;
        int assigned = 0;
        for (int g = 0; g < GROUPS.size(); g++) {
            int size = g == GROUPS.size() - 1 ? Math.max(1, teacherCount - assigned)
                    : Math.max(1, (int) Math.round(teacherCount * GROUPS.get(g).share()));
            assigned += size;
            List<UUID> members = new ArrayList<>();
            for (int t = 0; t < size; t++) {
                Person teacher = staffRow(staff, random, schoolId, ++staffSerial[0], StaffPosition.TEACHER, groupRows.get(g).id(), citizenIds);
                accountTeacher = accountTeacher == null ? teacher : accountTeacher;
                members.add(teacher.id());
            }
            teachersByGroup.add(members);
            allTeachers.addAll(members);
        }
        copy(copy, staff, "staff", "school_id, id, staff_code, full_name, given_name, name_folded, birth_date, sex, citizen_id, position, "
                + "subject_group_id, email, phone, active", rows);
        for (int g = 0; g < GROUPS.size(); g++) {
            groups.setHead(schoolId, groupRows.get(g).id(), teachersByGroup.get(g).getFirst());
        }

        // Classes of about 40 per grade, students in contiguous blocks, each with a guardian or two.
        var classes = new CopyRows();
        var studentRows = new CopyRows();
        var guardians = new CopyRows();
        var links = new CopyRows();
        var enrolments = new CopyRows();
        var assignments = new CopyRows();
        int classCount = 0;
        int serial = 0;
        for (int grade = 6; grade <= 9; grade++) {
            int gradeStudents = students / 4 + (grade - 6 < students % 4 ? 1 : 0);
            if (gradeStudents == 0) {
                continue;
            }
            int gradeClasses = Math.max(1, Math.round(gradeStudents / (float) CLASS_SIZE));
            List<UUID> classIds = new ArrayList<>();
            for (int c = 0; c < gradeClasses; c++) {
                UUID classId = Ids.newId();
                UUID homeroom = allTeachers.get(classCount % allTeachers.size());
                classes.add(schoolId, classId, year.id(), grade, grade + "A" + (c + 1), homeroom);
                for (int g = 0; g < GROUPS.size(); g++) {
                    List<UUID> members = teachersByGroup.get(g);
                    List<String> subjects = GROUPS.get(g).subjects();
                    for (int s = 0; s < subjects.size(); s++) {
                        UUID teacher = members.get((classCount * subjects.size() + s) % members.size());
                        assignments.add(schoolId, Ids.newId(), year.id(), teacher, subjects.get(s), classId);
                    }
                }
                classIds.add(classId);
                classCount++;
            }
            int birthYear = START_YEAR - 6 - grade;
            for (int k = 0; k < gradeStudents; k++) {
                UUID classId = classIds.get((int) ((long) k * gradeClasses / gradeStudents));
                Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(365));
                String fullName = VietnameseNames.fullName(random, sex);
                UUID studentId = Ids.newId();
                String learnerCode = String.format("%05d%05d", index + 1, ++serial);
                String street = STREETS.get(random.nextInt(STREETS.size()));
                studentRows.add(schoolId, studentId, learnerCode, uniqueCitizenId(random, birth, sex, citizenIds), fullName,
                        VietnameseText.givenName(fullName), VietnameseText.fold(fullName), birth, sex.name(),
                        ETHNICITIES.get(random.nextInt(ETHNICITIES.size())), "TP. Hồ Chí Minh",
                        (1 + random.nextInt(400)) + " " + street + ", " + districtName + ", TP. Hồ Chí Minh", Student.Status.STUDYING.name());
                enrolments.add(schoolId, Ids.newId(), studentId, year.id(), classId, year.startsOn());
                String family = fullName.substring(0, fullName.indexOf(' '));
                boolean both = random.nextInt(10) < 3;
                boolean mother = both || random.nextBoolean();
                if (mother) {
                    guardianRow(guardians, links, random, schoolId, studentId, VietnameseNames.fullName(random, Sex.FEMALE), "MOTHER");
                }
                if (both || !mother) {
                    // A father usually passes his family name on.
                    String father = family + " " + VietnameseNames.fullName(random, Sex.MALE).split(" ", 2)[1];
                    guardianRow(guardians, links, random, schoolId, studentId, father, "FATHER");
                }
            }
        }
        copy(copy, classes, "school_class", "school_id, id, school_year_id, grade, name, homeroom_staff_id", rows);
        copy(copy, studentRows, "student", "school_id, id, learner_code, citizen_id, full_name, given_name, name_folded, birth_date, sex, "
                + "ethnicity, birthplace, address, status", rows);
        copy(copy, guardians, "guardian", "school_id, id, full_name, name_folded, phone, email, citizen_id", rows);
        copy(copy, links, "student_guardian", "school_id, student_id, guardian_id, relationship", rows);
        copy(copy, enrolments, "enrolment", "school_id, id, student_id, school_year_id, class_id, starts_on", rows);
        copy(copy, assignments, "teaching_assignment", "school_id, id, school_year_id, staff_id, subject_code, class_id", rows);

        audit.record("directory.generated", schoolId, "school", schoolId.toString(), Map.of("seed", plan.seed(), "students", students,
                "staff", staff.count(), "classes", classCount));
        add(rows, "audit_event", 1);
        // The account-holding teacher is the first Toán - Tin teacher: homeroom teacher of the first class, teaching in several.
        return new GeneratedSchool(schoolId, code, name, phong.id(), year.id(), staff.count(), classCount, students, "ht." + slug,
                principal.id(), principal.fullName(), "gv." + slug, accountTeacher.id(), accountTeacher.fullName());
    }

    private record Person(UUID id, String fullName) {
    }

    private static Person staffRow(CopyRows staff, SplittableRandom random, UUID schoolId, int serial, StaffPosition position, UUID groupId,
            Set<String> citizenIds) {
        Sex sex = random.nextInt(10) < 7 ? Sex.FEMALE : Sex.MALE;
        String fullName = VietnameseNames.fullName(random, sex);
        LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(random.nextInt(365 * 32));
        UUID id = Ids.newId();
        staff.add(schoolId, id, String.format("CB%04d", serial), fullName, VietnameseText.givenName(fullName), VietnameseText.fold(fullName),
                birth, sex.name(), uniqueCitizenId(random, birth, sex, citizenIds), position.name(), groupId, null, phone(random), true);
        return new Person(id, fullName);
    }

    private static void guardianRow(CopyRows guardians, CopyRows links, SplittableRandom random, UUID schoolId, UUID studentId, String name,
            String relationship) {
        UUID id = Ids.newId();
        guardians.add(schoolId, id, name, VietnameseText.fold(name), phone(random), null, null);
        links.add(schoolId, studentId, id, relationship);
    }

    private static String phone(SplittableRandom random) {
        return "09" + (10_000_000 + random.nextInt(89_999_999));
    }

    /** Citizen IDs are unique within a school (a unique index says so), and six random digits do collide at 2,000 students. */
    private static String uniqueCitizenId(SplittableRandom random, LocalDate birth, Sex sex, Set<String> taken) {
        while (true) {
            String id = DemoCitizenIds.of(random, birth, sex);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    private CopyManager copyManager() {
        // The connection bound to the school's transaction; Hikari's proxy unwraps to the driver's connection.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk loading needs PostgreSQL", e);
        }
    }

    private static void copy(CopyManager copy, CopyRows data, String table, String columns, Map<String, Long> rows) {
        if (data.count() == 0) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            long copied = copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(data.text()));
            add(rows, table, copied);
            log.debug("COPY {} rows into {} in {} ms", copied, table, (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }

    private static void add(Map<String, Long> rows, String table, long count) {
        synchronized (rows) {
            rows.merge(table, count, Long::sum);
        }
    }

    /** Rows in PostgreSQL's COPY text format: tab-separated, \N for null, with backslash escapes. */
    static final class CopyRows {

        private final StringBuilder text = new StringBuilder(64 * 1024);
        private int count;

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    text.append("\\N");
                } else {
                    escape(value.toString());
                }
            }
            text.append('\n');
            count++;
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        int count() {
            return count;
        }

        String text() {
            return text.toString();
        }
    }
}
