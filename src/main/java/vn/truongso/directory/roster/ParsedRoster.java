package vn.truongso.directory.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.truongso.directory.domain.Guardian;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StaffPosition;

/**
 * The rows of an uploaded roster with their cells typed. A cell that could not be read is null here (its error is
 * already reported), so later checks skip it instead of reporting it twice.
 */
record ParsedRoster(Set<RosterSheet> sheets, List<StaffRow> staff, List<ClassRow> classes, List<StudentRow> students,
        List<AssignmentRow> assignments) {

    boolean isEmpty() {
        return staff.isEmpty() && classes.isEmpty() && students.isEmpty() && assignments.isEmpty();
    }

    record StaffRow(int row, String code, String fullName, LocalDate birthDate, Sex sex, String citizenId, StaffPosition position,
            String group, boolean head, String email, String phone) {
    }

    record ClassRow(int row, String name, Integer grade, String homeroom) {
    }

    record StudentRow(int row, String learnerCode, String fullName, LocalDate birthDate, Sex sex, String citizenId, String ethnicity,
            String birthplace, String address, String className, List<GuardianCells> guardians) {

        GuardianCells guardian(Guardian.Relationship relationship) {
            return guardians.stream().filter(g -> g.relationship() == relationship).findFirst().orElse(null);
        }
    }

    /** The name and phone of a father, mother or guardian as one row gives them; absent when both cells are blank. */
    record GuardianCells(Guardian.Relationship relationship, String name, String phone, String nameColumn, String phoneColumn) {
    }

    record AssignmentRow(int row, String teacher, String subject, String className) {
    }
}
