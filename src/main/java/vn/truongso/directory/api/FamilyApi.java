package vn.truongso.directory.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.SchoolYears;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.Students;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/** What a student sees of herself and a parent of his children: never anyone else's record. */
@RestController
@Tag(name = "Family", description = "A student's own record and a parent's children")
class FamilyApi {

    private final Students students;
    private final Guardians guardians;
    private final Enrolments enrolments;
    private final SchoolYears years;
    private final Classes classes;

    FamilyApi(Students students, Guardians guardians, Enrolments enrolments, SchoolYears years, Classes classes) {
        this.students = students;
        this.guardians = guardians;
        this.enrolments = enrolments;
        this.years = years;
        this.classes = classes;
    }

    record MyStudent(UUID schoolId, Student student, Classes.ClassSummary currentClass) {
    }

    @GetMapping("/api/v1/me/students")
    @Operation(summary = "The signed-in student's own record, or the signed-in parent's children, with their current class")
    List<MyStudent> myStudents(CurrentUser user) {
        List<MyStudent> result = new ArrayList<>();
        if (user.personId() == null) {
            return result;
        }
        for (RoleGrant grant : user.grants()) {
            UUID schoolId = grant.orgUnitId();
            if (grant.role() == Role.STUDENT) {
                students.find(schoolId, user.personId()).ifPresent(s -> result.add(withClass(schoolId, s)));
            } else if (grant.role() == Role.PARENT) {
                guardians.childrenOf(schoolId, user.personId()).forEach(child ->
                        students.find(schoolId, child.id()).ifPresent(s -> result.add(withClass(schoolId, s))));
            }
        }
        return result;
    }

    private MyStudent withClass(UUID schoolId, Student student) {
        var currentClass = years.current(schoolId)
                .flatMap(year -> enrolments.openClass(schoolId, student.id(), year.id()))
                .flatMap(classId -> classes.find(schoolId, classId)).orElse(null);
        return new MyStudent(schoolId, student, currentClass);
    }
}
