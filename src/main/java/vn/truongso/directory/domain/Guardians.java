package vn.truongso.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.platform.VietnameseText;

@Repository
public class Guardians {

    public record LinkedGuardian(UUID id, String fullName, String phone, String email, Guardian.Relationship relationship) {
    }

    public record LinkedStudent(UUID id, String learnerCode, String fullName, Guardian.Relationship relationship) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Guardians(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Guardian> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM guardian WHERE school_id = ? AND id = ?").params(schoolId, id).query(Guardian.class).optional();
    }

    /** Parents are recognised by phone number: siblings in one school share one guardian record and one account. */
    public Optional<Guardian> byPhone(UUID schoolId, String phone) {
        return jdbc.sql("SELECT * FROM guardian WHERE school_id = ? AND phone = ? ORDER BY id LIMIT 1").params(schoolId, phone)
                .query(Guardian.class).optional();
    }

    public List<LinkedGuardian> ofStudent(UUID schoolId, UUID studentId) {
        return jdbc.sql("""
                SELECT g.id, g.full_name, g.phone, g.email, l.relationship FROM student_guardian l
                JOIN guardian g ON g.school_id = l.school_id AND g.id = l.guardian_id
                WHERE l.school_id = ? AND l.student_id = ? ORDER BY l.relationship, g.full_name""").params(schoolId, studentId)
                .query(LinkedGuardian.class).list();
    }

    public List<LinkedStudent> childrenOf(UUID schoolId, UUID guardianId) {
        return jdbc.sql("""
                SELECT s.id, s.learner_code, s.full_name, l.relationship FROM student_guardian l
                JOIN student s ON s.school_id = l.school_id AND s.id = l.student_id
                WHERE l.school_id = ? AND l.guardian_id = ? ORDER BY s.given_name COLLATE vi_vn""").params(schoolId, guardianId)
                .query(LinkedStudent.class).list();
    }

    public void add(Guardian guardian) {
        jdbc.sql("INSERT INTO guardian (school_id, id, full_name, name_folded, phone, email, citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(guardian.schoolId(), guardian.id(), guardian.fullName(), VietnameseText.fold(guardian.fullName()), guardian.phone(),
                        guardian.email(), guardian.citizenId())
                .update();
    }

    public void update(Guardian guardian) {
        jdbc.sql("UPDATE guardian SET full_name = ?, name_folded = ?, phone = ?, email = ?, citizen_id = ? WHERE school_id = ? AND id = ?")
                .params(guardian.fullName(), VietnameseText.fold(guardian.fullName()), guardian.phone(), guardian.email(), guardian.citizenId(),
                        guardian.schoolId(), guardian.id())
                .update();
    }

    /** Links or re-labels a guardian of a student. */
    public void link(UUID schoolId, UUID studentId, UUID guardianId, Guardian.Relationship relationship) {
        jdbc.sql("""
                INSERT INTO student_guardian (school_id, student_id, guardian_id, relationship) VALUES (?, ?, ?, ?)
                ON CONFLICT (school_id, student_id, guardian_id) DO UPDATE SET relationship = EXCLUDED.relationship""")
                .params(schoolId, studentId, guardianId, relationship.name()).update();
    }

    /** A student–guardian link. */
    public record Link(UUID studentId, UUID guardianId, Guardian.Relationship relationship) {
    }

    public List<Guardian> all(UUID schoolId) {
        return jdbc.sql("SELECT * FROM guardian WHERE school_id = ?").param(schoolId).query(Guardian.class).list();
    }

    /** Every student–guardian link of the school. */
    public List<Link> links(UUID schoolId) {
        return jdbc.sql("SELECT student_id, guardian_id, relationship FROM student_guardian WHERE school_id = ?").param(schoolId)
                .query(Link.class).list();
    }

    /** Adds many guardians in one batch. */
    public void addAll(List<Guardian> guardians) {
        batch.batchUpdate("INSERT INTO guardian (school_id, id, full_name, name_folded, phone, email, citizen_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                guardians.stream().map(g -> new Object[] {g.schoolId(), g.id(), g.fullName(), VietnameseText.fold(g.fullName()), g.phone(),
                        g.email(), g.citizenId()}).toList());
    }

    /** {@link #update} for many guardians in one batch. */
    public void updateAll(List<Guardian> guardians) {
        batch.batchUpdate("UPDATE guardian SET full_name = ?, name_folded = ?, phone = ?, email = ?, citizen_id = ? WHERE school_id = ? AND id = ?",
                guardians.stream().map(g -> new Object[] {g.fullName(), VietnameseText.fold(g.fullName()), g.phone(), g.email(), g.citizenId(),
                        g.schoolId(), g.id()}).toList());
    }

    /** {@link #link} for many links in one batch. */
    public void linkAll(UUID schoolId, List<Link> links) {
        batch.batchUpdate("""
                INSERT INTO student_guardian (school_id, student_id, guardian_id, relationship) VALUES (?, ?, ?, ?)
                ON CONFLICT (school_id, student_id, guardian_id) DO UPDATE SET relationship = EXCLUDED.relationship""",
                links.stream().map(l -> new Object[] {schoolId, l.studentId(), l.guardianId(), l.relationship().name()}).toList());
    }

    /** Removes links (the guardian records stay: a parent may have other children at the school). */
    public void unlinkAll(UUID schoolId, List<Link> links) {
        batch.batchUpdate("DELETE FROM student_guardian WHERE school_id = ? AND student_id = ? AND guardian_id = ?",
                links.stream().map(l -> new Object[] {schoolId, l.studentId(), l.guardianId()}).toList());
    }
}
