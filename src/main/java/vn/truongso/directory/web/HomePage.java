package vn.truongso.directory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Schools;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.VietnameseText;

/**
 * The home page, shaped by who signs in: officers see the schools under their unit; a school's staff see its counts
 * and quick links; a teacher sees her classes; a student her class; a parent each child's class.
 */
@Controller
class HomePage {

    static final int SCHOOLS_PAGE_SIZE = 50;

    /** A class of the teacher: whether she is its homeroom teacher, and the subjects she teaches in it. */
    public record MyClass(Classes.ClassSummary schoolClass, boolean homeroom, List<String> subjects) {
    }

    /** A school's figures for this year: classes, students in a class now, staff. */
    public record SchoolCounts(int classes, int students, long staff) {
    }

    public record QuickLink(String key, String href) {
    }

    /** A student (herself, or a parent's child) with the class she is in this year, if any. */
    public record StudentHome(UUID id, String fullName, String learnerCode, Student.Status status, Classes.ClassSummary schoolClass,
            String relationship) {
    }

    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final Schools schools;
    private final SchoolYears years;
    private final Classes classes;
    private final TeachingAssignments assignments;
    private final StaffDirectory staff;
    private final Students students;
    private final Guardians guardians;
    private final Enrolments enrolments;

    HomePage(AccessPolicy access, OrgUnits orgUnits, Schools schools, SchoolYears years, Classes classes, TeachingAssignments assignments,
            StaffDirectory staff, Students students, Guardians guardians, Enrolments enrolments) {
        this.access = access;
        this.orgUnits = orgUnits;
        this.schools = schools;
        this.years = years;
        this.classes = classes;
        this.assignments = assignments;
        this.staff = staff;
        this.students = students;
        this.guardians = guardians;
        this.enrolments = enrolments;
    }

    @GetMapping("/")
    String home(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        officerSection(user, q, page, model);
        Optional<School> home = homeSchool(user);
        model.addAttribute("homeSchool", home.orElse(null));
        home.ifPresent(school -> {
            Optional<SchoolYear> year = years.current(school.schoolId());
            model.addAttribute("year", year.orElse(null));
            if (user.grants().stream().anyMatch(g -> g.role().isStaffOfSchool() && g.orgUnitId().equals(school.schoolId()))) {
                staffSection(user, school, year, model);
            }
            if (user.holds(Role.STUDENT) && user.personId() != null) {
                model.addAttribute("me", studentHome(school.schoolId(), year, user.personId(), null).orElse(null));
            }
            if (user.holds(Role.PARENT)) {
                // A parent account not yet linked to a guardian record sees that no child is linked, not an empty page.
                model.addAttribute("children", user.personId() == null ? List.of() : guardians.childrenOf(school.schoolId(), user.personId())
                        .stream().map(child -> studentHome(school.schoolId(), year, child.id(), child.relationship().name()))
                        .flatMap(Optional::stream).toList());
            }
        });
        return "directory/home";
    }

    @GetMapping("/my-classes")
    String myClasses(CurrentUser user, Model model) {
        Optional<School> home = homeSchool(user);
        model.addAttribute("homeSchool", home.orElse(null));
        model.addAttribute("myClasses", home.map(school -> myClasses(user, school, years.current(school.schoolId()))).orElse(List.of()));
        return "directory/my-classes";
    }

    private Optional<School> homeSchool(CurrentUser user) {
        if (user.homeOrgId() == null || user.grants().stream().noneMatch(g -> g.orgUnitId().equals(user.homeOrgId()))) {
            return Optional.empty();
        }
        return schools.find(user.homeOrgId());
    }

