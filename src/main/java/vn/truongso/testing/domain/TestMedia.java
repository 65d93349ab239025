package vn.truongso.testing.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;

/**
 * Who may fetch a question image of a test ({@code /testing/media/{sha256}}): only a blob that the snapshot of a session
 * refers to ({@code blob:SHA256} in a question's definition), and only to someone who may see that session: the student
 * of one of its attempts (by the attempt token, or signed in as the account that started it) or staff of its school
 * with MANAGE_TESTS. Anything else is "not found", so a blob's existence is never revealed.
 */
@Component
public class TestMedia {

    private static final String REFERENCED = """
            SELECT EXISTS (SELECT 1 FROM test_session_question q
                           WHERE q.school_id = ? AND q.session_id = ? AND strpos(q.definition::text, ?) > 0)""";

    private final JdbcClient jdbc;
    private final AttemptTokens tokens;
    private final AccessPolicy access;

    TestMedia(JdbcClient jdbc, AttemptTokens tokens, AccessPolicy access) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.access = access;
    }

    public static boolean isBlobName(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}");
    }

    /** Whether the holder of {@code attemptToken} (may be null) or {@code user} (may be null) may read the blob. */
    public boolean mayRead(String sha256, String attemptToken, CurrentUser user) {
        if (!isBlobName(sha256)) {
            return false;
        }
        String ref = "blob:" + sha256;
        if (attemptToken != null && !attemptToken.isBlank()) {
            try {
                AttemptTokens.Claims claims = tokens.verify(attemptToken, Instant.now());
                UUID session = jdbc.sql("SELECT session_id FROM test_attempt WHERE school_id = ? AND id = ? AND student_id = ?")
                        .params(claims.schoolId(), claims.attemptId(), claims.studentId()).query(UUID.class).optional().orElse(null);
                if (session != null && jdbc.sql(REFERENCED).params(claims.schoolId(), session, ref).query(Boolean.class).single()) {
                    return true;
                }
            } catch (AttemptTokenRefused refused) {
                // Fall through to the signed-in user, if any.
            }
        }
        if (user == null) {
            return false;
        }
        // The student's own attempts (she signed in and started them).
        boolean own = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM test_attempt a JOIN test_session_question q ON q.school_id = a.school_id AND q.session_id = a.session_id
                               WHERE a.account_id = ? AND strpos(q.definition::text, ?) > 0)""")
                .params(user.id(), ref).query(Boolean.class).single();
        if (own) {
            return true;
        }
        // Staff: a school whose session uses the blob and where she manages tests.
        List<UUID> schools = jdbc.sql("SELECT DISTINCT school_id FROM test_session_question WHERE strpos(definition::text, ?) > 0 LIMIT 50")
                .params(ref).query(UUID.class).list();
        return schools.stream().anyMatch(school -> access.allows(user, school, Capability.MANAGE_TESTS));
    }
}
