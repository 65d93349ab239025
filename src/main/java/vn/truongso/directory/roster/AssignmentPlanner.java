package vn.truongso.directory.roster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.directory.domain.TeachingAssignment;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.Ids;

import static vn.truongso.directory.roster.RosterColumn.Assignments.*;

/** Plans the "Phân công" sheet: one teacher per subject and class in the current year, matched by class and subject. */
final class AssignmentPlanner {

    private static final RosterSheet SHEET = RosterSheet.ASSIGNMENTS;

    private final PlanContext ctx;
    private final Map<String, TeachingAssignments.AssignmentView> existing;
    private final Set<String> schoolCodes;

    AssignmentPlanner(PlanContext ctx) {
        this.ctx = ctx;
        this.existing = ctx.snapshot.assignmentsByKey();
        this.schoolCodes = ctx.snapshot.subjectCodes();
    }

    void plan(List<ParsedRoster.AssignmentRow> rows) {
        for (var row : rows) {
            SchoolClass schoolClass = row.className() == null ? null : ctx.schoolClass(SHEET, row.row(), CLASS, row.className());
            String subject = row.subject() == null ? null : ctx.snapshot.subjects().resolve(row.subject(), schoolCodes).orElse(null);
            if (row.subject() != null && subject == null) {
                ctx.error(SHEET, row.row(), SUBJECT, "roster.subject.unknown", row.subject());
            }
            UUID teacher = row.teacher() == null ? null : ctx.teacher(SHEET, row.row(), TEACHER, row.teacher());
            if (schoolClass == null || subject == null) {
                continue;
            }
            var current = existing.get(DirectorySnapshot.assignmentKey(schoolClass.name(), subject));
            String key = schoolClass.name() + " / " + subject;
            String label = ctx.teachers.name(teacher) + " – " + ctx.snapshot.subjects().name(subject);
            if (current == null) {
                ctx.row(SHEET, row.row(), key, label, true, new FieldDiff());
            } else {
                var diff = new FieldDiff().compare(TEACHER, current.teacherName(), ctx.teachers.name(teacher));
                ctx.row(SHEET, row.row(), key, label, false, Objects.equals(current.staffId(), teacher) ? new FieldDiff() : diff);
            }
            if (teacher != null && (current == null || !current.staffId().equals(teacher))) {
                ctx.plan.assignments.add(new TeachingAssignment(ctx.schoolId(), Ids.newId(), ctx.snapshot.year().id(), teacher, subject,
                        schoolClass.id()));
            }
        }
    }
}
