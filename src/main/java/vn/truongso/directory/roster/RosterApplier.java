package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.StaffDirectory;
import vn.truongso.directory.domain.Students;
import vn.truongso.directory.domain.SubjectGroups;
import vn.truongso.directory.domain.TeachingAssignments;

/**
 * Writes a plan, in batches and in the order the foreign keys need: subject groups, staff, group heads, classes,
 * students, guardians and their links, enrolments, teaching assignments, then the accounts. It runs inside the
 * caller's transaction, so a failure anywhere leaves the directory as it was.
 */
@Component
class RosterApplier {

    private final SubjectGroups groups;
    private final StaffDirectory staff;
    private final Classes classes;
    private final Students students;
    private final Guardians guardians;
    private final Enrolments enrolments;
    private final TeachingAssignments assignments;
    private final AccountIssuer accounts;

    RosterApplier(SubjectGroups groups, StaffDirectory staff, Classes classes, Students students, Guardians guardians, Enrolments enrolments,
            TeachingAssignments assignments, AccountIssuer accounts) {
        this.groups = groups;
        this.staff = staff;
        this.classes = classes;
        this.students = students;
        this.guardians = guardians;
        this.enrolments = enrolments;
        this.assignments = assignments;
        this.accounts = accounts;
    }

    List<RosterCommitResult.Credential> apply(UUID schoolId, UUID schoolYearId, RosterPlan plan) {
        plan.newGroups.forEach(groups::add);
        staff.addAll(plan.newStaff);
        staff.updateAll(plan.changedStaff);
        plan.heads.forEach(head -> groups.setHead(schoolId, head.groupId(), head.staffId()));
        classes.addAll(plan.newClasses);
        classes.updateAll(plan.changedClasses);
        students.addAll(plan.newStudents);
        students.updateAll(plan.changedStudents);
        guardians.addAll(new ArrayList<>(plan.newGuardians.values()));
        guardians.updateAll(new ArrayList<>(plan.changedGuardians.values()));
        guardians.unlinkAll(schoolId, plan.unlinks);
        guardians.linkAll(schoolId, plan.links);
        enrolments.enrolAll(schoolId, schoolYearId, plan.placements, plan.enrolmentStartsOn);
        assignments.assignAll(plan.assignments);
        return accounts.issue(schoolId, plan.accounts, plan.childrenOfNewGuardians);
    }
}
