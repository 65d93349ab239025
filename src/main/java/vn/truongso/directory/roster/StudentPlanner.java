package vn.truongso.directory.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Guardians;
import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.directory.domain.Student;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;
import vn.truongso.platform.VietnameseText;

import static vn.truongso.directory.roster.RosterColumn.Students.*;

/**
 * Plans the "Học sinh" sheet. A student is matched by her learner code (mã định danh), which never changes; her other
 * fields may. Her class of the current year is an open enrolment: a different class moves her (the old enrolment
 * closes). Parents are recognised by phone number across the school, so siblings share one guardian and one account;
 * a parent given without a phone is matched by name among the student's own guardians.
 */
final class StudentPlanner {

    private static final RosterSheet SHEET = RosterSheet.STUDENTS;

    /** A guardian as this import leaves it, and the row that first named her phone. */
    private record PlannedGuardian(Guardian guardian, int row, boolean isNew) {
    }

    private final PlanContext ctx;
    private final Map<String, Student> byCode;
    private final Map<String, Student> byCitizenId;
    private final Map<String, Guardian> guardiansByPhone;
    private final Map<UUID, Guardian> guardiansById;
    private final Map<UUID, Map<Guardian.Relationship, UUID>> guardiansOfStudents;
    private final Map<UUID, SchoolClass> classesById = new HashMap<>();
    private final Map<String, PlannedGuardian> byPhone = new HashMap<>();
    private final Map<UUID, PlannedGuardian> planned = new HashMap<>();

    StudentPlanner(PlanContext ctx) {
        this.ctx = ctx;
        this.byCode = ctx.snapshot.studentsByCode();
        this.byCitizenId = ctx.snapshot.studentsByCitizenId();
        this.guardiansByPhone = ctx.snapshot.guardiansByPhone();
        this.guardiansById = ctx.snapshot.guardiansById();
        this.guardiansOfStudents = ctx.snapshot.guardiansOfStudents();
        ctx.classes.values().forEach(c -> classesById.put(c.id(), c));
    }

    void plan(List<ParsedRoster.StudentRow> rows) {
        for (var row : rows) {
            plan(row);
        }
    }

    private void plan(ParsedRoster.StudentRow row) {
        Student existing = row.learnerCode() == null ? null : byCode.get(row.learnerCode().toUpperCase(Locale.ROOT));
        if (existing != null && existing.status() != Student.Status.STUDYING) {
            ctx.error(SHEET, row.row(), LEARNER_CODE, existing.status() == Student.Status.TRANSFERRED_OUT ? "roster.student.transferredOut"
                    : "roster.student.notStudying", existing.learnerCode(), existing.fullName());
            return;
        }
        if (row.citizenId() != null) {
            Student owner = byCitizenId.get(row.citizenId());
            if (owner != null && (existing == null || !owner.id().equals(existing.id()))) {
                ctx.error(SHEET, row.row(), CITIZEN_ID, "roster.student.citizenIdTaken", row.citizenId(), owner.fullName(), owner.learnerCode());
            }
        }
        SchoolClass schoolClass = row.className() == null ? null : ctx.schoolClass(SHEET, row.row(), CLASS, row.className());

        UUID id = existing == null ? Ids.newId() : existing.id();
        var student = new Student(ctx.schoolId(), id, existing == null ? row.learnerCode() : existing.learnerCode(),
                or(row.citizenId(), existing == null ? null : existing.citizenId()), or(row.fullName(), existing == null ? null : existing.fullName()),
                or(row.birthDate(), existing == null ? null : existing.birthDate()), or(row.sex(), existing == null ? null : existing.sex()),
                or(row.ethnicity(), existing == null ? null : existing.ethnicity()), or(row.birthplace(), existing == null ? null : existing.birthplace()),
                or(row.address(), existing == null ? null : existing.address()), Student.Status.STUDYING);
        var diff = new FieldDiff();
        UUID currentClass = existing == null ? null : ctx.snapshot.classOfStudent().get(existing.id());
        if (existing != null) {
            diff.compare(NAME, existing.fullName(), student.fullName()).compare(BIRTH_DATE, existing.birthDate(), student.birthDate())
                    .compare(SEX, existing.sex(), student.sex()).compare(CITIZEN_ID, existing.citizenId(), student.citizenId())
                    .compare(ETHNICITY, existing.ethnicity(), student.ethnicity()).compare(BIRTHPLACE, existing.birthplace(), student.birthplace())
                    .compare(ADDRESS, existing.address(), student.address());
            if (schoolClass != null) {
                diff.compare(CLASS, className(currentClass), schoolClass.name());
            }
        }
        if (schoolClass != null && !schoolClass.id().equals(currentClass)) {
            ctx.plan.placements.add(new Enrolments.Placement(id, schoolClass.id()));
        }
        Map<Guardian.Relationship, UUID> current = existing == null ? Map.of() : guardiansOfStudents.getOrDefault(existing.id(), Map.of());
        for (var cells : row.guardians()) {
            guardian(row, student, schoolClass, cells, current.get(cells.relationship()), diff);
        }
        ctx.row(SHEET, row.row(), student.learnerCode(), student.fullName(), existing == null, diff);
        if (student.learnerCode() == null || student.fullName() == null || student.birthDate() == null || student.sex() == null) {
            return;
        }
        if (existing == null) {
            ctx.plan.newStudents.add(student);
            ctx.plan.accounts.add(new RosterPlan.AccountRequest(RosterPlan.AccountRequest.Kind.STUDENT, id, student.fullName(),
                    List.of(Role.STUDENT), student.learnerCode(), schoolClass == null ? "" : "Lớp " + schoolClass.name()));
        } else if (!student.equals(existing)) {
            ctx.plan.changedStudents.add(student);
        }
    }

