package vn.truongso.directory.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Transfers {

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Transfer> ofStudent(UUID schoolId, UUID studentId) {
        return jdbc.sql("SELECT * FROM transfer WHERE school_id = ? AND student_id = ? ORDER BY effective_on DESC, recorded_at DESC")
                .params(schoolId, studentId).query(Transfer.class).list();
    }

    public void add(Transfer transfer) {
        jdbc.sql("""
                INSERT INTO transfer (school_id, id, student_id, direction, effective_on, other_school, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(transfer.schoolId(), transfer.id(), transfer.studentId(), transfer.direction().name(), transfer.effectiveOn(),
                        transfer.otherSchool(), transfer.reason(), transfer.recordedBy(), java.sql.Timestamp.from(transfer.recordedAt()))
                .update();
    }
}
