package vn.truongso.directory.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.Page;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolAccess;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.StudentTransfers;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.directory.domain.Transfer;
import vn.truongso.directory.domain.Transfers;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/** The school directory as JSON. Every call names the school; a school outside the caller's grants answers 404. */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}")
@Tag(name = "Directory", description = "Schools, years, classes, staff, students, guardians, assignments, transfers")
class DirectoryApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final SchoolAccess access;
    private final SchoolYears years;
    private final Classes classes;
    private final Students students;
    private final StaffDirectory staff;
    private final Guardians guardians;
    private final Enrolments enrolments;
    private final Transfers transfers;
    private final SubjectGroups groups;
    private final TeachingAssignments assignments;
    private final StudentTransfers studentTransfers;

    DirectoryApi(SchoolAccess access, SchoolYears years, Classes classes, Students students, StaffDirectory staff, Guardians guardians,
            Enrolments enrolments, Transfers transfers, SubjectGroups groups, TeachingAssignments assignments,
            StudentTransfers studentTransfers) {
        this.access = access;
        this.years = years;
        this.classes = classes;
        this.students = students;
        this.staff = staff;
        this.guardians = guardians;
        this.enrolments = enrolments;
        this.transfers = transfers;
        this.groups = groups;
        this.assignments = assignments;
        this.studentTransfers = studentTransfers;
    }

    @GetMapping
    @Operation(summary = "The school's profile")
    School school(CurrentUser user, @PathVariable UUID schoolId) {
        return access.require(user, schoolId, Capability.VIEW_DIRECTORY);
    }

    @GetMapping("/years")
    List<SchoolYearView> years(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return years.ofSchool(schoolId).stream().map(SchoolYearView::of).toList();
    }

    @GetMapping("/classes")
    @Operation(summary = "Classes of a school year (the current one by default)")
    List<Classes.ClassSummary> classes(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) UUID yearId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return classes.ofYear(schoolId, access.year(schoolId, yearId).id());
    }

    record ClassDetail(Classes.ClassSummary schoolClass, List<Students.StudentListItem> students,
            List<TeachingAssignments.AssignmentView> teachers) {
    }

    @GetMapping("/classes/{classId}")
    ClassDetail schoolClass(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID classId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        var found = classes.find(schoolId, classId).orElseThrow(() -> new NotFoundException("class " + classId));
        return new ClassDetail(found, students.ofClass(schoolId, classId), assignments.ofClass(schoolId, classId));
    }

    @GetMapping("/students")
    @Operation(summary = "Search students by name (diacritics optional) or learner code, in Vietnamese name order")
    Page<Students.StudentListItem> students(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID classId, @RequestParam(required = false) UUID yearId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return students.search(schoolId, access.year(schoolId, yearId).id(), q, classId, Math.max(page, 0),
                Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    record StudentDetail(Student student, List<Guardians.LinkedGuardian> guardians, List<Enrolments.EnrolmentView> enrolments,
            List<Transfer> transfers) {
    }

    @GetMapping("/students/{studentId}")
    StudentDetail student(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID studentId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        var found = students.find(schoolId, studentId).orElseThrow(() -> new NotFoundException("student " + studentId));
        return new StudentDetail(found, guardians.ofStudent(schoolId, studentId), enrolments.ofStudent(schoolId, studentId),
                transfers.ofStudent(schoolId, studentId));
    }

    @PostMapping("/students/{studentId}/transfers-out")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that a student leaves for another school (chuyển đi)")
    Transfer transferOut(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID studentId,
            @RequestBody StudentTransfers.TransferOut request) {
        access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        return studentTransfers.transferOut(user, schoolId, studentId, request);
    }

    @PostMapping("/transfers-in")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a student arriving from another school (chuyển đến) and enrol her in a class")
    Transfer transferIn(CurrentUser user, @PathVariable UUID schoolId, @RequestBody StudentTransfers.TransferIn request) {
        access.require(user, schoolId, Capability.MANAGE_DIRECTORY);
        return studentTransfers.transferIn(user, schoolId, request);
    }

    @GetMapping("/staff")
    Page<StaffDirectory.StaffListItem> staff(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return staff.search(schoolId, q, Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    @GetMapping("/subject-groups")
    List<SubjectGroups.SubjectGroupSummary> subjectGroups(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        return groups.ofSchool(schoolId);
    }

    @GetMapping("/teaching-assignments")
    List<TeachingAssignments.AssignmentView> assignments(CurrentUser user, @PathVariable UUID schoolId,
            @RequestParam(required = false) UUID yearId, @RequestParam(required = false) UUID staffId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        UUID year = access.year(schoolId, yearId).id();
        return staffId == null ? assignments.ofYear(schoolId, year) : assignments.ofTeacher(schoolId, year, staffId);
    }

    @GetMapping("/my-classes")
    @Operation(summary = "The classes the signed-in teacher is homeroom teacher of or teaches")
    List<Classes.ClassSummary> myClasses(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_DIRECTORY);
        if (user.personId() == null || !schoolId.equals(user.homeOrgId())) {
            return List.of();
        }
        return classes.ofTeacher(schoolId, access.year(schoolId, null).id(), user.personId());
    }

    record SchoolYearView(UUID id, String name, LocalDate startsOn, LocalDate semester1EndsOn, LocalDate semester2StartsOn,
            LocalDate endsOn, boolean current) {
        static SchoolYearView of(SchoolYear year) {
            return new SchoolYearView(year.id(), year.name(), year.startsOn(), year.semester1EndsOn(), year.semester2StartsOn(),
                    year.endsOn(), year.isCurrent());
        }
    }
}
