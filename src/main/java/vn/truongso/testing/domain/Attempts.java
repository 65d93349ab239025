package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.testing.TestMarkPublished;

/**
 * Attempts: starting (or resuming) one, the answer save (the hot path: one guarded SQL statement, acknowledged after
 * its commit), submission exactly once, the server's timer, and (re)grading.
 */
@Component
public class Attempts {

    private static final SecureRandom SEEDS = new SecureRandom();
    /** How long a token outlives the later of the deadline and the window's close (to read the result). */
    private static final Duration TOKEN_GRACE = Duration.ofDays(1);

    public record SavedAnswer(UUID questionId, long seq, JsonNode response, Instant savedAt) {
    }

    public record Started(boolean created, AttemptRow attempt, String token, List<QuestionView> questions, List<SavedAnswer> answers) {
    }

    public record Saved(UUID questionId, long seq, Instant savedAt) {
    }

    public record State(AttemptRow attempt, List<QuestionView> questions, List<SavedAnswer> answers) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TestSessions sessions;
    private final AttemptTokens tokens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Attempts(JdbcClient jdbc, JsonMapper json, AccessPolicy access, AuditLog audit, TestSessions sessions, AttemptTokens tokens,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
        this.transaction = transaction;
    }

    // ---------------------------------------------------------------- start or resume

    @Transactional
    public Started start(CurrentUser user, UUID schoolId, UUID sessionId, String accessCode) {
        access.require(user, schoolId, Capability.TAKE_TESTS);
        UUID studentId = user.personId();
        TestSession session = sessions.find(schoolId, sessionId).orElseThrow(() -> new NotFoundException("test session " + sessionId));
        if (studentId == null || !sessions.isAssigned(session, studentId)) {
            throw new NotFoundException("test session " + sessionId + " for this student");
        }
        return startOrResume(session, studentId, user.id(), accessCode);
    }

