package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.StaffMember;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignments;

/**
 * The rows of a whole-school export, in the template's columns: every staff member, the classes of the current year,
 * the students studying in them (by class, then in Vietnamese name order) with their parents, and the assignments.
 * Every value is written the way the import reads it back, so the round trip changes nothing.
 */
final class SchoolExport {

    private SchoolExport() {
    }

    static RosterWorkbookWriter.Content rows(DirectorySnapshot snapshot) {
        var teachers = new TeacherDirectory(snapshot.staff());
        Map<UUID, String> groupNames = new HashMap<>();
        Map<UUID, UUID> headOfGroup = new HashMap<>();
        for (SubjectGroups.SubjectGroupSummary group : snapshot.groups()) {
            groupNames.put(group.id(), group.name());
            headOfGroup.put(group.id(), group.headStaffId());
        }
        Collator collator = Collator.getInstance(new ULocale("vi_VN"));

        List<List<Object>> staff = new ArrayList<>();
        snapshot.staff().stream().sorted(Comparator.comparing((StaffMember s) -> vn.truongso.platform.VietnameseText.givenName(s.fullName()),
                collator::compare).thenComparing(StaffMember::fullName, collator::compare)).forEach(s -> staff.add(Arrays.asList(
                s.staffCode(), s.fullName(), s.birthDate(), Labels.sex(s.sex()), s.citizenId(), Labels.position(s.position()),
                groupNames.get(s.subjectGroupId()), s.subjectGroupId() != null && s.id().equals(headOfGroup.get(s.subjectGroupId())) ? "x" : null,
                s.email(), s.phone())));

        List<List<Object>> classes = new ArrayList<>();
        Map<UUID, Integer> classOrder = new HashMap<>();
        for (Classes.ClassSummary c : snapshot.classes()) {
            classOrder.put(c.id(), classOrder.size());
            classes.add(Arrays.asList(c.name(), c.grade(), c.homeroomStaffId() == null ? null : teachers.reference(c.homeroomStaffId())));
        }

        Map<UUID, String> classNames = new HashMap<>();
        snapshot.classes().forEach(c -> classNames.put(c.id(), c.name()));
        var guardiansById = snapshot.guardiansById();
        var guardiansOf = snapshot.guardiansOfStudents();
        List<List<Object>> students = new ArrayList<>();
        snapshot.students().stream()
                .filter(s -> s.status() == Student.Status.STUDYING && classOrder.containsKey(snapshot.classOfStudent().get(s.id())))
                .sorted(Comparator.comparing((Student s) -> classOrder.get(snapshot.classOfStudent().get(s.id())))
                        .thenComparing(s -> vn.truongso.platform.VietnameseText.givenName(s.fullName()), collator::compare)
                        .thenComparing(Student::fullName, collator::compare))
                .forEach(s -> {
                    Map<Guardian.Relationship, UUID> parents = guardiansOf.getOrDefault(s.id(), Map.of());
                    List<Object> row = new ArrayList<>(Arrays.asList(s.learnerCode(), s.fullName(), s.birthDate(), Labels.sex(s.sex()),
                            s.citizenId(), s.ethnicity(), s.birthplace(), s.address(), classNames.get(snapshot.classOfStudent().get(s.id()))));
                    for (Guardian.Relationship relationship : Guardian.Relationship.values()) {
                        Guardian guardian = guardiansById.get(parents.get(relationship));
                        row.add(guardian == null ? null : guardian.fullName());
                        row.add(guardian == null ? null : guardian.phone());
                    }
                    students.add(row);
                });

        List<List<Object>> assignments = new ArrayList<>();
        snapshot.assignments().stream()
                .sorted(Comparator.comparing((TeachingAssignments.AssignmentView a) -> classOrder.getOrDefault(a.classId(), Integer.MAX_VALUE))
                        .thenComparing(TeachingAssignments.AssignmentView::subjectCode))
                .forEach(a -> assignments.add(Arrays.asList(teachers.reference(a.staffId()), snapshot.subjects().name(a.subjectCode()), a.className())));
        return new RosterWorkbookWriter.Content(staff, classes, students, assignments);
    }
}
