package vn.truongso.directory.roster;

import java.util.List;
import java.util.UUID;

import vn.truongso.directory.domain.Classes;
import vn.truongso.directory.domain.SchoolClass;
import vn.truongso.platform.Ids;

import static vn.truongso.directory.roster.RosterColumn.Classes.*;

/** Plans the "Lớp" sheet: classes of the current school year, matched by name, with their grade and homeroom teacher. */
final class ClassPlanner {

    private static final RosterSheet SHEET = RosterSheet.CLASSES;

    private final PlanContext ctx;

    ClassPlanner(PlanContext ctx) {
        this.ctx = ctx;
        for (Classes.ClassSummary c : ctx.snapshot.classes()) {
            ctx.classes.put(ClassSheetParser.key(c.name()),
                    new SchoolClass(c.schoolId(), c.id(), c.schoolYearId(), c.grade(), c.name(), c.homeroomStaffId()));
        }
    }

    void plan(List<ParsedRoster.ClassRow> rows) {
        var school = ctx.snapshot.school();
        for (var row : rows) {
            if (row.grade() != null && !school.teachesGrade(row.grade())) {
                ctx.error(SHEET, row.row(), GRADE, "roster.class.gradeNotTaught", row.grade(), school.lowestGrade(), school.highestGrade());
            }
            if (row.name() != null && row.grade() != null) {
                String leadingDigits = row.name().replaceFirst("^(\\d+).*$", "$1");
                if (!leadingDigits.equals(row.name()) && !leadingDigits.isEmpty() && Integer.parseInt(leadingDigits) != row.grade()) {
                    ctx.error(SHEET, row.row(), GRADE, "roster.class.gradeMismatch", row.name(), row.grade());
                }
            }
            UUID homeroom = row.homeroom() == null ? null : ctx.teacher(SHEET, row.row(), HOMEROOM, row.homeroom());
            if (row.name() == null) {
                continue;
            }
            SchoolClass existing = ctx.classes.get(ClassSheetParser.key(row.name()));
            if (existing == null) {
                var created = new SchoolClass(ctx.schoolId(), Ids.newId(), ctx.snapshot.year().id(), row.grade() == null ? 0 : row.grade(),
                        row.name(), homeroom);
                ctx.classes.put(ClassSheetParser.key(row.name()), created);
                ctx.plan.newClasses.add(created);
                ctx.row(SHEET, row.row(), created.name(), label(created), true, new FieldDiff());
                continue;
            }
            var updated = new SchoolClass(existing.schoolId(), existing.id(), existing.schoolYearId(),
                    row.grade() == null ? existing.grade() : row.grade(), existing.name(),
                    row.homeroom() == null ? existing.homeroomStaffId() : homeroom);
            var diff = new FieldDiff().compare(GRADE, existing.grade(), updated.grade())
                    .compare(HOMEROOM, ctx.teachers.name(existing.homeroomStaffId()), ctx.teachers.name(updated.homeroomStaffId()));
            if (!diff.isEmpty()) {
                ctx.plan.changedClasses.add(updated);
            }
            ctx.classes.put(ClassSheetParser.key(row.name()), updated);
            ctx.row(SHEET, row.row(), existing.name(), label(updated), false, diff);
        }
    }

    private String label(SchoolClass schoolClass) {
        String teacher = ctx.teachers.name(schoolClass.homeroomStaffId());
        return "Khối " + schoolClass.grade() + (teacher == null ? "" : " – GVCN " + teacher);
    }
}
