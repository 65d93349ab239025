package vn.truongso.directory.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.directory.domain.StaffMember;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.SubjectGroup;
import vn.truongso.directory.domain.TeachingAssignment;
import vn.truongso.platform.Role;

/**
 * Everything a commit will write, worked out in full before the first write. Mutable while the planners fill it;
 * the applier only reads it.
 */
final class RosterPlan {

    /** The account a new person receives; the username is chosen when the account is created. */
    record AccountRequest(Kind kind, UUID personId, String displayName, List<Role> roles, String preferredUsername, String note) {

        enum Kind { STAFF, STUDENT, GUARDIAN }
    }

    record GroupHead(UUID groupId, UUID staffId) {
    }

    final List<SubjectGroup> newGroups = new ArrayList<>();
    final List<StaffMember> newStaff = new ArrayList<>();
    final List<StaffMember> changedStaff = new ArrayList<>();
    final List<GroupHead> heads = new ArrayList<>();
    final List<SchoolClass> newClasses = new ArrayList<>();
    final List<SchoolClass> changedClasses = new ArrayList<>();
    final List<Student> newStudents = new ArrayList<>();
    final List<Student> changedStudents = new ArrayList<>();
    /** Keyed by id: several rows may touch one guardian (siblings); the last state wins, and all rows agree on it. */
    final Map<UUID, Guardian> newGuardians = new LinkedHashMap<>();
    final Map<UUID, Guardian> changedGuardians = new LinkedHashMap<>();
    final List<Guardians.Link> unlinks = new ArrayList<>();
    final List<Guardians.Link> links = new ArrayList<>();
    final List<Enrolments.Placement> placements = new ArrayList<>();
    final List<TeachingAssignment> assignments = new ArrayList<>();
    final List<AccountRequest> accounts = new ArrayList<>();
    /** Students linked to each new guardian in this import: the note on the parent's credentials. */
    final Map<UUID, List<String>> childrenOfNewGuardians = new LinkedHashMap<>();
    LocalDate enrolmentStartsOn;
}