    private void officerSection(CurrentUser user, String q, int page, Model model) {
        List<UUID> units = user.grants().stream().filter(g -> g.role().isOfficer()).map(RoleGrant::orgUnitId).distinct().toList();
        if (units.isEmpty()) {
            return;
        }
        Map<UUID, OrgUnits.OrgUnit> reachable = new LinkedHashMap<>();
        for (UUID unit : units) {
            orgUnits.schoolsUnder(unit).forEach(school -> reachable.putIfAbsent(school.id(), school));
        }
        String folded = VietnameseText.fold(q);
        List<OrgUnits.OrgUnit> matching = reachable.values().stream()
                .filter(s -> folded.isEmpty() || VietnameseText.fold(s.name()).contains(folded) || s.code().contains(folded)).toList();
        int pages = Math.max(1, (matching.size() + SCHOOLS_PAGE_SIZE - 1) / SCHOOLS_PAGE_SIZE);
        int current = Math.clamp(page, 0, pages - 1);
        model.addAttribute("officerUnits", units.stream().map(orgUnits::find).flatMap(Optional::stream).toList());
        model.addAttribute("schools", matching.subList(current * SCHOOLS_PAGE_SIZE, Math.min(matching.size(), (current + 1) * SCHOOLS_PAGE_SIZE)));
        model.addAttribute("schoolTotal", matching.size());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
    }

    private void staffSection(CurrentUser user, School school, Optional<SchoolYear> year, Model model) {
        UUID id = school.schoolId();
        if (access.allows(user, id, Capability.VIEW_DIRECTORY)) {
            List<Classes.ClassSummary> ofYear = year.map(y -> classes.ofYear(id, y.id())).orElse(List.of());
            model.addAttribute("counts", new SchoolCounts(ofYear.size(), ofYear.stream().mapToInt(Classes.ClassSummary::studentCount).sum(),
                    staff.search(id, null, 0, 1).total()));
        }
        List<QuickLink> links = new ArrayList<>();
        String base = "/schools/" + id;
        if (access.allows(user, id, Capability.VIEW_DIRECTORY)) {
            links.add(new QuickLink("ui.nav.classes", base + "/classes"));
            links.add(new QuickLink("ui.nav.students", base + "/students"));
            links.add(new QuickLink("ui.nav.staff", base + "/staff"));
            links.add(new QuickLink("ui.nav.assignments", base + "/assignments"));
        }
        if (access.allows(user, id, Capability.MANAGE_DIRECTORY)) {
            links.add(new QuickLink("ui.nav.roster", base + "/roster"));
        }
        if (access.allows(user, id, Capability.MANAGE_ACCOUNTS)) {
            links.add(new QuickLink("ui.nav.accounts", base + "/accounts"));
        }
        if (access.allows(user, id, Capability.VIEW_AUDIT)) {
            links.add(new QuickLink("ui.nav.audit", base + "/audit"));
        }
        model.addAttribute("quickLinks", links);
        if (user.personId() != null && (user.holds(Role.TEACHER) || user.holds(Role.GROUP_HEAD))) {
            model.addAttribute("myClasses", myClasses(user, school, year));
        }
    }

    private List<MyClass> myClasses(CurrentUser user, School school, Optional<SchoolYear> year) {
        if (user.personId() == null || year.isEmpty()) {
            return List.of();
        }
        UUID schoolId = school.schoolId();
        Map<UUID, List<String>> subjects = new LinkedHashMap<>();
        for (var assignment : assignments.ofTeacher(schoolId, year.get().id(), user.personId())) {
            subjects.computeIfAbsent(assignment.classId(), k -> new ArrayList<>()).add(assignment.subjectCode());
        }
        return classes.ofTeacher(schoolId, year.get().id(), user.personId()).stream()
                .map(c -> new MyClass(c, user.personId().equals(c.homeroomStaffId()), subjects.getOrDefault(c.id(), List.of())))
                .toList();
    }

    private Optional<StudentHome> studentHome(UUID schoolId, Optional<SchoolYear> year, UUID studentId, String relationship) {
        return students.find(schoolId, studentId).map(student -> {
            Classes.ClassSummary current = year.flatMap(y -> enrolments.openClass(schoolId, studentId, y.id()))
                    .flatMap(classId -> classes.find(schoolId, classId)).orElse(null);
            return new StudentHome(student.id(), student.fullName(), student.learnerCode(), student.status(), current, relationship);
        });
    }
}
