package vn.truongso.directory.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.truongso.platform.InputError;

/**
 * Compares a parsed roster with the directory: which rows create, change or leave records as they are, which cells
 * name something that does not exist, and the full plan of writes. Changes nothing.
 */
final class RosterPlanner {

    record Planned(RosterPlan plan, List<RosterPreview.Row> rows, List<RosterPreview.SheetCounts> counts) {
    }

    private RosterPlanner() {
    }

    static Planned plan(ParsedRoster roster, DirectorySnapshot snapshot, LocalDate today, List<InputError> errors) {
        RosterValidator.check(roster, errors);
        var ctx = new PlanContext(snapshot, errors);
        new StaffPlanner(ctx).plan(roster.staff());
        new ClassPlanner(ctx).plan(roster.classes());
        new StudentPlanner(ctx).plan(roster.students());
        new AssignmentPlanner(ctx).plan(roster.assignments());
        var year = snapshot.year();
        ctx.plan.enrolmentStartsOn = today.isBefore(year.startsOn()) ? year.startsOn() : today.isAfter(year.endsOn()) ? year.endsOn() : today;

        List<RosterPreview.SheetCounts> counts = new ArrayList<>();
        for (RosterSheet sheet : RosterSheet.values()) {
            if (!roster.sheets().contains(sheet)) {
                continue;
            }
            int created = 0;
            int changed = 0;
            int unchanged = 0;
            for (var row : ctx.rows) {
                if (row.sheet() == sheet) {
                    switch (row.status()) {
                        case NEW -> created++;
                        case CHANGED -> changed++;
                        case UNCHANGED -> unchanged++;
                    }
                }
            }
            counts.add(new RosterPreview.SheetCounts(sheet, created, changed, unchanged));
        }
        return new Planned(ctx.plan, List.copyOf(ctx.rows), counts);
    }
}
