package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Schools {

    private static final String SELECT = """
            SELECT s.school_id, o.code, o.name, o.parent_id, s.level, s.ownership, s.lowest_grade, s.highest_grade, s.address, s.phone, s.email
            FROM school s JOIN org_unit o ON o.id = s.school_id""";

    private final JdbcClient jdbc;

    Schools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<School> find(UUID schoolId) {
        return jdbc.sql(SELECT + " WHERE s.school_id = ?").param(schoolId).query(School.class).optional();
    }

    public List<School> all(List<UUID> schoolIds) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE s.school_id IN (:ids) ORDER BY o.name COLLATE vi_vn").param("ids", schoolIds).query(School.class).list();
    }

    /** Adds the profile of a school whose org unit already exists. */
    public void add(School school) {
        jdbc.sql("""
                INSERT INTO school (school_id, level, ownership, lowest_grade, highest_grade, address, phone, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(school.schoolId(), school.level().name(), school.ownership().name(), school.lowestGrade(), school.highestGrade(),
                        school.address(), school.phone(), school.email())
                .update();
    }
}
