package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;

/** The student's list of tests ("Bài kiểm tra"): what is open to her, what is coming, what she has done. */
@Component
public class MyTests {

    /** One session for the student; {@code mark} only when the results policy releases it. */
    public record Entry(UUID sessionId, String title, String purpose, Instant opensAt, Instant closesAt, int durationMinutes,
            int attemptsAllowed, int attemptsUsed, boolean needsAccessCode, String state, UUID currentAttemptId, BigDecimal mark) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final TestSessions sessions;
    private final ClassRosters rosters;

    MyTests(JdbcClient jdbc, AccessPolicy access, TestSessions sessions, ClassRosters rosters) {
        this.jdbc = jdbc;
        this.access = access;
        this.sessions = sessions;
        this.rosters = rosters;
    }

    /** state: UPCOMING, OPEN, IN_PROGRESS, DONE (no attempts left or submitted and closed), CLOSED. */
    public List<Entry> of(CurrentUser user, UUID schoolId, Instant now) {
        access.require(user, schoolId, Capability.TAKE_TESTS);
        UUID studentId = user.personId();
        if (studentId == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (TestSession s : sessions.assignedTo(schoolId, studentId, sessions.classesOf(schoolId, studentId))) {
            record Mine(UUID id, String status, Instant deadline, BigDecimal mark) {
            }
            List<Mine> mine = jdbc.sql("""
                    SELECT id, status, deadline, mark FROM test_attempt WHERE school_id = ? AND session_id = ? AND student_id = ? ORDER BY number""")
                    .params(schoolId, s.id(), studentId)
                    .query((rs, i) -> new Mine(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)))
                    .list();
            Mine open = mine.stream().filter(m -> "IN_PROGRESS".equals(m.status()) && m.deadline().isAfter(now)).findFirst().orElse(null);
            Mine last = mine.isEmpty() ? null : mine.getLast();
            String state;
            if (open != null) {
                state = "IN_PROGRESS";
            } else if (now.isBefore(s.opensAt())) {
                state = "UPCOMING";
            } else if (now.isBefore(s.closesAt()) && mine.size() < s.attemptsAllowed()) {
                state = "OPEN";
            } else {
                state = mine.isEmpty() ? "CLOSED" : "DONE";
            }
            BigDecimal mark = last != null && "SUBMITTED".equals(last.status()) && s.resultsPolicy().releasedAt(now, s.closesAt()) ? last.mark() : null;
            entries.add(new Entry(s.id(), s.title(), s.purpose().name(), s.opensAt(), s.closesAt(), s.durationMinutes(), s.attemptsAllowed(),
                    mine.size(), s.accessCode() != null, state, open == null ? null : open.id(), mark));
        }
        return entries;
    }
}
