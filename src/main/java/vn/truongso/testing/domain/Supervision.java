package vn.truongso.testing.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;

/**
 * What the teacher does with a running or finished session: watch it live, give a student more time, reopen an
 * attempt, grade essays with the rubric, correct a key (every attempt regraded, audited), read and export results.
 */
@Component
public class Supervision {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A student of the session and where she is. {@code attemptId} is null before she starts. */
    public record Progress(UUID studentId, String learnerCode, String fullName, String className, UUID attemptId, Integer number,
            String status, Instant startedAt, Instant deadline, Instant submittedAt, String submittedBy, int answered, int questionCount,
            int focusEvents, BigDecimal points, BigDecimal maxPoints, BigDecimal mark, int pendingEssays) {
    }

    /** An essay answer waiting for (or already given) the teacher's points, with the rubric. */
    public record EssayItem(UUID attemptId, UUID studentId, String fullName, UUID questionId, String stemHtml, String rubricHtml,
            BigDecimal maxPoints, String text, BigDecimal points) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TestSessions sessions;
    private final Attempts attempts;
    private final ClassRosters rosters;

    Supervision(JdbcClient jdbc, JsonMapper json, AccessPolicy access, AuditLog audit, TestSessions sessions, Attempts attempts,
            ClassRosters rosters) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
        this.attempts = attempts;
        this.rosters = rosters;
    }

    public TestSession session(CurrentUser user, UUID schoolId, UUID sessionId) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        return sessions.find(schoolId, sessionId).orElseThrow(() -> new NotFoundException("test session " + sessionId));
    }

    /** Every assigned student with her latest attempt: live progress for the monitor and the results table. */
    public List<Progress> progress(CurrentUser user, UUID schoolId, UUID sessionId) {
        TestSession s = session(user, schoolId, sessionId);
        Map<UUID, ClassRosters.StudentInfo> students = sessions.assignedStudents(s);
        record Latest(UUID id, UUID studentId, int number, String status, Instant startedAt, Instant deadline, Instant submittedAt,
                String submittedBy, int answered, int questions, int events, BigDecimal points, BigDecimal max, BigDecimal mark, int pending) {
        }
        Map<UUID, Latest> latest = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (a.student_id) a.id, a.student_id, a.number, a.status, a.started_at, a.deadline, a.submitted_at, a.submitted_by,
                  (SELECT count(*) FROM test_answer x WHERE x.school_id = a.school_id AND x.attempt_id = a.id) AS answered,
                  cardinality(a.question_ids) AS questions,
                  (SELECT count(*) FROM test_attempt_event e WHERE e.school_id = a.school_id AND e.attempt_id = a.id
                     AND e.kind IN ('BLUR', 'HIDDEN', 'FULLSCREEN_EXIT')) AS events,
                  a.points, a.max_points, a.mark, a.pending_essays
                FROM test_attempt a WHERE a.school_id = ? AND a.session_id = ?
                ORDER BY a.student_id, a.number DESC""").params(schoolId, sessionId)
                .query(rs -> {
                    Latest l = new Latest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8), rs.getInt(9),
                            rs.getInt(10), rs.getInt(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getInt(15));
                    latest.put(l.studentId(), l);
                });
        // A student who left the class after starting still shows.
        Set<UUID> missing = new LinkedHashSet<>(latest.keySet());
        missing.removeAll(students.keySet());
        rosters.students(schoolId, missing).forEach(st -> students.putIfAbsent(st.id(), st));
        List<Progress> result = new ArrayList<>();
        for (ClassRosters.StudentInfo st : students.values()) {
            Latest l = latest.get(st.id());
            result.add(l == null
                    ? new Progress(st.id(), st.learnerCode(), st.fullName(), st.className(), null, null, null, null, null, null, null, 0, 0, 0,
                            null, null, null, 0)
                    : new Progress(st.id(), st.learnerCode(), st.fullName(), st.className(), l.id(), l.number(), l.status(), l.startedAt(),
                            l.deadline(), l.submittedAt(), l.submittedBy(), l.answered(), l.questions(), l.events(), l.points(), l.max(), l.mark(),
                            l.pending()));
        }
        return result;
    }

    /** Gives the student extra minutes (also beyond the window's close); her open attempt's deadline moves now. */
    @Transactional
    public void extend(CurrentUser user, UUID schoolId, UUID sessionId, UUID studentId, Integer minutes, String reason) {
        TestSession s = session(user, schoolId, sessionId);
        List<InputError> errors = new ArrayList<>();
        if (minutes == null || minutes < 1 || minutes > 600) {
            errors.add(InputError.field("minutes", "testing.extension.minutesRange", 1, 600));
        }
        String why = reason == null ? "" : VietnameseText.clean(reason);
        if (why.isBlank()) {
            errors.add(InputError.field("reason", "testing.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        if (!sessions.isAssigned(s, studentId) && !hasAttempt(schoolId, sessionId, studentId)) {
            throw new NotFoundException("student " + studentId + " in session " + sessionId);
        }
        int total = jdbc.sql("""
                INSERT INTO test_extension (school_id, session_id, student_id, extra_minutes) VALUES (?, ?, ?, ?)
                ON CONFLICT (school_id, session_id, student_id) DO UPDATE SET extra_minutes = LEAST(test_extension.extra_minutes + EXCLUDED.extra_minutes, 600)
                RETURNING extra_minutes""").params(schoolId, sessionId, studentId, minutes).query(Integer.class).single();
        jdbc.sql("""
                UPDATE test_attempt a SET deadline = LEAST(a.started_at + make_interval(mins => s.duration_minutes + ?),
                                                           s.closes_at + make_interval(mins => ?))
                FROM test_session s WHERE s.school_id = a.school_id AND s.id = a.session_id
                  AND a.school_id = ? AND a.session_id = ? AND a.student_id = ? AND a.status = 'IN_PROGRESS'""")
                .params(total, total, schoolId, sessionId, studentId).update();
        audit.record("testing.attempt.extended", schoolId, "test_session", sessionId.toString(),
                Map.of("student", studentId.toString(), "minutes", minutes, "totalExtraMinutes", total, "reason", why));
    }

    /** Reopens a submitted attempt for some minutes (a student whose device failed, say); its mark is withdrawn until resubmission. */
    @Transactional
    public void reopen(CurrentUser user, UUID schoolId, UUID sessionId, UUID attemptId, Integer minutes, String reason) {
        session(user, schoolId, sessionId);
        List<InputError> errors = new ArrayList<>();
        if (minutes == null || minutes < 1 || minutes > 600) {
            errors.add(InputError.field("minutes", "testing.extension.minutesRange", 1, 600));
        }
        String why = reason == null ? "" : VietnameseText.clean(reason);
        if (why.isBlank()) {
            errors.add(InputError.field("reason", "testing.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        AttemptRow a = attempts.load(schoolId, attemptId).filter(r -> r.sessionId().equals(sessionId))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        int changed = jdbc.sql("""
                UPDATE test_attempt SET status = 'IN_PROGRESS', deadline = now() + make_interval(mins => ?), submitted_at = NULL,
                  submitted_by = NULL, mark = NULL WHERE school_id = ? AND id = ? AND status = 'SUBMITTED'""")
                .params(minutes, schoolId, attemptId).update();
        if (changed == 0) {
            throw new TestingConflict("testing.attempt.notSubmitted");
        }
        audit.record("testing.attempt.reopened", schoolId, "test_attempt", attemptId.toString(),
                detail("student", a.studentId().toString(), "minutes", minutes, "reason", why, "previousMark", a.mark()));
    }

    /** The essays of the session: all, or only those without points yet. */
    public List<EssayItem> essays(CurrentUser user, UUID schoolId, UUID sessionId, boolean onlyUngraded) {
        TestSession s = session(user, schoolId, sessionId);
        Snapshot snapshot = sessions.snapshot(schoolId, sessionId, s.keyVersion());
        Map<UUID, String> names = new HashMap<>();
        List<EssayItem> items = new ArrayList<>();
        record Row(UUID attemptId, UUID studentId, String variant, UUID questionId, String response, BigDecimal points) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.id, a.student_id, a.variant, x.question_id, x.response, x.manual_points
                FROM test_answer x JOIN test_attempt a ON a.school_id = x.school_id AND a.id = x.attempt_id
                WHERE a.school_id = ? AND a.session_id = ? AND a.status = 'SUBMITTED' ORDER BY a.student_id, a.number""")
                .params(schoolId, sessionId)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getBigDecimal(6)))
                .list();
        rosters.students(schoolId, rows.stream().map(Row::studentId).distinct().toList()).forEach(st -> names.put(st.id(), st.fullName()));
        for (Row r : rows) {
            Question q = snapshot.definitions().get(r.questionId());
            if (q == null || !"ESSAY".equals(q.type()) || (onlyUngraded && r.points() != null)) {
                continue;
            }
            String text = json.readTree(r.response()).path("text").asString("");
            if (text.isBlank()) {
                continue;
            }
            BigDecimal max = snapshot.variants().getOrDefault(r.variant(), List.of()).stream().filter(i -> i.questionId().equals(r.questionId()))
                    .map(Snapshot.Item::points).findFirst().orElse(q.points());
            items.add(new EssayItem(r.attemptId(), r.studentId(), names.get(r.studentId()), r.questionId(),
                    vn.truongso.questions.QuestionHtml.toSafeHtml(q.stem(), ref -> QuestionView.MEDIA_PREFIX + ref.substring(5)),
                    vn.truongso.questions.QuestionHtml.toSafeHtml(q.rubric(), ref -> QuestionView.MEDIA_PREFIX + ref.substring(5)), max, text,
                    r.points()));
        }
        return items;
    }

    /** The teacher's points for an essay answer; the attempt is regraded and its mark published once final. */
    @Transactional
    public Grading.Result gradeEssay(CurrentUser user, UUID schoolId, UUID sessionId, UUID attemptId, UUID questionId, BigDecimal points) {
        TestSession s = session(user, schoolId, sessionId);
        AttemptRow a = attempts.load(schoolId, attemptId).filter(r -> r.sessionId().equals(sessionId))
                .orElseThrow(() -> new NotFoundException("attempt " + attemptId));
        Snapshot snapshot = sessions.snapshot(schoolId, sessionId, s.keyVersion());
        Question q = snapshot.definitions().get(questionId);
        Snapshot.Item item = snapshot.variants().get(a.variant()).stream().filter(i -> i.questionId().equals(questionId)).findFirst().orElse(null);
        if (q == null || item == null || !"ESSAY".equals(q.type())) {
            throw new NotFoundException("essay " + questionId + " in attempt " + attemptId);
        }
        if (points == null || points.signum() < 0 || points.compareTo(item.points()) > 0) {
            throw new BadInputException(InputError.field("points", "testing.essay.pointsRange", item.points().toPlainString()));
        }
        if (!AttemptRow.SUBMITTED.equals(a.status())) {
            throw new TestingConflict("testing.attempt.notSubmitted");
        }
        BigDecimal before = jdbc.sql("SELECT manual_points FROM test_answer WHERE school_id = ? AND attempt_id = ? AND question_id = ?")
                .params(schoolId, attemptId, questionId).query(BigDecimal.class).optional().orElse(null);
        int changed = jdbc.sql("""
                UPDATE test_answer SET manual_points = ?, graded_by = ?, graded_at = now() WHERE school_id = ? AND attempt_id = ? AND question_id = ?""")
                .params(points, user.id(), schoolId, attemptId, questionId).update();
        if (changed == 0) {
            throw new NotFoundException("no answer to essay " + questionId);
        }
        audit.record("testing.essay.graded", schoolId, "test_attempt", attemptId.toString(),
                detail("question", questionId.toString(), "points", points.toPlainString(), "previous", before == null ? null : before.toPlainString()));
        return attempts.regrade(schoolId, attemptId);
    }

    /**
     * Corrects the key of a choice question (or the true statements of a true/false cluster) in the session's snapshot
     * and regrades every submitted attempt; the audit entry keeps the old and the new key. Returns how many attempts
     * were regraded.
     */
    @Transactional
    public int correctKey(CurrentUser user, UUID schoolId, UUID sessionId, UUID questionId, List<String> correctIds, String reason) {
        TestSession s = session(user, schoolId, sessionId);
        Snapshot snapshot = sessions.snapshot(schoolId, sessionId, s.keyVersion());
        Question q = snapshot.definitions().get(questionId);
        if (q == null) {
            throw new NotFoundException("question " + questionId + " in session " + sessionId);
        }
        List<InputError> errors = new ArrayList<>();
        Set<String> correct = new LinkedHashSet<>(correctIds == null ? List.of() : correctIds);
        Set<String> known = new LinkedHashSet<>(q.choices().stream().map(Choice::id).toList());
        switch (q.type()) {
            case "SINGLE_CHOICE", "TRUE_FALSE" -> {
                if (correct.size() != 1) {
                    errors.add(InputError.field("correct", "testing.key.exactlyOne"));
                }
            }
            case "MULTIPLE_RESPONSE" -> {
                if (correct.isEmpty()) {
                    errors.add(InputError.field("correct", "testing.key.atLeastOne"));
                }
            }
            case "TRUE_FALSE_CLUSTER" -> {
                // The listed statements are true, the others false.
            }
            default -> errors.add(InputError.field("questionId", "testing.key.notAChoiceQuestion", q.type()));
        }
        for (String id : correct) {
            if (!known.contains(id)) {
                errors.add(InputError.field("correct", "testing.key.unknownOption", id));
            }
        }
        String why = reason == null ? "" : VietnameseText.clean(reason);
        if (why.isBlank()) {
            errors.add(InputError.field("reason", "testing.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        List<String> before = q.choices().stream().filter(Choice::correct).map(Choice::id).toList();
        List<Choice> choices = q.choices().stream().map(c -> new Choice(c.id(), c.text(), correct.contains(c.id()),
                "MULTIPLE_RESPONSE".equals(q.type()) ? null : c.fraction(), c.feedback())).toList();
        if ("MULTIPLE_RESPONSE".equals(q.type()) && q.choices().stream().anyMatch(c -> c.fraction() != null)) {
            // A weighted multiple-response question's fractions follow the key: right options share the points, wrong ones cost.
            // (Unweighted ones stay all-or-nothing.)
            choices = reweigh(choices);
        }
        Question corrected = q.toBuilder().choices(choices).build();
        jdbc.sql("UPDATE test_session_question SET definition = ?::jsonb WHERE school_id = ? AND session_id = ? AND question_id = ?")
                .params(json.writeValueAsString(corrected), schoolId, sessionId, questionId).update();
        jdbc.sql("UPDATE test_session SET key_version = key_version + 1 WHERE school_id = ? AND id = ?").params(schoolId, sessionId).update();
        sessions.forget(sessionId);
        List<UUID> ids = jdbc.sql("SELECT id FROM test_attempt WHERE school_id = ? AND session_id = ? AND status = 'SUBMITTED' ORDER BY id")
                .params(schoolId, sessionId).query(UUID.class).list();
        for (UUID id : ids) {
            attempts.regrade(schoolId, id);
        }
        audit.record("testing.key.corrected", schoolId, "test_session", sessionId.toString(),
                Map.of("question", questionId.toString(), "before", before, "after", List.copyOf(correct), "reason", why, "regraded", ids.size()));
        return ids.size();
    }

    private static List<Choice> reweigh(List<Choice> choices) {
        long right = choices.stream().filter(Choice::correct).count();
        long wrong = choices.size() - right;
        BigDecimal plus = BigDecimal.ONE.divide(BigDecimal.valueOf(Math.max(right, 1)), 5, java.math.RoundingMode.HALF_UP);
        BigDecimal minus = wrong == 0 ? BigDecimal.ZERO
                : BigDecimal.ONE.divide(BigDecimal.valueOf(wrong), 5, java.math.RoundingMode.HALF_UP).negate();
        return choices.stream().map(c -> new Choice(c.id(), c.text(), c.correct(), c.correct() ? plus : minus, c.feedback())).toList();
    }

    /** The results as an .xlsx workbook (one row per assigned student). */
    public byte[] exportResults(CurrentUser user, UUID schoolId, UUID sessionId) {
        TestSession s = session(user, schoolId, sessionId);
        List<Progress> rows = progress(user, schoolId, sessionId);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Kết quả");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(s.title());
            Row header = sheet.createRow(2);
            String[] heads = {"STT", "Mã học sinh", "Họ và tên", "Lớp", "Trạng thái", "Lần làm", "Bắt đầu", "Nộp bài", "Số câu đã trả lời",
                    "Điểm đạt", "Điểm tối đa", "Điểm (thang 10)", "Câu tự luận chờ chấm", "Rời trang"};
            for (int i = 0; i < heads.length; i++) {
                header.createCell(i).setCellValue(heads[i]);
            }
            int r = 3;
            for (Progress p : rows) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 2);
                row.createCell(1).setCellValue(p.learnerCode());
                row.createCell(2).setCellValue(p.fullName());
                row.createCell(3).setCellValue(p.className() == null ? "" : p.className());
                row.createCell(4).setCellValue(p.status() == null ? "Chưa làm" : "SUBMITTED".equals(p.status()) ? "Đã nộp" : "Đang làm");
                if (p.number() != null) {
                    row.createCell(5).setCellValue(p.number());
                }
                row.createCell(6).setCellValue(p.startedAt() == null ? "" : time.format(p.startedAt()));
                row.createCell(7).setCellValue(p.submittedAt() == null ? "" : time.format(p.submittedAt()));
                row.createCell(8).setCellValue(p.answered());
                if (p.points() != null) {
                    row.createCell(9).setCellValue(p.points().doubleValue());
                }
                if (p.maxPoints() != null) {
                    row.createCell(10).setCellValue(p.maxPoints().doubleValue());
                }
                if (p.mark() != null) {
                    // A mark is shown with its one decimal exactly as rounded (the cell's number is that decimal).
                    row.createCell(11).setCellValue(p.mark().doubleValue());
                }
                row.createCell(12).setCellValue(p.pendingEssays());
                row.createCell(13).setCellValue(p.focusEvents());
                r++;
            }
            for (int i = 0; i < heads.length; i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasAttempt(UUID schoolId, UUID sessionId, UUID studentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM test_attempt WHERE school_id = ? AND session_id = ? AND student_id = ?)")
                .params(schoolId, sessionId, studentId).query(Boolean.class).single();
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