    /**
     * Starts or resumes the student's attempt of the session; the caller has established who she is and that the
     * session is hers (a signed-in account, or an exam ticket, when {@code accountId} is null). In the caller's transaction.
     */
    Started startOrResume(TestSession session, UUID studentId, UUID accountId, String accessCode) {
        UUID schoolId = session.schoolId();
        UUID sessionId = session.id();
        Instant now = Instant.now();
        if (now.isBefore(session.opensAt())) {
            throw new TestingConflict("testing.attempt.notOpenYet", session.opensAt());
        }
        if (!now.isBefore(session.closesAt())) {
            throw new TestingConflict("testing.attempt.closed");
        }
        if (session.accessCode() != null && (accessCode == null || !MessageDigest.isEqual(
                session.accessCode().toUpperCase(Locale.ROOT).getBytes(), accessCode.strip().toUpperCase(Locale.ROOT).getBytes()))) {
            throw new BadInputException(InputError.field("accessCode", "testing.attempt.wrongAccessCode"));
        }
        // Lock the student's attempts of this session against a second start from another tab or device.
        List<AttemptRow> mine = jdbc.sql(AttemptRow.SELECT + " WHERE a.school_id = ? AND a.session_id = ? AND a.student_id = ? ORDER BY a.number FOR UPDATE OF a")
                .params(schoolId, sessionId, studentId).query((rs, i) -> AttemptRow.map(rs, json)).list();
        for (AttemptRow a : mine) {
            if (a.inProgress()) {
                if (a.deadline().isAfter(now)) {
                    return resumed(a, false);
                }
                finish(a.schoolId(), a.id(), "TIMER");
            }
        }
        if (mine.size() >= session.attemptsAllowed()) {
            throw new TestingConflict("testing.attempt.noneLeft", session.attemptsAllowed());
        }
        Snapshot snapshot = sessions.snapshot(schoolId, sessionId, session.keyVersion());
        long seed = SEEDS.nextLong();
        List<String> variantCodes = new ArrayList<>(snapshot.variants().keySet());
        Collections.sort(variantCodes);
        // Variants (mã đề) are handed out evenly: the least used so far, a seeded pick among equals (neighbours in a room
        // then rarely share one). Concurrent starts may both take the same one; the spread stays within a few.
        Map<String, Integer> used = new HashMap<>();
        if (variantCodes.size() > 1) {
            jdbc.sql("SELECT variant, count(*) FROM test_attempt WHERE school_id = ? AND session_id = ? GROUP BY variant").params(schoolId, sessionId)
                    .query(rs -> {
                        used.put(rs.getString(1), rs.getInt(2));
                    });
        }
        int fewest = variantCodes.stream().mapToInt(v -> used.getOrDefault(v, 0)).min().orElse(0);
        List<String> least = variantCodes.stream().filter(v -> used.getOrDefault(v, 0) == fewest).toList();
        String variant = least.get(Math.floorMod(seed, least.size()));
        List<Snapshot.Item> items = new ArrayList<>(snapshot.variants().get(variant));
        Random random = new Random(seed);
        if (session.shuffleQuestions()) {
            Collections.shuffle(items, random);
        }
        List<Layout.Entry> entries = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (Snapshot.Item item : items) {
            Question q = snapshot.definitions().get(item.questionId());
            entries.add(new Layout.Entry(item.questionId(),
                    QuestionView.optionOrder(q, item.optionOrder(), session.shuffleOptions(), random, seed, item.questionId())));
            max = max.add(item.points());
        }
        int extra = jdbc.sql("SELECT extra_minutes FROM test_extension WHERE school_id = ? AND session_id = ? AND student_id = ?")
                .params(schoolId, sessionId, studentId).query(Integer.class).optional().orElse(0);
        Instant deadline = min(now.plus(Duration.ofMinutes(session.durationMinutes() + extra)), session.closesAt().plus(Duration.ofMinutes(extra)));
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                    INSERT INTO test_attempt (school_id, id, session_id, student_id, account_id, entry, number, variant, seed, question_ids, layout,
                      status, started_at, deadline, max_points)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?::jsonb, 'IN_PROGRESS', ?, ?, ?)""")
                    .params(schoolId, id, sessionId, studentId, accountId, accountId == null ? "TICKET" : "ACCOUNT", mine.size() + 1, variant, seed,
                            Sql.uuids(entries.stream().map(Layout.Entry::q).toList()), json.writeValueAsString(new Layout(entries)),
                            Timestamp.from(now), Timestamp.from(deadline), max)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new TestingConflict("testing.attempt.startedElsewhere");
        }
        audit.record("testing.attempt.started", schoolId, "test_attempt", id.toString(),
                Map.of("session", sessionId.toString(), "number", mine.size() + 1, "deadline", deadline.toString(), "entry",
                        accountId == null ? "TICKET" : "ACCOUNT"));
        return resumed(load(schoolId, id).orElseThrow(), true);
    }

    private Started resumed(AttemptRow a, boolean created) {
        Instant expires = max(a.deadline(), a.closesAt()).plus(TOKEN_GRACE);
        String token = tokens.issue(new AttemptTokens.Claims(a.id(), a.schoolId(), a.studentId(), expires));
        // A new attempt has no answers yet: one query fewer for every student at the exam minute.
        return new Started(created, a, token, views(a), created ? List.of() : answers(a.schoolId(), a.id()));
    }

    // ---------------------------------------------------------------- the hot path

    /**
     * Saves one answer in one statement: it locks the attempt row in share mode (so a submission waits for it, or it
     * sees the submission and writes nothing), checks that the attempt is in progress, the server's clock before the
     * deadline and the question part of the attempt, and keeps the higher sequence number. Autocommit: when this returns,
     * the answer is durable.
     */
    public Saved save(String token, UUID attemptId, UUID questionId, long seq, String responseJson) {
        AttemptTokens.Claims c = claims(token, attemptId);
        Optional<Timestamp> savedAt = jdbc.sql("""
                WITH a AS (
                  SELECT school_id, id FROM test_attempt
                  WHERE school_id = ? AND id = ? AND student_id = ? AND status = 'IN_PROGRESS' AND deadline > now() AND ?::uuid = ANY(question_ids)
                  FOR SHARE
                )
                INSERT INTO test_answer (school_id, attempt_id, question_id, seq, response, saved_at)
                SELECT a.school_id, a.id, ?, ?, ?::jsonb, now() FROM a
                ON CONFLICT (school_id, attempt_id, question_id) DO UPDATE
                  SET seq = EXCLUDED.seq, response = EXCLUDED.response, saved_at = EXCLUDED.saved_at, points = NULL
                  WHERE test_answer.seq < EXCLUDED.seq
                RETURNING saved_at""")
                .params(c.schoolId(), attemptId, c.studentId(), questionId, questionId, seq, responseJson)
                .query(Timestamp.class).optional();
        if (savedAt.isPresent()) {
            return new Saved(questionId, seq, savedAt.get().toInstant());
        }
        return explainUnsaved(c, attemptId, questionId, seq);
    }

    /** Why a save wrote nothing: a repeated or older sequence number (fine, idempotent), or a refusal. */
    private Saved explainUnsaved(AttemptTokens.Claims c, UUID attemptId, UUID questionId, long seq) {
        record Why(String status, boolean open, boolean hasQuestion, Long storedSeq, Timestamp savedAt) {
        }
        Why why = jdbc.sql("""
                SELECT a.status, a.deadline > now(), ?::uuid = ANY(a.question_ids), x.seq, x.saved_at
                FROM test_attempt a LEFT JOIN test_answer x ON x.school_id = a.school_id AND x.attempt_id = a.id AND x.question_id = ?
                WHERE a.school_id = ? AND a.id = ? AND a.student_id = ?""")
                .params(questionId, questionId, c.schoolId(), attemptId, c.studentId())
                .query((rs, i) -> new Why(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), (Long) rs.getObject(4), rs.getTimestamp(5)))
                .optional().orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        if (!why.hasQuestion()) {
            throw new BadInputException(InputError.field("questionId", "testing.answer.notInAttempt", questionId));
        }
        if (why.storedSeq() != null && why.storedSeq() >= seq) {
            return new Saved(questionId, why.storedSeq(), why.savedAt().toInstant());
        }
        if (!AttemptRow.IN_PROGRESS.equals(why.status())) {
            throw new TestingConflict("testing.answer.submitted");
        }
        if (!why.open()) {
            throw new TestingConflict("testing.answer.timeUp");
        }
        // The attempt was submitted between the two statements.
        throw new TestingConflict("testing.answer.submitted");
    }

    // ---------------------------------------------------------------- submission, state, events

    /** Submits once; a second call changes nothing and answers the same. */
    @Transactional
    public AttemptRow submit(String token, UUID attemptId) {
        AttemptTokens.Claims c = claims(token, attemptId);
        AttemptRow a = load(c.schoolId(), attemptId).filter(r -> r.studentId().equals(c.studentId()))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        if (finish(a.schoolId(), a.id(), "STUDENT")) {
            audit.record("testing.attempt.submitted", a.schoolId(), "test_attempt", a.id().toString(), Map.of("by", "STUDENT"));
        }
        return load(c.schoolId(), attemptId).orElseThrow();
    }

    public State state(String token, UUID attemptId) {
        AttemptTokens.Claims c = claims(token, attemptId);
        AttemptRow a = load(c.schoolId(), attemptId).filter(r -> r.studentId().equals(c.studentId()))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        return new State(a, views(a), answers(a.schoolId(), a.id()));
    }

    private static final java.util.Set<String> EVENT_KINDS = java.util.Set.of("BLUR", "FOCUS", "HIDDEN", "VISIBLE", "OFFLINE", "ONLINE",
            "FULLSCREEN_EXIT");

    /** A focus-loss, tab-switch or connection event from the taking page: logged, never blocking. */
    public void event(String token, UUID attemptId, String kind) {
        AttemptTokens.Claims c = claims(token, attemptId);
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!EVENT_KINDS.contains(k)) {
            throw new BadInputException(InputError.field("kind", "testing.event.unknownKind", String.valueOf(kind)));
        }
        jdbc.sql("""
                INSERT INTO test_attempt_event (school_id, id, attempt_id, kind, at)
                SELECT school_id, ?, id, ?, now() FROM test_attempt WHERE school_id = ? AND id = ? AND student_id = ?""")
                .params(Ids.newId(), k, c.schoolId(), attemptId, c.studentId()).update();
    }

    // ---------------------------------------------------------------- the timer

    /** Submits every attempt whose deadline has passed; safe with several instances (SKIP LOCKED). */
    public int sweep() {
        int total = 0;
        while (true) {
            Integer done = transaction.execute(status -> {
                List<Object[]> due = jdbc.sql("""
                        SELECT school_id, id FROM test_attempt WHERE status = 'IN_PROGRESS' AND deadline <= now()
                        ORDER BY deadline LIMIT 200 FOR UPDATE SKIP LOCKED""")
                        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
                int n = 0;
                for (Object[] row : due) {
                    if (finish((UUID) row[0], (UUID) row[1], "TIMER")) {
                        audit.record("testing.attempt.submitted", (UUID) row[0], "test_attempt", row[1].toString(), Map.of("by", "TIMER"));
                        n++;
                    }
                }
                return due.size() < 200 ? -n - 1 : n;
            });
            if (done == null || done < 0) {
                return total + (done == null ? 0 : -done - 1);
            }
            total += done;
        }
    }

    /**
     * Moves the attempt to SUBMITTED if it is still in progress (the one statement that decides, so it happens once)
     * and grades it. In the caller's transaction.
     */
    boolean finish(UUID schoolId, UUID attemptId, String by) {
        int changed = jdbc.sql("""
                UPDATE test_attempt SET status = 'SUBMITTED', submitted_at = LEAST(now(), deadline), submitted_by = ?
                WHERE school_id = ? AND id = ? AND status = 'IN_PROGRESS'""").params(by, schoolId, attemptId).update();
        if (changed == 0) {
            return false;
        }
        regrade(schoolId, attemptId);
        return true;
    }

    /** Scores the attempt from its answers and the session's current snapshot; publishes the mark once it is final. */
    public Grading.Result regrade(UUID schoolId, UUID attemptId) {
        AttemptRow a = load(schoolId, attemptId).orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        Snapshot snapshot = sessions.snapshot(schoolId, a.sessionId(), a.keyVersion());
        Map<UUID, Grading.Answer> answers = new HashMap<>();
        jdbc.sql("SELECT question_id, response, manual_points FROM test_answer WHERE school_id = ? AND attempt_id = ?").params(schoolId, attemptId)
                .query(rs -> {
                    answers.put(rs.getObject(1, UUID.class),
                            new Grading.Answer(json.readValue(rs.getString(2), Response.class), rs.getBigDecimal(3)));
                });
        List<Snapshot.Item> items = placed(a, snapshot).stream().map(Placed::item).toList();
        Grading.Result result = Grading.grade(snapshot, items, answers);
        List<String> ids = new ArrayList<>();
        List<String> points = new ArrayList<>();
        for (Grading.ItemScore s : result.items()) {
            if (answers.containsKey(s.questionId())) {
                ids.add(s.questionId().toString());
                points.add(s.points() == null ? null : s.points().toPlainString());
            }
        }
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    UPDATE test_answer t SET points = v.p FROM unnest(?::uuid[], ?::numeric[]) AS v(q, p)
                    WHERE t.school_id = ? AND t.attempt_id = ? AND t.question_id = v.q""")
                    .params(ids.toArray(String[]::new), points.toArray(String[]::new), schoolId, attemptId).update();
        }
        jdbc.sql("UPDATE test_attempt SET points = ?, mark = ?, pending_essays = ?, max_points = ? WHERE school_id = ? AND id = ?")
                .params(result.points(), result.mark(), result.pendingEssays(), result.maxPoints(), schoolId, attemptId).update();
        boolean changed = a.mark() == null || result.mark() == null || a.mark().compareTo(result.mark()) != 0 || a.inProgress();
        if (result.mark() != null && changed) {
            events.publishEvent(new TestMarkPublished(schoolId, a.sessionId(), attemptId, a.studentId(), a.purpose().name(), result.points(),
                    result.maxPoints(), result.mark(), Instant.now()));
        }
        return result;
    }

    // ---------------------------------------------------------------- reads

    public Optional<AttemptRow> load(UUID schoolId, UUID attemptId) {
        return jdbc.sql(AttemptRow.SELECT + " WHERE a.school_id = ? AND a.id = ?").params(schoolId, attemptId)
                .query((rs, i) -> AttemptRow.map(rs, json)).optional();
    }

    public List<SavedAnswer> answers(UUID schoolId, UUID attemptId) {
        return jdbc.sql("SELECT question_id, seq, response, saved_at FROM test_answer WHERE school_id = ? AND attempt_id = ?")
                .params(schoolId, attemptId)
                .query((rs, i) -> new SavedAnswer(rs.getObject(1, UUID.class), rs.getLong(2), json.readTree(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * One question of a submitted attempt after its results are released: what she answered, what was right (in the
     * shape of a response: {@code selected} option ids, {@code values}, or accepted {@code texts}), the points she earned
     * and the feedback (the question's general feedback and that of the options she chose).
     */
    public record ReviewItem(UUID questionId, int number, BigDecimal points, BigDecimal maxPoints, boolean pending, JsonNode response,
            Map<String, Object> correct, List<String> feedbackHtml) {
    }

    /** The review of a released attempt; callers must check {@link AttemptRow#released(Instant)} first. */
    public List<ReviewItem> review(AttemptRow a) {
        if (!a.released(Instant.now())) {
            throw new IllegalStateException("results of attempt " + a.id() + " are not released");
        }
        Snapshot snapshot = sessions.snapshot(a.schoolId(), a.sessionId(), a.keyVersion());
        record Stored(JsonNode response, BigDecimal points) {
        }
        Map<UUID, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT question_id, response, points FROM test_answer WHERE school_id = ? AND attempt_id = ?").params(a.schoolId(), a.id())
                .query(rs -> {
                    stored.put(rs.getObject(1, UUID.class), new Stored(json.readTree(rs.getString(2)), rs.getBigDecimal(3)));
                });
        List<ReviewItem> items = new ArrayList<>();
        int number = 0;
        for (Placed placed : placed(a, snapshot)) {
            Layout.Entry e = placed.entry();
            Question q = placed.question();
            Snapshot.Item item = placed.item();
            number++;
            if ("DESCRIPTION".equals(q.type())) {
                continue;
            }
            Stored answer = stored.get(e.q());
            boolean pending = answer != null && answer.points() == null && "ESSAY".equals(q.type());
            BigDecimal points = answer == null ? BigDecimal.ZERO : answer.points() == null ? null : answer.points();
            List<String> feedback = new ArrayList<>();
            if (answer != null) {
                List<String> chosen = new ArrayList<>();
                answer.response().path("selected").forEach(n -> chosen.add(n.asString()));
                for (Choice c : q.choices()) {
                    if (chosen.contains(c.id()) && c.feedback() != null && !c.feedback().text().isBlank()) {
                        feedback.add(snapshot.html(c.feedback()));
                    }
                }
            }
            if (q.generalFeedback() != null && !q.generalFeedback().text().isBlank()) {
                feedback.add(snapshot.html(q.generalFeedback()));
            }
            items.add(new ReviewItem(e.q(), number, points, item.points(), pending, answer == null ? null : answer.response(), correct(q), feedback));
        }
        return items;
    }

    /** The right answer in the shape of a response. */
    private static Map<String, Object> correct(Question q) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        switch (q.type()) {
            case "SINGLE_CHOICE", "TRUE_FALSE" -> out.put("selected", q.choices().stream().filter(Choice::correct).map(Choice::id).toList());
            case "MULTIPLE_RESPONSE" -> out.put("selected", q.choices().stream().filter(c -> c.earned().signum() > 0).map(Choice::id).toList());
            case "ORDERING" -> out.put("selected", q.choices().stream().map(Choice::id).toList());
            case "TRUE_FALSE_CLUSTER" -> {
                Map<String, String> v = new java.util.LinkedHashMap<>();
                q.choices().forEach(c -> v.put(c.id(), String.valueOf(c.correct())));
                out.put("values", v);
            }
            case "MATCHING" -> {
                Map<String, String> v = new java.util.LinkedHashMap<>();
                q.pairs().stream().filter(p -> !p.isDistractor()).forEach(p -> v.put(p.id(), p.answer()));
                out.put("values", v);
            }
            case "CLOZE" -> {
                Map<String, String> v = new java.util.LinkedHashMap<>();
                q.gaps().forEach(g -> g.options().stream().filter(Choice::correct).findFirst()
                        .ifPresent(c -> v.put(g.id(), g.select() ? c.id() : c.text().text())));
                out.put("values", v);
            }
            case "SHORT_ANSWER" -> {
                List<String> texts = new ArrayList<>(q.choices().stream().filter(c -> c.earned().signum() > 0).map(c -> c.text().text()).toList());
                q.numbers().stream().filter(n -> n.value() != null).forEach(n -> texts.add(n.value().toPlainString()));
                out.put("texts", texts);
            }
            default -> {
                // Essays: the feedback (and the teacher's points) say it; there is no single right answer.
            }
        }
        return out;
    }

    /** The attempt's questions as the student sees them, in its order, without keys. */
    public List<QuestionView> views(AttemptRow a) {
        Snapshot snapshot = sessions.snapshot(a.schoolId(), a.sessionId(), a.keyVersion());
        List<QuestionView> views = new ArrayList<>();
        int number = 0;
        for (Placed p : placed(a, snapshot)) {
            views.add(QuestionView.of(p.question(), p.entry().q(), ++number, p.item().points(), p.entry().o(), a.seed(), snapshot::html));
        }
        return views;
    }

    /** One question of an attempt in its order: where the attempt put it, its definition and the session's item for it. */
    private record Placed(Layout.Entry entry, Question question, Snapshot.Item item) {
    }

    /** The attempt's questions in its order, leaving out any its variant no longer holds. */
    private static List<Placed> placed(AttemptRow a, Snapshot snapshot) {
        Map<UUID, Snapshot.Item> byQuestion = new HashMap<>();
        snapshot.variants().get(a.variant()).forEach(i -> byQuestion.put(i.questionId(), i));
        List<Placed> placed = new ArrayList<>();
        for (Layout.Entry e : a.layout().items()) {
            Question q = snapshot.definitions().get(e.q());
            Snapshot.Item item = byQuestion.get(e.q());
            if (q != null && item != null) {
                placed.add(new Placed(e, q, item));
            }
        }
        return placed;
    }

    private AttemptTokens.Claims claims(String token, UUID attemptId) {
        AttemptTokens.Claims c = tokens.verify(token, Instant.now());
        if (!c.attemptId().equals(attemptId)) {
            throw new NotFoundException("attempt " + attemptId + " with this token");
        }
        return c;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
