package vn.truongso.directory.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.directory.domain.SchoolLevel;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Schools;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.StaffMember;
import vn.truongso.directory.domain.StaffPosition;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.SubjectGroup;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignment;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Ids;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/**
 * The demo district: Sở GDĐT TP. Hồ Chí Minh, one Phòng, two lower-secondary schools and one upper-secondary school,
 * with staff, classes, students, parents and an account for every role. Seeded once, on the first start with an empty
 * database, when {@code truongso.demo-data} is on; the same seed gives the same people every time.
 */
@Component
class DemoDistrict {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);
    static final String PASSWORD = "TruongSo@2026";
    static final String SO_CODE = "79";

    private final boolean enabled;
    private final OrgUnits orgUnits;
    private final Schools schools;
    private final SchoolYears years;
    private final SubjectGroups groups;
    private final StaffDirectory staff;
    private final Classes classes;
    private final Students students;
    private final Guardians guardians;
    private final Enrolments enrolments;
    private final TeachingAssignments assignments;
    private final Accounts accounts;
    private final TransactionTemplate transaction;

    DemoDistrict(@Value("${truongso.demo-data:true}") boolean enabled, OrgUnits orgUnits, Schools schools, SchoolYears years,
            SubjectGroups groups, StaffDirectory staff, Classes classes, Students students, Guardians guardians, Enrolments enrolments,
            TeachingAssignments assignments, Accounts accounts, TransactionTemplate transaction) {
        this.enabled = enabled;
        this.orgUnits = orgUnits;
        this.schools = schools;
        this.years = years;
        this.groups = groups;
        this.staff = staff;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.enrolments = enrolments;
        this.assignments = assignments;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    record DemoAccount(String username, String role, String where) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "Quản trị hệ thống", "Sở GDĐT TP. Hồ Chí Minh"),
            new DemoAccount("so.chuyenvien", "Cán bộ Sở", "Sở GDĐT TP. Hồ Chí Minh"),
            new DemoAccount("phong.chuyenvien", "Cán bộ Phòng", "Phòng GDĐT Quận 3"),
            new DemoAccount("ht.nguyendu", "Hiệu trưởng", "THCS Nguyễn Du"),
            new DemoAccount("pht.nguyendu", "Phó hiệu trưởng", "THCS Nguyễn Du"),
            new DemoAccount("tt.toan.nguyendu", "Tổ trưởng Toán - Tin", "THCS Nguyễn Du"),
            new DemoAccount("gv.nguyendu", "Giáo viên (chủ nhiệm 6A1, dạy Toán)", "THCS Nguyễn Du"),
            new DemoAccount("cntt.nguyendu", "Cán bộ CNTT", "THCS Nguyễn Du"),
            new DemoAccount("hs.nguyendu", "Học sinh lớp 6A1", "THCS Nguyễn Du"),
            new DemoAccount("ph.nguyendu", "Phụ huynh", "THCS Nguyễn Du"),
            new DemoAccount("ht.lequydon", "Hiệu trưởng", "THCS Lê Quý Đôn"),
            new DemoAccount("gv.lequydon", "Giáo viên", "THCS Lê Quý Đôn"));

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seedAndAnnounce() {
        if (!enabled) {
            return;
        }
        if (orgUnits.findByCode(SO_CODE).isEmpty()) {
            transaction.executeWithoutResult(status -> seed());
            log.info("Demo district created");
        }
        StringBuilder banner = new StringBuilder("\n  Tài khoản demo (mật khẩu chung / password: ").append(PASSWORD).append(")\n");
        for (DemoAccount account : ACCOUNTS) {
            banner.append(String.format("    %-18s %-38s %s%n", account.username(), account.role(), account.where()));
        }
        log.info(banner.toString());
    }

    private void seed() {
        var so = orgUnits.register(OrgUnits.Kind.SO, null, SO_CODE, "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh");
        var phong = orgUnits.register(OrgUnits.Kind.PHONG, so.id(), "79760", "Phòng Giáo dục và Đào tạo Quận 3");
        account("admin", "Quản trị hệ thống", so.id(), null, Role.SYSTEM_ADMIN);
        account("so.chuyenvien", "Trần Minh Khoa", so.id(), null, Role.SO_OFFICER);
        account("phong.chuyenvien", "Lê Thị Thu Hà", phong.id(), null, Role.PHONG_OFFICER);

        var random = new Random(2026);
        seedSchool(random, phong.id(), "79760401", "Trường THCS Nguyễn Du", "nguyendu", SchoolLevel.THCS, true);
        seedSchool(random, phong.id(), "79760402", "Trường THCS Lê Quý Đôn", "lequydon", SchoolLevel.THCS, false);
        seedSchool(random, so.id(), "79000901", "Trường THPT Trần Phú", "tranphu", SchoolLevel.THPT, false);
    }

    private void seedSchool(Random random, UUID parentId, String code, String name, String slug, SchoolLevel level, boolean everyRole) {
        var unit = orgUnits.register(OrgUnits.Kind.SCHOOL, parentId, code, name);
        UUID schoolId = unit.id();
        schools.add(new School(schoolId, code, name, parentId, level, School.Ownership.PUBLIC, level.lowestGrade(), level.highestGrade(),
                "Quận 3, TP. Hồ Chí Minh", "028 3930 0000", slug + "@hcm.edu.vn"));
        var year = new SchoolYear(schoolId, Ids.newId(), 2026, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 16),
                LocalDate.of(2027, 1, 18), LocalDate.of(2027, 5, 31), true);
        years.add(year);

        String[][] groupSubjects = level == SchoolLevel.THPT
                ? new String[][] {{"Tổ Toán - Tin", "TOAN", "TIN_HOC"}, {"Tổ Ngữ văn", "NGU_VAN", "LICH_SU"}, {"Tổ Ngoại ngữ", "NGOAI_NGU_1"},
                        {"Tổ Lý - Hóa - Sinh", "VAT_LI", "HOA_HOC", "SINH_HOC"}}
                : new String[][] {{"Tổ Toán - Tin", "TOAN", "TIN_HOC"}, {"Tổ Ngữ văn - GDCD", "NGU_VAN", "GDCD"}, {"Tổ Ngoại ngữ", "NGOAI_NGU_1"},
                        {"Tổ Khoa học tự nhiên", "KHTN", "CONG_NGHE"}, {"Tổ Khoa học xã hội", "LICH_SU_DIA_LI"}};

        var principal = staffMember(random, schoolId, StaffPosition.PRINCIPAL, null);
        var vice = staffMember(random, schoolId, StaffPosition.VICE_PRINCIPAL, null);
        var itStaff = staffMember(random, schoolId, StaffPosition.IT_STAFF, null);
        account("ht." + slug, principal.fullName(), schoolId, principal.id(), Role.PRINCIPAL);
        if (everyRole) {
            account("pht." + slug, vice.fullName(), schoolId, vice.id(), Role.VICE_PRINCIPAL);
            account("cntt." + slug, itStaff.fullName(), schoolId, itStaff.id(), Role.IT_STAFF);
        }

        List<List<StaffMember>> teachersBySubject = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (String[] entry : groupSubjects) {
            var group = new SubjectGroup(schoolId, Ids.newId(), entry[0], null);
            groups.add(group);
            List<StaffMember> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(staffMember(random, schoolId, StaffPosition.TEACHER, group.id()));
            }
            groups.setHead(schoolId, group.id(), members.getFirst().id());
            for (int s = 1; s < entry.length; s++) {
                subjects.add(entry[s]);
                teachersBySubject.add(members);
            }
            if (everyRole && "Tổ Toán - Tin".equals(entry[0])) {
                account("tt.toan." + slug, members.getFirst().fullName(), schoolId, members.getFirst().id(), Role.TEACHER, Role.GROUP_HEAD);
            }
        }
        StaffMember demoTeacher = teachersBySubject.getFirst().get(1);
        account("gv." + slug, demoTeacher.fullName(), schoolId, demoTeacher.id(), Role.TEACHER);

        int classesPerGrade = 2;
        int studentsPerClass = 24;
        int learnerSerial = 0;
        boolean studentAccountDone = false;
        List<StaffMember> allTeachers = teachersBySubject.stream().flatMap(List::stream).distinct().toList();
        int homeroomIndex = 0;
        for (int grade = level.lowestGrade(); grade <= level.highestGrade(); grade++) {
            for (int c = 1; c <= classesPerGrade; c++) {
                StaffMember homeroom = grade == level.lowestGrade() && c == 1 ? demoTeacher
                        : allTeachers.get(homeroomIndex++ % allTeachers.size());
                var schoolClass = new SchoolClass(schoolId, Ids.newId(), year.id(), grade, grade + "A" + c, homeroom.id());
                classes.add(schoolClass);
                for (int s = 0; s < subjects.size(); s++) {
                    List<StaffMember> candidates = teachersBySubject.get(s);
                    StaffMember teacher = s == 0 && schoolClass.homeroomStaffId().equals(demoTeacher.id()) ? demoTeacher
                            : candidates.get((grade + c) % candidates.size());
                    assignments.assign(new TeachingAssignment(schoolId, Ids.newId(), year.id(), teacher.id(), subjects.get(s), schoolClass.id()));
                }
                for (int i = 0; i < studentsPerClass; i++) {
                    var student = student(random, schoolId, code, ++learnerSerial, 2026 - 6 - grade);
                    students.add(student);
                    enrolments.enrol(schoolId, student.id(), year.id(), schoolClass.id(), year.startsOn());
                    var guardian = guardianOf(random, schoolId, student);
                    if (everyRole && !studentAccountDone) {
                        account("hs." + slug, student.fullName(), schoolId, student.id(), Role.STUDENT);
                        account("ph." + slug, guardian.fullName(), schoolId, guardian.id(), Role.PARENT);
                        studentAccountDone = true;
                    }
                }
            }
        }
    }

    private StaffMember staffMember(Random random, UUID schoolId, StaffPosition position, UUID groupId) {
        Sex sex = random.nextInt(10) < 7 ? Sex.FEMALE : Sex.MALE;
        String name = VietnameseNames.fullName(random, sex);
        LocalDate birth = LocalDate.of(1970 + random.nextInt(28), 1 + random.nextInt(12), 1 + random.nextInt(28));
        var member = new StaffMember(schoolId, Ids.newId(), null, name, birth, sex, DemoCitizenIds.of(random, birth, sex), position, groupId,
                null, "09" + (10000000 + random.nextInt(89999999)), true);
        staff.add(member);
        return member;
    }

    private static Student student(Random random, UUID schoolId, String schoolCode, int serial, int birthYear) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        LocalDate birth = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
        String learnerCode = "79" + schoolCode.substring(schoolCode.length() - 4) + String.format("%04d", serial);
        return new Student(schoolId, Ids.newId(), learnerCode, DemoCitizenIds.of(random, birth, sex), VietnameseNames.fullName(random, sex), birth, sex,
                "Kinh", "TP. Hồ Chí Minh", "Quận 3, TP. Hồ Chí Minh", Student.Status.STUDYING);
    }

    private Guardian guardianOf(Random random, UUID schoolId, Student student) {
        boolean mother = random.nextBoolean();
        String family = student.fullName().substring(0, student.fullName().indexOf(' '));
        // A father usually passes his family name on; a mother keeps her own.
        String name = mother ? VietnameseNames.fullName(random, Sex.FEMALE)
                : family + " " + VietnameseNames.fullName(random, Sex.MALE).split(" ", 2)[1];
        var guardian = new Guardian(schoolId, Ids.newId(), name, "09" + (10000000 + random.nextInt(89999999)), null, null);
        guardians.add(guardian);
        guardians.link(schoolId, student.id(), guardian.id(), mother ? Guardian.Relationship.MOTHER : Guardian.Relationship.FATHER);
        return guardian;
    }

    private void account(String username, String displayName, UUID orgId, UUID personId, Role... roles) {
        List<RoleGrant> grants = java.util.Arrays.stream(roles).map(role -> new RoleGrant(role, orgId)).toList();
        accounts.create(new Accounts.NewAccount(username, displayName, orgId, personId, grants), PASSWORD, false);
    }
}
