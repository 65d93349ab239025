package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.TestPapers;
import vn.truongso.questions.model.Question;

/**
 * Test sessions: creation with every rule checked (and every broken one reported at its field), the question snapshot
 * taken at creation, and reads. Snapshots are cached per key version: they never change otherwise.
 */
@Component
public class TestSessions {

    static final String BANK = "BANK";
    static final String PAPER = "PAPER";
    static final String PRACTICE_SET = "PRACTICE_SET";
    private static final Pattern ACCESS_CODE = Pattern.compile("[A-Za-z0-9]{4,20}");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final QuestionBanks banks;
    private final ObjectProvider<TestPapers> papers;
    private final ClassRosters rosters;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    TestSessions(JdbcClient jdbc, JsonMapper json, AccessPolicy access, AuditLog audit, QuestionBanks banks, ObjectProvider<TestPapers> papers,
            ClassRosters rosters) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
        this.audit = audit;
        this.banks = banks;
        this.papers = papers;
        this.rosters = rosters;
    }

    @Transactional
    public TestSession create(CurrentUser user, UUID schoolId, SessionInput in) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        List<InputError> errors = new ArrayList<>();
        String title = in.title() == null ? "" : VietnameseText.clean(in.title());
        if (title.isBlank()) {
            errors.add(InputError.field("title", "testing.session.titleRequired"));
        } else if (title.length() > 200) {
            errors.add(InputError.field("title", "testing.session.titleTooLong", 200));
        }
        Purpose purpose = parse(Purpose.class, in.purpose(), "purpose", errors);
        ResultsPolicy policy = parse(ResultsPolicy.class, in.resultsPolicy(), "resultsPolicy", errors);
        String reason = blankToNull(in.periodicReason());
        String approval = blankToNull(in.approvalReference());
        if (purpose == Purpose.PERIODIC) {
            if (reason == null) {
                errors.add(InputError.field("periodicReason", "testing.session.periodicReasonRequired"));
            }
            if (approval == null) {
                errors.add(InputError.field("approvalReference", "testing.session.approvalRequired"));
            }
        }
        if (in.opensAt() == null) {
            errors.add(InputError.field("opensAt", "testing.session.opensAtRequired"));
        }
        if (in.closesAt() == null) {
            errors.add(InputError.field("closesAt", "testing.session.closesAtRequired"));
        }
        if (in.opensAt() != null && in.closesAt() != null && !in.closesAt().isAfter(in.opensAt())) {
            errors.add(InputError.field("closesAt", "testing.session.closesBeforeOpens"));
        }
        int duration = in.durationMinutes() == null ? 0 : in.durationMinutes();
        if (duration < 1 || duration > 600) {
            errors.add(InputError.field("durationMinutes", "testing.session.durationRange", 1, 600));
        } else if (in.opensAt() != null && in.closesAt() != null && in.closesAt().isAfter(in.opensAt())
                && Duration.between(in.opensAt(), in.closesAt()).toMinutes() < duration) {
            errors.add(InputError.field("durationMinutes", "testing.session.durationLongerThanWindow", duration));
        }
        int attempts = in.attemptsAllowed() == null ? 1 : in.attemptsAllowed();
        if (attempts < 1 || attempts > 20) {
            errors.add(InputError.field("attemptsAllowed", "testing.session.attemptsRange", 1, 20));
        }
        String code = blankToNull(in.accessCode());
        if (code != null && !ACCESS_CODE.matcher(code).matches()) {
            errors.add(InputError.field("accessCode", "testing.session.accessCodeFormat"));
        }
        // Who takes it: classes and students of this school.
        Set<UUID> classIds = new LinkedHashSet<>(in.classIds());
        Set<UUID> studentIds = new LinkedHashSet<>(in.studentIds());
        if (classIds.isEmpty() && studentIds.isEmpty()) {
            errors.add(InputError.field("classIds", "testing.session.nobodyAssigned"));
        }
        Set<UUID> knownClasses = new HashSet<>();
        rosters.classes(schoolId, classIds).forEach(c -> knownClasses.add(c.id()));
        for (UUID id : classIds) {
            if (!knownClasses.contains(id)) {
                errors.add(InputError.field("classIds", "testing.session.unknownClass", id));
            }
        }
        Set<UUID> knownStudents = new HashSet<>();
        rosters.students(schoolId, studentIds).forEach(s -> knownStudents.add(s.id()));
        for (UUID id : studentIds) {
            if (!knownStudents.contains(id)) {
                errors.add(InputError.field("studentIds", "testing.session.unknownStudent", id));
            }
        }
        // The source, snapshotted now.
        String sourceKind;
        UUID sourceId;
        Map<UUID, Question> definitions = new LinkedHashMap<>();
        Map<String, List<Snapshot.Item>> variants = new LinkedHashMap<>();
        long sources = java.util.stream.Stream.of(in.paperId(), in.bankId(), in.practiceSetId()).filter(java.util.Objects::nonNull).count();
        if (sources != 1) {
            errors.add(InputError.field("bankId", "testing.session.oneSource"));
            sourceKind = null;
            sourceId = null;
        } else if (in.practiceSetId() != null) {
            sourceKind = PRACTICE_SET;
            sourceId = in.practiceSetId();
            List<UUID> ids = banks.practiceSetQuestionIds(schoolId, in.practiceSetId());
            if (ids.isEmpty() || !snapshotQuestions(schoolId, ids, definitions, variants)) {
                errors.add(InputError.field("practiceSetId", "testing.session.emptyOrUnknownPracticeSet"));
            }
        } else if (in.paperId() != null) {
            sourceKind = PAPER;
            sourceId = in.paperId();
            fromPaper(schoolId, in.paperId(), definitions, variants, errors);
        } else {
            sourceKind = BANK;
            sourceId = in.bankId();
            fromBank(schoolId, in.bankId(), in.questionIds(), definitions, variants, errors);
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }

        UUID id = Ids.newId();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO test_session (school_id, id, title, source_kind, source_id, purpose, periodic_reason, approval_reference, opens_at,
                  closes_at, duration_minutes, attempts_allowed, shuffle_questions, shuffle_options, access_code, results_policy, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, id, title, sourceKind, sourceId, purpose.name(), reason, approval, Timestamp.from(in.opensAt()),
                        Timestamp.from(in.closesAt()), duration, attempts, Boolean.TRUE.equals(in.shuffleQuestions()),
                        Boolean.TRUE.equals(in.shuffleOptions()), code, policy.name(), user.id(), Timestamp.from(now))
                .update();
        for (UUID classId : classIds) {
            jdbc.sql("INSERT INTO test_session_class (school_id, session_id, class_id) VALUES (?, ?, ?)").params(schoolId, id, classId).update();
        }
        for (UUID studentId : studentIds) {
            jdbc.sql("INSERT INTO test_session_student (school_id, session_id, student_id) VALUES (?, ?, ?)").params(schoolId, id, studentId).update();
        }
        for (var e : definitions.entrySet()) {
            jdbc.sql("INSERT INTO test_session_question (school_id, session_id, question_id, definition) VALUES (?, ?, ?, ?::jsonb)")
                    .params(schoolId, id, e.getKey(), json.writeValueAsString(e.getValue())).update();
        }
        for (var v : variants.entrySet()) {
            for (Snapshot.Item item : v.getValue()) {
                jdbc.sql("""
                        INSERT INTO test_session_item (school_id, session_id, variant, position, question_id, points, option_order)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                        .params(schoolId, id, v.getKey(), item.position(), item.questionId(), item.points(),
                                json.writeValueAsString(item.optionOrder()))
                        .update();
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", title);
        detail.put("source", sourceKind + ":" + sourceId);
        detail.put("purpose", purpose.name());
        detail.put("questions", definitions.size());
        detail.put("opensAt", in.opensAt().toString());
        detail.put("closesAt", in.closesAt().toString());
        if (approval != null) {
            detail.put("approvalReference", approval);
        }
        audit.record("testing.session.created", schoolId, "test_session", id.toString(), detail);
        return find(schoolId, id).orElseThrow();
    }

    private void fromBank(UUID schoolId, UUID bankId, List<UUID> picked, Map<UUID, Question> definitions,
            Map<String, List<Snapshot.Item>> variants, List<InputError> errors) {
        List<UUID> inBank = banks.questionIds(schoolId, bankId);
        if (inBank.isEmpty()) {
            errors.add(InputError.field("bankId", "testing.session.emptyOrUnknownBank"));
            return;
        }
        List<UUID> ids;
        if (picked.isEmpty()) {
            ids = inBank;
        } else {
            Set<UUID> allowed = new HashSet<>(inBank);
            ids = new ArrayList<>(new LinkedHashSet<>(picked));
            for (int i = 0; i < ids.size(); i++) {
                if (!allowed.contains(ids.get(i))) {
                    errors.add(InputError.field("questionIds[" + i + "]", "testing.session.questionNotInBank", ids.get(i)));
                }
            }
            if (!errors.isEmpty()) {
                return;
            }
        }
        if (!snapshotQuestions(schoolId, ids, definitions, variants)) {
            errors.add(InputError.field("bankId", "testing.session.emptyOrUnknownBank"));
        }
    }

    /** One variant ('') of these questions in this order with the bank's points; false when none of them is found. */
    private boolean snapshotQuestions(UUID schoolId, List<UUID> ids, Map<UUID, Question> definitions, Map<String, List<Snapshot.Item>> variants) {
        Map<UUID, Question> found = banks.questions(schoolId, ids);
        List<Snapshot.Item> items = new ArrayList<>();
        int position = 0;
        for (UUID qid : ids) {
            Question q = found.get(qid);
            if (q == null) {
                continue;
            }
            definitions.put(qid, q);
            BigDecimal points = "DESCRIPTION".equals(q.type()) ? BigDecimal.ZERO : q.points();
            items.add(new Snapshot.Item(++position, qid, points, List.of()));
        }
        variants.put("", items);
        return !items.isEmpty();
    }

    private void fromPaper(UUID schoolId, UUID paperId, Map<UUID, Question> definitions, Map<String, List<Snapshot.Item>> variants,
            List<InputError> errors) {
        TestPapers source = papers.getIfAvailable();
        Optional<TestPapers.Paper> paper = source == null ? Optional.empty() : source.find(schoolId, paperId);
        if (paper.isEmpty() || paper.get().variants().isEmpty()) {
            errors.add(InputError.field("paperId", "testing.session.unknownPaper"));
            return;
        }
        Set<UUID> all = new LinkedHashSet<>();
        paper.get().variants().forEach(v -> v.items().forEach(i -> all.add(i.questionId())));
        Map<UUID, Question> found = banks.questions(schoolId, all);
        for (UUID qid : all) {
            if (!found.containsKey(qid)) {
                errors.add(InputError.field("paperId", "testing.session.paperQuestionMissing", qid));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        all.forEach(qid -> definitions.put(qid, found.get(qid)));
        for (TestPapers.Variant v : paper.get().variants()) {
            List<Snapshot.Item> items = new ArrayList<>();
            int position = 0;
            for (TestPapers.PaperItem i : v.items()) {
                BigDecimal points = i.points() != null ? i.points() : found.get(i.questionId()).points();
                items.add(new Snapshot.Item(++position, i.questionId(), points, i.optionOrder()));
            }
            variants.put(v.code() == null ? "" : v.code(), items);
        }
    }

    public Optional<TestSession> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM test_session WHERE school_id = ? AND id = ?").params(schoolId, id).query(this::session).optional();
    }

    /** The school's sessions, the latest window first. */
    public List<TestSession> list(UUID schoolId) {
        return jdbc.sql("SELECT * FROM test_session WHERE school_id = ? ORDER BY opens_at DESC, id DESC LIMIT 500").param(schoolId)
                .query(this::session).list();
    }

    /** Sessions assigned to the student (directly or through one of these classes) whose window has not closed long ago. */
    public List<TestSession> assignedTo(UUID schoolId, UUID studentId, Collection<UUID> classIds) {
        return jdbc.sql("""
                SELECT * FROM test_session s WHERE s.school_id = ? AND s.closes_at > now() - interval '30 days'
                  AND (EXISTS (SELECT 1 FROM test_session_student a WHERE a.school_id = s.school_id AND a.session_id = s.id AND a.student_id = ?)
                    OR EXISTS (SELECT 1 FROM test_session_class c WHERE c.school_id = s.school_id AND c.session_id = s.id AND c.class_id = ANY(?::uuid[])))
                ORDER BY s.opens_at, s.id""")
                .params(schoolId, studentId, Sql.uuids(classIds)).query(this::session).list();
    }

    public boolean isAssigned(TestSession session, UUID studentId) {
        if (session.studentIds().contains(studentId)) {
            return true;
        }
        Set<UUID> classes = classesOf(session.schoolId(), studentId);
        return session.classIds().stream().anyMatch(classes::contains);
    }

    /** Everyone the session is assigned to now (its classes' students, then the students named), by id in roster order. */
    public Map<UUID, ClassRosters.StudentInfo> assignedStudents(TestSession session) {
        Map<UUID, ClassRosters.StudentInfo> students = new LinkedHashMap<>();
        rosters.studentsOf(session.schoolId(), session.classIds()).forEach(st -> students.putIfAbsent(st.id(), st));
        rosters.students(session.schoolId(), session.studentIds()).forEach(st -> students.putIfAbsent(st.id(), st));
        return students;
    }

    /** The classes the student is enrolled in now. */
    public Set<UUID> classesOf(UUID schoolId, UUID studentId) {
        return rosters.classesOf(schoolId, studentId).stream().map(ClassRosters.ClassRef::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The session's snapshot at this key version, cached. */
    public Snapshot snapshot(UUID schoolId, UUID sessionId, int keyVersion) {
        Snapshot cached = snapshots.get(sessionId);
        if (cached != null && cached.keyVersion() == keyVersion) {
            return cached;
        }
        Snapshot loaded = load(schoolId, sessionId, keyVersion);
        snapshots.put(sessionId, loaded);
        return loaded;
    }

    void forget(UUID sessionId) {
        snapshots.remove(sessionId);
    }

    private Snapshot load(UUID schoolId, UUID sessionId, int keyVersion) {
        Map<UUID, Question> definitions = new HashMap<>();
        jdbc.sql("SELECT question_id, definition FROM test_session_question WHERE school_id = ? AND session_id = ?").params(schoolId, sessionId)
                .query(rs -> {
                    definitions.put(rs.getObject(1, UUID.class), json.readValue(rs.getString(2), Question.class));
                });
        Map<String, List<Snapshot.Item>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT variant, position, question_id, points, option_order FROM test_session_item WHERE school_id = ? AND session_id = ?
                ORDER BY variant, position""").params(schoolId, sessionId)
                .query(rs -> {
                    variants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Snapshot.Item(rs.getInt(2),
                            rs.getObject(3, UUID.class), rs.getBigDecimal(4), json.readValue(rs.getString(5), STRINGS)));
                });
        variants.replaceAll((k, v) -> List.copyOf(v));
        return new Snapshot(sessionId, keyVersion, Map.copyOf(definitions), Map.copyOf(variants));
    }

    private TestSession session(ResultSet rs, int row) throws SQLException {
        UUID schoolId = rs.getObject("school_id", UUID.class);
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> classes = jdbc.sql("SELECT class_id FROM test_session_class WHERE school_id = ? AND session_id = ?").params(schoolId, id)
                .query(UUID.class).list();
        List<UUID> students = jdbc.sql("SELECT student_id FROM test_session_student WHERE school_id = ? AND session_id = ?").params(schoolId, id)
                .query(UUID.class).list();
        return new TestSession(schoolId, id, rs.getString("title"), rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
                Purpose.valueOf(rs.getString("purpose")), rs.getString("periodic_reason"), rs.getString("approval_reference"),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(), rs.getInt("duration_minutes"),
                rs.getInt("attempts_allowed"), rs.getBoolean("shuffle_questions"), rs.getBoolean("shuffle_options"),
                rs.getString("access_code"), ResultsPolicy.valueOf(rs.getString("results_policy")), rs.getInt("key_version"),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), classes, students);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.field(field, "testing.session.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.field(field, "testing.session.badChoice", value));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : VietnameseText.clean(s);
    }

    public static void requireFound(boolean found, String what) {
        if (!found) {
            throw new NotFoundException(what);
        }
    }
}
