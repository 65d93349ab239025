package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SchoolYears {

    private final JdbcClient jdbc;

    SchoolYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SchoolYear> ofSchool(UUID schoolId) {
        return jdbc.sql("SELECT * FROM school_year WHERE school_id = ? ORDER BY start_year DESC").param(schoolId).query(SchoolYear.class).list();
    }

    public Optional<SchoolYear> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM school_year WHERE school_id = ? AND id = ?").params(schoolId, id).query(SchoolYear.class).optional();
    }

    public Optional<SchoolYear> current(UUID schoolId) {
        return jdbc.sql("SELECT * FROM school_year WHERE school_id = ? AND is_current").param(schoolId).query(SchoolYear.class).optional();
    }

    public void add(SchoolYear year) {
        if (year.isCurrent()) {
            jdbc.sql("UPDATE school_year SET is_current = false WHERE school_id = ? AND is_current").param(year.schoolId()).update();
        }
        jdbc.sql("""
                INSERT INTO school_year (school_id, id, start_year, starts_on, semester1_ends_on, semester2_starts_on, ends_on, is_current)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(year.schoolId(), year.id(), year.startYear(), year.startsOn(), year.semester1EndsOn(), year.semester2StartsOn(),
                        year.endsOn(), year.isCurrent())
                .update();
    }
}
