package vn.truongso.directory.domain;

import java.util.UUID;

/** A school's profile; its id is its org unit's id and the tenant key of every row it owns. */
public record School(UUID schoolId, String code, String name, UUID parentId, SchoolLevel level, Ownership ownership,
        int lowestGrade, int highestGrade, String address, String phone, String email) {

    public enum Ownership { PUBLIC, PRIVATE }

    public boolean teachesGrade(int grade) {
        return grade >= lowestGrade && grade <= highestGrade;
    }
}
