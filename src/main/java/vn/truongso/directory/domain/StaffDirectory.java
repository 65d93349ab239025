package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.platform.VietnameseText;

/** The staff of a school (cán bộ, giáo viên, nhân viên). */
@Repository
public class StaffDirectory {

    public record StaffListItem(UUID id, String staffCode, String fullName, StaffPosition position, String subjectGroup, String email,
            String phone, boolean active) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StaffDirectory(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<StaffMember> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM staff WHERE school_id = ? AND id = ?").params(schoolId, id).query(StaffMember.class).optional();
    }

    public Optional<StaffMember> byCode(UUID schoolId, String staffCode) {
        return jdbc.sql("SELECT * FROM staff WHERE school_id = ? AND staff_code = ?").params(schoolId, staffCode).query(StaffMember.class).optional();
    }

    public Optional<StaffMember> byEmail(UUID schoolId, String email) {
        return jdbc.sql("SELECT * FROM staff WHERE school_id = ? AND lower(email) = lower(?)").params(schoolId, email)
                .query(StaffMember.class).optional();
    }

    public List<StaffMember> all(UUID schoolId) {
        return jdbc.sql("SELECT * FROM staff WHERE school_id = ? ORDER BY given_name COLLATE vi_vn, full_name COLLATE vi_vn").param(schoolId)
                .query(StaffMember.class).list();
    }

    public Page<StaffListItem> search(UUID schoolId, String query, int page, int size) {
        List<String> words = NameSearch.words(query);
        String where = " WHERE s.school_id = :school" + NameSearch.condition("s.name_folded", words);
        var count = jdbc.sql("SELECT count(*) FROM staff s" + where).param("school", schoolId);
        var select = jdbc.sql("""
                SELECT s.id, s.staff_code, s.full_name, s.position, g.name AS subject_group, s.email, s.phone, s.active
                FROM staff s LEFT JOIN subject_group g ON g.school_id = s.school_id AND g.id = s.subject_group_id""" + where
                + " ORDER BY s.given_name COLLATE vi_vn, s.full_name COLLATE vi_vn LIMIT :limit OFFSET :offset")
                .param("school", schoolId).param("limit", size).param("offset", (long) page * size);
        NameSearch.bind(count, words);
        NameSearch.bind(select, words);
        return new Page<>(select.query(StaffListItem.class).list(), page, size, count.query(Long.class).single());
    }

    public void add(StaffMember staff) {
        jdbc.sql("""
                INSERT INTO staff (school_id, id, staff_code, full_name, given_name, name_folded, birth_date, sex, citizen_id, position,
                                   subject_group_id, email, phone, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(staff.schoolId(), staff.id(), staff.staffCode(), staff.fullName(), VietnameseText.givenName(staff.fullName()),
                        VietnameseText.fold(staff.fullName()), staff.birthDate(), staff.sex() == null ? null : staff.sex().name(),
                        staff.citizenId(), staff.position().name(), staff.subjectGroupId(), staff.email(), staff.phone(), staff.active())
                .update();
    }

    public void update(StaffMember staff) {
        jdbc.sql("""
                UPDATE staff SET staff_code = ?, full_name = ?, given_name = ?, name_folded = ?, birth_date = ?, sex = ?, citizen_id = ?,
                                 position = ?, subject_group_id = ?, email = ?, phone = ?, active = ?
                WHERE school_id = ? AND id = ?""")
                .params(staff.staffCode(), staff.fullName(), VietnameseText.givenName(staff.fullName()), VietnameseText.fold(staff.fullName()),
                        staff.birthDate(), staff.sex() == null ? null : staff.sex().name(), staff.citizenId(), staff.position().name(),
                        staff.subjectGroupId(), staff.email(), staff.phone(), staff.active(), staff.schoolId(), staff.id())
                .update();
    }

    /** Adds many staff members in one batch. */
    public void addAll(List<StaffMember> members) {
        batch.batchUpdate("""
                INSERT INTO staff (school_id, id, staff_code, full_name, given_name, name_folded, birth_date, sex, citizen_id, position,
                                   subject_group_id, email, phone, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", members.stream().map(s -> new Object[] {s.schoolId(), s.id(),
                s.staffCode(), s.fullName(), VietnameseText.givenName(s.fullName()), VietnameseText.fold(s.fullName()), s.birthDate(),
                s.sex() == null ? null : s.sex().name(), s.citizenId(), s.position().name(), s.subjectGroupId(), s.email(), s.phone(),
                s.active()}).toList());
    }

    /** {@link #update} for many staff members in one batch. */
    public void updateAll(List<StaffMember> members) {
        batch.batchUpdate("""
                UPDATE staff SET staff_code = ?, full_name = ?, given_name = ?, name_folded = ?, birth_date = ?, sex = ?, citizen_id = ?,
                                 position = ?, subject_group_id = ?, email = ?, phone = ?, active = ?
                WHERE school_id = ? AND id = ?""", members.stream().map(s -> new Object[] {s.staffCode(), s.fullName(),
                VietnameseText.givenName(s.fullName()), VietnameseText.fold(s.fullName()), s.birthDate(), s.sex() == null ? null : s.sex().name(),
                s.citizenId(), s.position().name(), s.subjectGroupId(), s.email(), s.phone(), s.active(), s.schoolId(), s.id()}).toList());
    }
}
