package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** An attempt with what the hot path needs of its session (key version, window close, results policy, purpose). */
public record AttemptRow(UUID schoolId, UUID id, UUID sessionId, UUID studentId, int number, String variant, long seed, Layout layout,
        String status, Instant startedAt, Instant deadline, Instant submittedAt, String submittedBy, BigDecimal maxPoints, BigDecimal points,
        BigDecimal mark, int pendingEssays, int keyVersion, Instant closesAt, ResultsPolicy resultsPolicy, Purpose purpose) {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUBMITTED = "SUBMITTED";

    static final String SELECT = """
            SELECT a.school_id, a.id, a.session_id, a.student_id, a.number, a.variant, a.seed, a.layout, a.status, a.started_at, a.deadline,
                   a.submitted_at, a.submitted_by, a.max_points, a.points, a.mark, a.pending_essays,
                   s.key_version, s.closes_at, s.results_policy, s.purpose
            FROM test_attempt a JOIN test_session s ON s.school_id = a.school_id AND s.id = a.session_id
            """;

    public boolean inProgress() {
        return IN_PROGRESS.equals(status);
    }

    /** Whether the student may see her mark (and the keys) now. */
    public boolean released(Instant now) {
        return SUBMITTED.equals(status) && resultsPolicy.releasedAt(now, closesAt);
    }

    static AttemptRow map(ResultSet rs, JsonMapper json) throws SQLException {
        return new AttemptRow(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getInt("number"), rs.getString("variant"), rs.getLong("seed"),
                json.readValue(rs.getString("layout"), Layout.class), rs.getString("status"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("deadline")), instant(rs.getTimestamp("submitted_at")), rs.getString("submitted_by"),
                rs.getBigDecimal("max_points"), rs.getBigDecimal("points"), rs.getBigDecimal("mark"), rs.getInt("pending_essays"),
                rs.getInt("key_version"), instant(rs.getTimestamp("closes_at")), ResultsPolicy.valueOf(rs.getString("results_policy")),
                Purpose.valueOf(rs.getString("purpose")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
