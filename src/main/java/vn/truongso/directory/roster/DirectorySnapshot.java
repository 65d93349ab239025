package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.School;
import vn.truongso.directory.domain.SchoolYear;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.StaffMember;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignments;

/**
 * The school's directory as a roster import compares against it, read in a handful of queries (never one per row) and
 * indexed by what the sheets match on.
 */
record DirectorySnapshot(School school, SchoolYear year, List<StaffMember> staff, List<SubjectGroups.SubjectGroupSummary> groups,
        List<Classes.ClassSummary> classes, List<Student> students, Map<UUID, UUID> classOfStudent, List<Guardian> guardians,
        List<Guardians.Link> links, List<TeachingAssignments.AssignmentView> assignments, SubjectCatalog subjects) {

    Map<UUID, StaffMember> staffById() {
        return staff.stream().collect(Collectors.toMap(StaffMember::id, s -> s));
    }

    /** Staff codes as written. */
    Map<String, StaffMember> staffByCode() {
        Map<String, StaffMember> index = new HashMap<>();
        staff.stream().filter(s -> s.staffCode() != null).forEach(s -> index.put(s.staffCode().toUpperCase(Locale.ROOT), s));
        return index;
    }

    Map<String, StaffMember> staffByEmail() {
        Map<String, StaffMember> index = new HashMap<>();
        staff.stream().filter(s -> s.email() != null).forEach(s -> index.put(s.email().toLowerCase(Locale.ROOT), s));
        return index;
    }

    Map<String, List<StaffMember>> staffByName() {
        Map<String, List<StaffMember>> index = new HashMap<>();
        staff.forEach(s -> index.computeIfAbsent(nameKey(s.fullName()), k -> new ArrayList<>()).add(s));
        return index;
    }

    Map<String, SubjectGroups.SubjectGroupSummary> groupsByName() {
        Map<String, SubjectGroups.SubjectGroupSummary> index = new HashMap<>();
        groups.forEach(g -> index.put(nameKey(g.name()), g));
        return index;
    }

    Map<String, Classes.ClassSummary> classesByKey() {
        Map<String, Classes.ClassSummary> index = new HashMap<>();
        classes.forEach(c -> index.put(ClassSheetParser.key(c.name()), c));
        return index;
    }

    Map<String, Student> studentsByCode() {
        return students.stream().collect(Collectors.toMap(s -> s.learnerCode().toUpperCase(Locale.ROOT), s -> s, (a, b) -> a));
    }

    Map<String, Student> studentsByCitizenId() {
        return students.stream().filter(s -> s.citizenId() != null).collect(Collectors.toMap(Student::citizenId, s -> s, (a, b) -> a));
    }

    Map<UUID, Guardian> guardiansById() {
        return guardians.stream().collect(Collectors.toMap(Guardian::id, g -> g));
    }

    /** Parents are recognised by phone; of several records with one phone the oldest wins, as Guardians.byPhone does. */
    Map<String, Guardian> guardiansByPhone() {
        Map<String, Guardian> index = new HashMap<>();
        guardians.stream().filter(g -> g.phone() != null).sorted(java.util.Comparator.comparing(Guardian::id))
                .forEach(g -> index.putIfAbsent(g.phone(), g));
        return index;
    }

    /** Student id → her guardians by relationship (the first link of each relationship). */
    Map<UUID, Map<Guardian.Relationship, UUID>> guardiansOfStudents() {
        Map<UUID, Map<Guardian.Relationship, UUID>> index = new HashMap<>();
        links.stream().sorted(java.util.Comparator.comparing(Guardians.Link::guardianId))
                .forEach(l -> index.computeIfAbsent(l.studentId(), k -> new java.util.EnumMap<>(Guardian.Relationship.class))
                        .putIfAbsent(l.relationship(), l.guardianId()));
        return index;
    }

    /** "6A1/TOAN" → the assignment. */
    Map<String, TeachingAssignments.AssignmentView> assignmentsByKey() {
        Map<String, TeachingAssignments.AssignmentView> index = new HashMap<>();
        assignments.forEach(a -> index.put(assignmentKey(a.className(), a.subjectCode()), a));
        return index;
    }

    Set<String> subjectCodes() {
        return new HashSet<>(assignments.stream().map(TeachingAssignments.AssignmentView::subjectCode).toList());
    }

    static String assignmentKey(String className, String subjectCode) {
        return ClassSheetParser.key(className) + "/" + subjectCode;
    }

    /** Names compare exactly but for case: "Nguyễn Văn An" and "Nguyễn Văn Ân" are two people. */
    static String nameKey(String name) {
        return name == null ? null : vn.truongso.platform.VietnameseText.clean(name).toLowerCase(Locale.ROOT);
    }

    @Component
    static class Loader {

        private final StaffDirectory staff;
        private final SubjectGroups groups;
        private final Classes classes;
        private final Students students;
        private final Enrolments enrolments;
        private final Guardians guardians;
        private final TeachingAssignments assignments;
        private final SubjectCatalog subjects;

        Loader(StaffDirectory staff, SubjectGroups groups, Classes classes, Students students, Enrolments enrolments, Guardians guardians,
                TeachingAssignments assignments, SubjectCatalog subjects) {
            this.staff = staff;
            this.groups = groups;
            this.classes = classes;
            this.students = students;
            this.enrolments = enrolments;
            this.guardians = guardians;
            this.assignments = assignments;
            this.subjects = subjects;
        }

        DirectorySnapshot load(School school, SchoolYear year) {
            UUID schoolId = school.schoolId();
            Map<UUID, UUID> classOfStudent = new HashMap<>();
            enrolments.openInYear(schoolId, year.id()).forEach(p -> classOfStudent.put(p.studentId(), p.classId()));
            return new DirectorySnapshot(school, year, staff.all(schoolId), groups.ofSchool(schoolId), classes.ofYear(schoolId, year.id()),
                    students.all(schoolId), classOfStudent, guardians.all(schoolId), guardians.links(schoolId),
                    assignments.ofYear(schoolId, year.id()), subjects);
        }
    }
}
