package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.model.Question;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.testing.TestingFixture.Student;
import vn.truongso.testing.domain.Attempts;

/**
 * Taking a test through the API: start and resume, idempotent saves (same and older sequence numbers, concurrent
 * saves), refusals (time up, submitted, a question not in the attempt, another student's token, malformed answers),
 * exactly-once submission, the timer, grading with the 10-point mark, essays, key correction.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttemptApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    TestSchools schools;
    @Autowired
    QuestionBanks banks;
    @Autowired
    Attempts attempts;
    @Autowired
    ApplicationEvents events;

    TestingFixture f;
    UUID bankId;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        bankId = f.bank();
    }

    AbstractMockHttpServletRequestBuilder<?> saveRequest(JsonNode started, UUID questionId, long seq, Object response) throws Exception {
        return put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + questionId)
                .header("X-Attempt-Token", started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("seq", seq, "response", response)));
    }

    Map<UUID, Question> definitions(JsonNode started) {
        return banks.questions(f.school.schoolId(), TestingFixture.questionIds(started));
    }

    String storedResponse(JsonNode started, UUID questionId) {
        return jdbc.sql("SELECT response::text FROM test_answer WHERE attempt_id = ? AND question_id = ?")
                .params(UUID.fromString(started.get("attemptId").asString()), questionId).query(String.class).optional().orElse(null);
    }

    @Test
    void aStudentTakesTheTestAndEverySaveIsIdempotent() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        Student lan = f.student("Nguyễn Thị Lan");
        JsonNode started = f.start(sessionId, lan, 201);
        assertThat(started.get("questions").size()).isEqualTo(8);
        String payload = started.get("questions").toString();
        assertThat(payload).doesNotContain("\"correct\"").doesNotContain("fraction").doesNotContain("rubric");
        assertThat(started.get("resultsReleased").asBoolean()).isFalse();
        assertThat(started.has("mark")).isFalse();
        // Starting again resumes the same attempt (another device), with the same order.
        JsonNode resumed = f.start(sessionId, lan, 200);
        assertThat(resumed.get("attemptId").asString()).isEqualTo(started.get("attemptId").asString());
        assertThat(TestingFixture.questionIds(resumed)).isEqualTo(TestingFixture.questionIds(started));

        Map<UUID, Question> defs = definitions(started);
        long seq = 0;
        for (UUID qid : TestingFixture.questionIds(started)) {
            JsonNode ack = f.call(saveRequest(started, qid, ++seq, TestingFixture.correctResponse(defs.get(qid))), 200);
            assertThat(ack.get("seq").asLong()).isEqualTo(seq);
            assertThat(ack.get("savedAt").asString()).isNotBlank();
        }
        UUID first = TestingFixture.questionIds(started).getFirst();
        String before = storedResponse(started, first);
        // The same sequence number again, and an older one: acknowledged, nothing changes.
        f.call(saveRequest(started, first, 1, Map.of("selected", List.of("X"))), 200);
        JsonNode older = f.call(saveRequest(resumed, first, 0, Map.of("text", "cũ")), 200);
        assertThat(older.get("seq").asLong()).isEqualTo(1);
        assertThat(storedResponse(started, first)).isEqualTo(before);

        // Refusals that change nothing.
        f.call(saveRequest(started, UUID.randomUUID(), 100, Map.of("text", "x")), 400);
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + first).header("X-Attempt-Token",
                started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON).content("{\"seq\": 50, \"response\": {\"selected\": 3}}"), 400);
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + first).header("X-Attempt-Token",
                started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON).content("{\"seq\": \"a\", \"response\": {}}"), 400);
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + first).header("X-Attempt-Token",
                started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON).content("{not json"), 400);
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + first)
                .contentType(MediaType.APPLICATION_JSON).content("{\"seq\": 60, \"response\": {\"text\": \"x\"}}"), 401);
        String forged = started.get("attemptToken").asString();
        forged = forged.substring(0, forged.length() - 2) + (forged.endsWith("AA") ? "BB" : "AA");
        f.call(saveRequest(started, first, 61, Map.of("text", "x")).header("X-Attempt-Token", forged), 401);
        assertThat(storedResponse(started, first)).isEqualTo(before);

        // Resume state (another device) shows the saved answers and the server's time.
        JsonNode state = f.call(get("/api/v1/attempts/" + started.get("attemptId").asString()).header("X-Attempt-Token",
                started.get("attemptToken").asString()), 200);
        assertThat(state.get("answers").size()).isEqualTo(8);
        assertThat(state.get("serverNow").asString()).isNotBlank();

        JsonNode submitted = f.call(post("/api/v1/attempts/" + started.get("attemptId").asString() + "/submission")
                .header("X-Attempt-Token", started.get("attemptToken").asString()), 200);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        // Every objective item right; the essay waits for the teacher, so no mark yet.
        assertThat(submitted.get("pendingEssays").asInt()).isEqualTo(1);
        assertThat(submitted.get("mark").isNull()).isTrue();
        JsonNode again = f.call(post("/api/v1/attempts/" + started.get("attemptId").asString() + "/submission")
                .header("X-Attempt-Token", started.get("attemptToken").asString()), 200);
        assertThat(again.get("submittedAt").asString()).isEqualTo(submitted.get("submittedAt").asString());
        f.call(saveRequest(started, first, 999, Map.of("selected", List.of("A"))), 409);
        assertThat(storedResponse(started, first)).isEqualTo(before);
        assertThat(auditCount("testing.attempt.submitted", started)).isEqualTo(1);

        // The teacher grades the essay: the mark is final and published.
        UUID essay = defs.entrySet().stream().filter(e -> e.getValue().type().equals("ESSAY")).findFirst().orElseThrow().getKey();
        String base = "/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId;
        JsonNode queue = f.call(get(base + "/essays?ungraded=true").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        assertThat(queue.size()).isEqualTo(1);
        f.call(put(base + "/attempts/" + started.get("attemptId").asString() + "/essays/" + essay).header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"points\": 2}"), 400);
        JsonNode graded = f.call(put(base + "/attempts/" + started.get("attemptId").asString() + "/essays/" + essay)
                .header("Authorization", f.school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content("{\"points\": 0.5}"), 200);
        // 7.5 of 8 points = 9.375 → 9.4
        assertThat(graded.get("mark").decimalValue()).isEqualByComparingTo("9.4");
        assertThat(events.stream(TestMarkPublished.class).filter(e -> e.attemptId().toString().equals(started.get("attemptId").asString())))
                .singleElement().satisfies(e -> {
                    assertThat(e.mark()).isEqualByComparingTo("9.4");
                    assertThat(e.studentId()).isEqualTo(lan.id());
                    assertThat(e.purpose()).isEqualTo("REGULAR");
                });

        // Correcting the key of the single-choice question to another option regrades: that item is now wrong.
        UUID single = defs.entrySet().stream().filter(e -> e.getValue().type().equals("SINGLE_CHOICE")).findFirst().orElseThrow().getKey();
        String wrong = defs.get(single).choices().stream().filter(c -> !c.correct()).findFirst().orElseThrow().id();
        f.call(put(base + "/questions/" + single + "/key").header("Authorization", f.school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"correct\": [\"" + wrong + "\"]}"), 400);
        JsonNode corrected = f.call(put(base + "/questions/" + single + "/key").header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"correct\": [\"" + wrong + "\"], \"reason\": \"Đáp án in nhầm\"}"), 200);
        assertThat(corrected.get("regraded").asInt()).isEqualTo(1);
        JsonNode after = f.call(get("/api/v1/attempts/" + started.get("attemptId").asString()).header("X-Attempt-Token",
                started.get("attemptToken").asString()), 200);
        // 6.5 of 8 = 8.125 → 8.1
        assertThat(after.get("mark").decimalValue()).isEqualByComparingTo("8.1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'testing.key.corrected' AND subject_id = ?").param(sessionId.toString())
                .query(Integer.class).single()).isEqualTo(1);
        // The bank itself is untouched by the correction.
        assertThat(banks.questions(f.school.schoolId(), List.of(single)).get(single).choices().stream().filter(c -> c.correct()).findFirst()
                .orElseThrow().id()).isNotEqualTo(wrong);

        JsonNode progress = f.call(get(base + "/progress").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        JsonNode mine = null;
        for (JsonNode p : progress) {
            if (p.get("studentId").asString().equals(lan.id().toString())) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("answered").asInt()).isEqualTo(8);
        assertThat(mine.get("mark").decimalValue()).isEqualByComparingTo("8.1");
        var xlsx = mvc.perform(get(base + "/results.xlsx").header("Authorization", f.school.bearer(Role.TEACHER))).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            boolean found = false;
            for (var row : wb.getSheetAt(0)) {
                if (row.getCell(2) != null && "Nguyễn Thị Lan".equals(row.getCell(2).getStringCellValue())) {
                    assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(8.1);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    int auditCount(String action, JsonNode started) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_id = ?").params(action, started.get("attemptId").asString())
                .query(Integer.class).single();
    }

    @Test
    void anotherStudentsTokenOrAttemptIsRefused() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        JsonNode a = f.start(sessionId, f.student("Trần Văn An"), 201);
        JsonNode b = f.start(sessionId, f.student("Lê Thị Bình"), 201);
        UUID q = TestingFixture.questionIds(b).getFirst();
        // B's token on A's attempt, and A's token on B's attempt.
        f.call(put("/api/v1/attempts/" + a.get("attemptId").asString() + "/answers/" + q).header("X-Attempt-Token", b.get("attemptToken").asString())
                .contentType(MediaType.APPLICATION_JSON).content("{\"seq\":1,\"response\":{\"text\":\"x\"}}"), 404);
        f.call(get("/api/v1/attempts/" + b.get("attemptId").asString()).header("X-Attempt-Token", a.get("attemptToken").asString()), 404);
        f.call(post("/api/v1/attempts/" + b.get("attemptId").asString() + "/submission").header("X-Attempt-Token", a.get("attemptToken").asString()), 404);
        assertThat(storedResponse(a, q)).isNull();
        // A student who is not assigned (another school's student) cannot even see the session.
        TestingFixture other = new TestingFixture(mvc, json, jdbc, accounts, schools);
        f.call(post("/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId + "/attempts")
                .header("Authorization", other.student("Phạm Văn Khác").bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"), 404);
        // No attempts left after submitting the only one.
        f.call(post("/api/v1/attempts/" + a.get("attemptId").asString() + "/submission").header("X-Attempt-Token", a.get("attemptToken").asString()), 200);
    }

    @Test
    void concurrentSavesKeepTheHighestSequenceAndTwoSubmitsSubmitOnce() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        JsonNode s = f.start(sessionId, f.student("Đỗ Minh Châu"), 201);
        UUID q = TestingFixture.questionIds(s).getFirst();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> saves = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                long seq = i;
                saves.add(() -> mvc.perform(saveRequest(s, q, seq, Map.of("text", "lần " + seq))).andReturn().getResponse().getStatus());
            }
            for (Future<Integer> r : pool.invokeAll(saves)) {
                assertThat(r.get()).isEqualTo(200);
            }
            assertThat(storedResponse(s, q)).contains("lần 40");
            List<Callable<JsonNode>> submits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                submits.add(() -> f.call(post("/api/v1/attempts/" + s.get("attemptId").asString() + "/submission")
                        .header("X-Attempt-Token", s.get("attemptToken").asString()), 200));
            }
            List<String> times = new ArrayList<>();
            for (Future<JsonNode> r : pool.invokeAll(submits)) {
                times.add(r.get().get("submittedAt").asString());
            }
            assertThat(times.get(0)).isEqualTo(times.get(1));
            assertThat(auditCount("testing.attempt.submitted", s)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterTheDeadlineSavesAreRefusedAndTheTimerSubmits() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        JsonNode s = f.start(sessionId, f.student("Vũ Thu Hà"), 201);
        List<UUID> qs = TestingFixture.questionIds(s);
        f.call(saveRequest(s, qs.get(0), 1, Map.of("text", "kịp giờ")), 200);
        UUID attemptId = UUID.fromString(s.get("attemptId").asString());
        jdbc.sql("UPDATE test_attempt SET deadline = now() - interval '1 second' WHERE id = ?").param(attemptId).update();
        JsonNode refused = f.call(saveRequest(s, qs.get(1), 2, Map.of("text", "muộn")), 409);
        assertThat(refused.get("detail").asString()).contains("hết giờ");
        assertThat(refused.get("detailEn").asString()).contains("Time is up");
        assertThat(storedResponse(s, qs.get(1))).isNull();
        attempts.sweep();
        Map<String, Object> row = jdbc.sql("SELECT status, submitted_by FROM test_attempt WHERE id = ?").param(attemptId).query().singleRow();
        assertThat(row).containsEntry("status", "SUBMITTED").containsEntry("submitted_by", "TIMER");
        // The teacher reopens it for 5 minutes with a reason; the student can save again.
        String base = "/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId;
        f.call(post(base + "/attempts/" + attemptId + "/reopen").header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minutes\": 5}"), 400);
        f.call(post(base + "/attempts/" + attemptId + "/reopen").header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minutes\": 5, \"reason\": \"Mất điện\"}"), 204);
        f.call(saveRequest(s, qs.get(1), 3, Map.of("text", "sau khi mở lại")), 200);
        // An extension moves the deadline of the open attempt.
        Map<String, Object> before = jdbc.sql("SELECT deadline FROM test_attempt WHERE id = ?").param(attemptId).query().singleRow();
        f.call(post(base + "/students/" + s.get("attemptId").asString() + "/extension").header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"minutes\": 10, \"reason\": \"x\"}"), 404);
        assertThat(before).isNotNull();
    }

    /**
     * The session works on its own copy of the questions: a teacher changing the bank's key during the exam, even one
     * holding the bank's rows locked in an open transaction, neither changes the grading nor stalls the students.
     */
    @Test
    void editingTheBankDuringTheExamChangesNothingAndStallsNobody() throws Exception {
        UUID ownBank = f.bank();
        UUID sessionId = f.session(f.sessionBody(ownBank));
        JsonNode s = f.start(sessionId, f.student("Mai Văn Bách"), 201);
        Map<UUID, Question> defs = definitions(s);
        UUID single = defs.entrySet().stream().filter(e -> e.getValue().type().equals("SINGLE_CHOICE")).findFirst().orElseThrow().getKey();
        String right = defs.get(single).choices().stream().filter(c -> c.correct()).findFirst().orElseThrow().id();
        try (var teacher = dataSource.getConnection()) {
            teacher.setAutoCommit(false);
            try (var st = teacher.prepareStatement("""
                    UPDATE question SET body = jsonb_set(body, '{choices}', (SELECT jsonb_agg(c || jsonb_build_object('correct', NOT (c->>'correct')::boolean))
                      FROM jsonb_array_elements(body->'choices') c)) WHERE school_id = ? AND bank_id = ? AND id = ?""")) {
                st.setObject(1, f.school.schoolId());
                st.setObject(2, ownBank);
                st.setObject(3, single);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            // The bank's row stays locked while the student answers and submits.
            long started = System.nanoTime();
            f.call(saveRequest(s, single, 1, Map.of("selected", List.of(right))), 200);
            JsonNode submitted = f.call(post("/api/v1/attempts/" + s.get("attemptId").asString() + "/submission")
                    .header("X-Attempt-Token", s.get("attemptToken").asString()), 200);
            assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
            assertThat(submitted.get("points").decimalValue()).isEqualByComparingTo("1");
            teacher.commit();
        }
        assertThat(banks.questions(f.school.schoolId(), List.of(single)).get(single).choices().stream().filter(c -> c.correct()).map(c -> c.id()))
                .doesNotContain(right);
    }

    @Autowired
    javax.sql.DataSource dataSource;
}

