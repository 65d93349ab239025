package vn.truongso.directory.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Năm học: from {@code startsOn} to {@code endsOn}, split into học kỳ I and học kỳ II. */
public record SchoolYear(UUID schoolId, UUID id, int startYear, LocalDate startsOn, LocalDate semester1EndsOn,
        LocalDate semester2StartsOn, LocalDate endsOn, boolean isCurrent) {

    /** "2025-2026", the way every Vietnamese form names a school year. */
    public String name() {
        return startYear + "-" + (startYear + 1);
    }

    /** 1 or 2 for a date inside the year, 0 for a date outside it (including the break between semesters). */
    public int semesterOf(LocalDate date) {
        if (!date.isBefore(startsOn) && !date.isAfter(semester1EndsOn)) {
            return 1;
        }
        if (!date.isBefore(semester2StartsOn) && !date.isAfter(endsOn)) {
            return 2;
        }
        return 0;
    }
}
