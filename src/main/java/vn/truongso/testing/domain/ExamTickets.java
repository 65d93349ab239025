package vn.truongso.testing.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;

/**
 * Exam tickets (phiếu dự thi): a random code per student and session, printed on a slip the teacher hands out in the
 * room. The code alone starts or resumes that student's attempt of that session, on any device, while the window is
 * open; it opens nothing else. A password check (bcrypt) costs more CPU than a whole attempt, so a grade signing in at
 * the same minute would saturate a small server: the ticket is checked with one keyed digest and one index lookup.
 *
 * <p>Codes are 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 59 bits, far beyond guessing
 * within a window. Only a digest keyed with the attempt-token key is stored, so the codes cannot be read back or
 * recovered from a copy of the database; issuing again replaces a student's code and the old slip stops working.
 */
@Component
public class ExamTickets {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly issued ticket: the code is shown once, on the slips, and never stored. */
    public record Ticket(UUID studentId, String learnerCode, String fullName, String className, String code) {
    }

    /** What a ticket opened: the session and the attempt, started or resumed. */
    public record Entry(UUID schoolId, UUID sessionId, String title, Attempts.Started started) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TestSessions sessions;
    private final AttemptTokens tokens;
    private final Attempts attempts;

    ExamTickets(JdbcClient jdbc, AccessPolicy access, AuditLog audit, TestSessions sessions, AttemptTokens tokens, Attempts attempts) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
        this.attempts = attempts;
    }

    /**
     * Issues a ticket to each of the given students of the session (every assigned student when none is given),
     * replacing any earlier one. Refused once the session has closed.
     */
    @Transactional
    public List<Ticket> issue(CurrentUser user, UUID schoolId, UUID sessionId, Collection<UUID> onlyStudents) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        TestSession session = sessions.find(schoolId, sessionId).orElseThrow(() -> new NotFoundException("test session " + sessionId));
        if (!Instant.now().isBefore(session.closesAt())) {
            throw new TestingConflict("testing.ticket.sessionClosed");
        }
        Map<UUID, ClassRosters.StudentInfo> assigned = sessions.assignedStudents(session);
        List<ClassRosters.StudentInfo> targets = new ArrayList<>();
        if (onlyStudents == null || onlyStudents.isEmpty()) {
            targets.addAll(assigned.values());
        } else {
            List<InputError> errors = new ArrayList<>();
            for (UUID id : onlyStudents) {
                ClassRosters.StudentInfo st = id == null ? null : assigned.get(id);
                if (st == null) {
                    errors.add(InputError.field("studentIds", "testing.ticket.notAssigned", String.valueOf(id)));
                } else if (!targets.contains(st)) {
                    targets.add(st);
                }
            }
            if (!errors.isEmpty()) {
                throw new BadInputException(errors);
            }
        }
        if (targets.isEmpty()) {
            throw new BadInputException(InputError.general("testing.ticket.noStudents"));
        }
        List<Ticket> tickets = new ArrayList<>();
        List<String> students = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (ClassRosters.StudentInfo st : targets) {
            String code = newCode();
            tickets.add(new Ticket(st.id(), st.learnerCode(), st.fullName(), st.className(), format(code)));
            students.add(st.id().toString());
            digests.add(HexFormat.of().formatHex(tokens.ticketDigest(code)));
        }
        jdbc.sql("""
                INSERT INTO test_ticket (school_id, session_id, student_id, code_digest, issued_at, issued_by)
                SELECT ?, ?, t.student, decode(t.digest, 'hex'), now(), ? FROM unnest(?::uuid[], ?::text[]) AS t(student, digest)
                ON CONFLICT (school_id, session_id, student_id) DO UPDATE
                  SET code_digest = EXCLUDED.code_digest, issued_at = EXCLUDED.issued_at, issued_by = EXCLUDED.issued_by""")
                .params(schoolId, sessionId, user.id(), students.toArray(String[]::new), digests.toArray(String[]::new)).update();
        audit.record("testing.tickets.issued", schoolId, "test_session", sessionId.toString(),
                Map.of("students", tickets.size(), "all", onlyStudents == null || onlyStudents.isEmpty()));
        return tickets;
    }

    /**
     * Starts or resumes the attempt of the ticket's holder. Nobody is signed in: the ticket names the school, the session
     * and the student; the session's own rules (window, access code, attempts allowed) apply as for a signed-in start.
     */
    @Transactional
    public Entry enter(String ticket, String accessCode) {
        String code = normalize(ticket);
        if (code == null) {
            throw new BadInputException(InputError.field("ticket", "testing.ticket.malformed", LENGTH));
        }
        record Holder(UUID schoolId, UUID sessionId, UUID studentId) {
        }
        Holder holder = jdbc.sql("SELECT school_id, session_id, student_id FROM test_ticket WHERE code_digest = ?")
                .params((Object) tokens.ticketDigest(code))
                .query((rs, i) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional().orElseThrow(() -> new BadInputException(InputError.field("ticket", "testing.ticket.unknown")));
        TestSession session = sessions.find(holder.schoolId(), holder.sessionId())
                .orElseThrow(() -> new BadInputException(InputError.field("ticket", "testing.ticket.unknown")));
        if (!sessions.isAssigned(session, holder.studentId())) {
            // She left the class after the slips were printed.
            throw new BadInputException(InputError.field("ticket", "testing.ticket.unknown"));
        }
        return new Entry(session.schoolId(), session.id(), session.title(),
                attempts.startOrResume(session, holder.studentId(), null, accessCode));
    }

    /** The code as typed, upper-cased without spaces and dashes; null when it cannot be a ticket. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                return null;
            }
            code.append(c);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }

    /** As printed: three groups of four. */
    static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private static String newCode() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