    /** Resolves one parent of the row, plans the guardian record and the link, and adds any change to the diff. */
    private void guardian(ParsedRoster.StudentRow row, Student student, SchoolClass schoolClass, ParsedRoster.GuardianCells cells,
            UUID currentId, FieldDiff diff) {
        Guardian current = currentId == null ? null : state(currentId);
        PlannedGuardian chosen;
        if (cells.phone() != null) {
            chosen = byPhone.get(cells.phone());
            if (chosen != null && !sameName(chosen.guardian().fullName(), cells.name())) {
                ctx.errors.add(vn.truongso.platform.InputError.cell(SHEET.title(), row.row(), cells.phoneColumn(), "roster.guardian.phoneConflict",
                        cells.phone(), chosen.guardian().fullName(), chosen.row()));
                return;
            }
            if (chosen == null) {
                Guardian known = guardiansByPhone.get(cells.phone());
                if (known != null) {
                    chosen = update(state(known.id()), cells.name(), cells.phone(), row.row());
                } else if (current != null && sameName(current.fullName(), cells.name())) {
                    // the same parent with a new number
                    chosen = update(current, cells.name(), cells.phone(), row.row());
                } else {
                    chosen = create(cells.name(), cells.phone(), row.row());
                }
                byPhone.put(cells.phone(), chosen);
            }
        } else if (current != null && sameName(current.fullName(), cells.name())) {
            chosen = update(current, cells.name(), current.phone(), row.row());
        } else {
            chosen = create(cells.name(), null, row.row());
        }
        Guardian after = chosen.guardian();
        diff.compare(cells.nameColumn(), current == null ? null : current.fullName(), after.fullName());
        diff.compare(cells.phoneColumn(), current == null ? null : current.phone(), after.phone());
        if (!after.id().equals(currentId)) {
            if (currentId != null) {
                ctx.plan.unlinks.add(new Guardians.Link(student.id(), currentId, cells.relationship()));
            }
            ctx.plan.links.add(new Guardians.Link(student.id(), after.id(), cells.relationship()));
        }
        if (chosen.isNew()) {
            ctx.plan.childrenOfNewGuardians.computeIfAbsent(after.id(), k -> new ArrayList<>())
                    .add(student.fullName() + (schoolClass == null ? "" : " (" + schoolClass.name() + ")"));
        }
    }

    private PlannedGuardian create(String name, String phone, int row) {
        var guardian = new Guardian(ctx.schoolId(), Ids.newId(), name, phone, null, null);
        var plannedGuardian = new PlannedGuardian(guardian, row, true);
        planned.put(guardian.id(), plannedGuardian);
        ctx.plan.newGuardians.put(guardian.id(), guardian);
        if (phone != null) {
            ctx.plan.accounts.add(new RosterPlan.AccountRequest(RosterPlan.AccountRequest.Kind.GUARDIAN, guardian.id(), name, List.of(Role.PARENT),
                    phone, null));
        }
        return plannedGuardian;
    }

    /** An existing guardian (or one planned earlier in this file) with the row's name and phone. */
    private PlannedGuardian update(Guardian base, String name, String phone, int row) {
        PlannedGuardian earlier = planned.get(base.id());
        var guardian = new Guardian(base.schoolId(), base.id(), name, phone, base.email(), base.citizenId());
        boolean isNew = earlier != null && earlier.isNew();
        var plannedGuardian = new PlannedGuardian(guardian, earlier == null ? row : earlier.row(), isNew);
        planned.put(guardian.id(), plannedGuardian);
        if (isNew) {
            ctx.plan.newGuardians.put(guardian.id(), guardian);
        } else if (!guardian.equals(guardiansById.get(guardian.id()))) {
            ctx.plan.changedGuardians.put(guardian.id(), guardian);
        }
        return plannedGuardian;
    }

    /** A guardian as this import has left her so far. */
    private Guardian state(UUID guardianId) {
        PlannedGuardian plannedGuardian = planned.get(guardianId);
        return plannedGuardian != null ? plannedGuardian.guardian() : guardiansById.get(guardianId);
    }

    private String className(UUID classId) {
        SchoolClass found = classId == null ? null : classesById.get(classId);
        return found == null ? null : found.name();
    }

    private static boolean sameName(String a, String b) {
        return VietnameseText.fold(a).equals(VietnameseText.fold(b));
    }

    private static <T> T or(T fromFile, T existing) {
        return fromFile != null ? fromFile : existing;
    }
}
