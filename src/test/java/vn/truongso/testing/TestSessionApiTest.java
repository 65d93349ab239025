package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.testing.TestingFixture.Student;

/** Session rules with located bilingual errors, the student's list, and authorisation of every testing endpoint. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSessionApiTest {

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

    TestingFixture f;
    TestingFixture other;
    UUID bankId;
    UUID sessionId;
    Student student;
    JsonNode started;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        other = new TestingFixture(mvc, json, jdbc, accounts, schools);
        bankId = f.bank();
        Map<String, Object> body = new java.util.LinkedHashMap<>(f.sessionBody(bankId));
        body.put("accessCode", "TOAN6A");
        body.put("attemptsAllowed", 2);
        sessionId = f.session(body);
        student = f.student("Hoàng Minh Đức");
        started = f.call(post("/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId + "/attempts")
                .header("Authorization", student.bearer()).contentType(MediaType.APPLICATION_JSON).content("{\"accessCode\":\"toan6a\"}"), 201);
    }

    List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("location").path("field").asString() + ":" + e.get("code").asString()));
        return fields;
    }

    JsonNode create(Map<String, Object> body, int status) throws Exception {
        return f.call(post("/api/v1/schools/" + f.school.schoolId() + "/test-sessions").header("Authorization", f.school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), status);
    }

    @Test
    void everyBrokenRuleIsReportedAtItsFieldInBothLanguages() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(f.sessionBody(bankId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        body.put("title", " ");
        body.put("closesAt", now.minus(2, ChronoUnit.HOURS).toString());
        body.put("durationMinutes", 0);
        body.put("attemptsAllowed", 30);
        body.put("accessCode", "a b");
        body.put("classIds", List.of(other.school.classId()));
        body.put("purpose", "PERIODIC");
        body.put("resultsPolicy", "SOMETIMES");
        JsonNode problem = create(body, 400);
        assertThat(fields(problem)).containsExactlyInAnyOrder("title:testing.session.titleRequired", "closesAt:testing.session.closesBeforeOpens",
                "durationMinutes:testing.session.durationRange", "attemptsAllowed:testing.session.attemptsRange",
                "accessCode:testing.session.accessCodeFormat", "classIds:testing.session.unknownClass",
                "periodicReason:testing.session.periodicReasonRequired", "approvalReference:testing.session.approvalRequired",
                "resultsPolicy:testing.session.badChoice");
        problem.get("errors").forEach(e -> {
            assertThat(e.get("message").asString()).isNotBlank().doesNotContain("testing.");
            assertThat(e.get("messageEn").asString()).isNotBlank().doesNotContain("testing.");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM test_session WHERE school_id = ?").param(f.school.schoolId()).query(Integer.class).single())
                .isEqualTo(1);

        // A periodic test online with its reason and the principal's decision is accepted; picked questions must be in the bank.
        Map<String, Object> periodic = new java.util.HashMap<>(f.sessionBody(bankId));
        periodic.put("purpose", "PERIODIC");
        periodic.put("periodicReason", "Học sinh học trực tuyến do bão lũ");
        periodic.put("approvalReference", "QĐ 12/QĐ-THCS ngày 20/11/2026");
        periodic.put("questionIds", List.of(UUID.randomUUID()));
        assertThat(fields(create(periodic, 400))).containsExactly("questionIds[0]:testing.session.questionNotInBank");
        periodic.remove("questionIds");
        JsonNode created = create(periodic, 201);
        assertThat(created.get("approvalReference").asString()).startsWith("QĐ 12");
        assertThat(created.get("purpose").asString()).isEqualTo("PERIODIC");
        // Both sources, or none.
        Map<String, Object> twoSources = new java.util.HashMap<>(f.sessionBody(bankId));
        twoSources.put("paperId", UUID.randomUUID());
        assertThat(fields(create(twoSources, 400))).containsExactly("bankId:testing.session.oneSource");
    }

    @Test
    void theStudentListsHerTestsAndTheAccessCodeAndWindowAreEnforced() throws Exception {
        JsonNode mine = f.call(get("/api/v1/schools/" + f.school.schoolId() + "/my-tests").header("Authorization", student.bearer()), 200);
        JsonNode entry = null;
        for (JsonNode e : mine) {
            if (e.get("sessionId").asString().equals(sessionId.toString())) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(entry.get("needsAccessCode").asBoolean()).isTrue();
        Student another = f.student("Bùi Thị Mai");
        String start = "/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId + "/attempts";
        JsonNode wrong = f.call(post(start).header("Authorization", another.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessCode\":\"SAI\"}"), 400);
        assertThat(fields(wrong)).containsExactly("accessCode:testing.attempt.wrongAccessCode");
        Map<String, Object> later = new java.util.HashMap<>(f.sessionBody(bankId));
        later.put("opensAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        UUID upcoming = f.session(later);
        JsonNode notYet = f.call(post("/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + upcoming + "/attempts")
                .header("Authorization", another.bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"), 409);
        assertThat(notYet.get("detailEn").asString()).contains("not open yet");
    }

    @Test
    void aSessionTakesItsQuestionsFromAPracticeSetInTheSetsOrder() throws Exception {
        UUID school = f.school.schoolId();
        List<UUID> inBank = jdbc.sql("SELECT id FROM question WHERE school_id = ? AND bank_id = ? ORDER BY position").params(school, bankId)
                .query(UUID.class).list();
        List<UUID> picked = List.of(inBank.get(4), inBank.get(0), inBank.get(2));
        UUID setId = vn.truongso.platform.Ids.newId();
        jdbc.sql("""
                INSERT INTO practice_set (school_id, id, title, bank_id, publish_on, created_by, created_at, updated_at)
                VALUES (?, ?, 'Ôn tập chương 1', ?, current_date, ?, now(), now())""").params(school, setId, bankId, student.accountId()).update();
        for (int i = 0; i < picked.size(); i++) {
            jdbc.sql("INSERT INTO practice_set_question (school_id, set_id, question_id, position) VALUES (?, ?, ?, ?)")
                    .params(school, setId, picked.get(i), i + 1).update();
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(f.sessionBody(bankId));
        body.remove("bankId");
        body.put("practiceSetId", setId);
        body.put("shuffleQuestions", false);
        UUID fromSet = f.session(body);
        assertThat(f.call(get(base(f) + "/" + fromSet).header("Authorization", f.school.bearer(Role.TEACHER)), 200).get("sourceKind").asString())
                .isEqualTo("PRACTICE_SET");
        assertThat(TestingFixture.questionIds(f.start(fromSet, f.student("Vũ Thảo Nhi"), 201))).isEqualTo(picked);

        body.put("bankId", bankId);
        JsonNode two = f.call(json(post(base(f)), json.writeValueAsString(body)).header("Authorization", f.school.bearer(Role.TEACHER)), 400);
        assertThat(two.toString()).contains("bộ ôn tập");
        body.remove("bankId");
        body.put("practiceSetId", UUID.randomUUID());
        JsonNode unknown = f.call(json(post(base(f)), json.writeValueAsString(body)).header("Authorization", f.school.bearer(Role.TEACHER)), 400);
        assertThat(unknown.get("errors").get(0).get("location").get("field").asString()).isEqualTo("practiceSetId");
    }

    // ---------------------------------------------------------------- authorisation of every endpoint

    record Endpoint(String name, BiFunction<TestSessionApiTest, TestingFixture, MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    String base(TestingFixture fx) {
        return "/api/v1/schools/" + fx.school.schoolId() + "/test-sessions";
    }

    UUID attemptId() {
        return UUID.fromString(started.get("attemptId").asString());
    }

    UUID firstQuestion() {
        return TestingFixture.questionIds(started).getFirst();
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
        return r.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static Stream<Endpoint> teacherEndpoints() {
        return Stream.of(
                new Endpoint("list", (t, fx) -> get(t.base(fx))),
                new Endpoint("create", (t, fx) -> t.json(post(t.base(fx)), "{\"title\":\"x\"}")),
                new Endpoint("get", (t, fx) -> get(t.base(fx) + "/" + t.sessionId)),
                new Endpoint("progress", (t, fx) -> get(t.base(fx) + "/" + t.sessionId + "/progress")),
                new Endpoint("export", (t, fx) -> get(t.base(fx) + "/" + t.sessionId + "/results.xlsx")),
                new Endpoint("tickets", (t, fx) -> t.json(post(t.base(fx) + "/" + t.sessionId + "/tickets"), "{}")),
                new Endpoint("essays", (t, fx) -> get(t.base(fx) + "/" + t.sessionId + "/essays")),
                new Endpoint("extension", (t, fx) -> t.json(post(t.base(fx) + "/" + t.sessionId + "/students/" + t.student.id() + "/extension"),
                        "{\"minutes\":5,\"reason\":\"ốm\"}")),
                new Endpoint("reopen", (t, fx) -> t.json(post(t.base(fx) + "/" + t.sessionId + "/attempts/" + t.attemptId() + "/reopen"),
                        "{\"minutes\":5,\"reason\":\"mất điện\"}")),
                new Endpoint("essay", (t, fx) -> t.json(put(t.base(fx) + "/" + t.sessionId + "/attempts/" + t.attemptId() + "/essays/" + t.firstQuestion()),
                        "{\"points\":0}")),
                new Endpoint("key", (t, fx) -> t.json(put(t.base(fx) + "/" + t.sessionId + "/questions/" + t.firstQuestion() + "/key"),
                        "{\"correct\":[\"A\"],\"reason\":\"x\"}")));
    }

    static Stream<Endpoint> studentEndpoints() {
        return Stream.of(
                new Endpoint("my-tests", (t, fx) -> get("/api/v1/schools/" + fx.school.schoolId() + "/my-tests")),
                new Endpoint("start", (t, fx) -> t.json(post(t.base(fx) + "/" + t.sessionId + "/attempts"), "{\"accessCode\":\"TOAN6A\"}")));
    }

    static Stream<Arguments> allEndpoints() {
        return Stream.concat(teacherEndpoints(), studentEndpoints()).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("teacherEndpoints")
    void teacherEndpointsRefuseOtherRoles(Endpoint endpoint) throws Exception {
        for (Role role : List.of(Role.STUDENT, Role.PARENT, Role.IT_STAFF)) {
            f.call(endpoint.request().apply(this, f).header("Authorization", f.school.bearer(role)), 403);
        }
        f.call(endpoint.request().apply(this, f).header("Authorization", student.bearer()), 403);
    }

    @ParameterizedTest
    @MethodSource("studentEndpoints")
    void studentEndpointsRefuseStaff(Endpoint endpoint) throws Exception {
        for (Role role : List.of(Role.TEACHER, Role.PRINCIPAL, Role.PARENT)) {
            f.call(endpoint.request().apply(this, f).header("Authorization", f.school.bearer(role)), 403);
        }
    }

    @ParameterizedTest
    @MethodSource("allEndpoints")
    void anotherSchoolSeesNothingAndNobodySignedInIsRefused(Endpoint endpoint) throws Exception {
        for (Role role : Role.values()) {
            f.call(endpoint.request().apply(this, f).header("Authorization", other.school.bearer(role)), 404);
        }
        f.call(endpoint.request().apply(this, f).header("Authorization", other.student("Người Trường Khác").bearer()), 404);
        f.call(endpoint.request().apply(this, f), 401);
    }

    @Test
    void theAttemptEndpointsNeedTheAttemptToken() throws Exception {
        String a = "/api/v1/attempts/" + attemptId();
        f.call(get(a), 401);
        f.call(get(a).header("Authorization", student.bearer()), 401);
        f.call(json(put(a + "/answers/" + firstQuestion()), "{\"seq\":1,\"response\":{\"text\":\"x\"}}"), 401);
        f.call(post(a + "/submission"), 401);
        f.call(json(post(a + "/events"), "{\"kind\":\"BLUR\"}"), 401);
        f.call(json(post(a + "/events"), "{\"kind\":\"BLUR\"}").header("X-Attempt-Token", started.get("attemptToken").asString()), 204);
        f.call(json(post(a + "/events"), "{\"kind\":\"HACK\"}").header("X-Attempt-Token", started.get("attemptToken").asString()), 400);
        JsonNode progress = f.call(get(base(f) + "/" + sessionId + "/progress").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        boolean seen = false;
        for (JsonNode p : progress) {
            if (p.get("studentId").asString().equals(student.id().toString())) {
                assertThat(p.get("focusEvents").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(p.get("status").asString()).isEqualTo("IN_PROGRESS");
                seen = true;
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void anExtensionMovesTheOpenAttemptsDeadline() throws Exception {
        Student s = f.student("Lý Thanh Tâm");
        JsonNode st = f.call(post(base(f) + "/" + sessionId + "/attempts").header("Authorization", s.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessCode\":\"TOAN6A\"}"), 201);
        Instant before = Instant.parse(st.get("deadline").asString());
        f.call(json(post(base(f) + "/" + sessionId + "/students/" + s.id() + "/extension"), "{\"minutes\":10}")
                .header("Authorization", f.school.bearer(Role.TEACHER)), 400);
        f.call(json(post(base(f) + "/" + sessionId + "/students/" + s.id() + "/extension"), "{\"minutes\":10,\"reason\":\"Khuyết tật vận động\"}")
                .header("Authorization", f.school.bearer(Role.TEACHER)), 204);
        JsonNode state = f.call(get("/api/v1/attempts/" + st.get("attemptId").asString()).header("X-Attempt-Token", st.get("attemptToken").asString()), 200);
        assertThat(Instant.parse(state.get("deadline").asString())).isEqualTo(before.plus(10, ChronoUnit.MINUTES));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'testing.attempt.extended' AND subject_id = ?").param(sessionId.toString())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
    }
}
