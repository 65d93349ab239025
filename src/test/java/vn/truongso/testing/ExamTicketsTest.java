package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.WebUsers;
import vn.truongso.testing.TestingFixture.Student;

/**
 * Exam tickets (phiếu dự thi): issued by the teacher, a ticket alone starts and resumes its holder's attempt of its
 * session; re-issuing voids the old code; bad and foreign tickets are refused at the field and change nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamTicketsTest {

    private static final Pattern CODE = Pattern.compile("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");

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
    UUID bankId;
    Student lan;
    Student minh;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        bankId = f.bank();
        lan = f.student("Phạm Ngọc Lan");
        minh = f.student("Đỗ Quang Minh");
    }

    JsonNode issue(UUID sessionId, String body, int expected) throws Exception {
        return f.call(post("/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId + "/tickets")
                .header("Authorization", f.school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content(body), expected);
    }

    JsonNode enter(String ticket, String accessCode, int expected) throws Exception {
        return f.call(post("/api/v1/attempts").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(accessCode == null ? Map.of("ticket", ticket) : Map.of("ticket", ticket, "accessCode", accessCode))),
                expected);
    }

    static String codeOf(JsonNode tickets, Student student) {
        for (JsonNode t : tickets) {
            if (t.get("studentId").asString().equals(student.id().toString())) {
                return t.get("code").asString();
            }
        }
        throw new AssertionError("no ticket for " + student.id() + " in " + tickets);
    }

    @Test
    void aTicketStartsAndResumesItsHoldersAttemptWithoutSigningIn() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        JsonNode tickets = issue(sessionId, "{}", 201);
        List<String> holders = new ArrayList<>();
        tickets.forEach(t -> {
            holders.add(t.get("studentId").asString());
            assertThat(t.get("code").asString()).matches(CODE);
        });
        assertThat(holders).contains(lan.id().toString(), minh.id().toString());
        String code = codeOf(tickets, lan);
        // Only a keyed digest is kept: the code itself is nowhere in the table.
        assertThat(jdbc.sql("SELECT count(*) FROM test_ticket WHERE session_id = ? AND position(convert_to(?, 'UTF8') IN code_digest) > 0")
                .params(sessionId, code.replace("-", "")).query(Integer.class).single()).isZero();

        JsonNode started = enter(code, null, 201);
        assertThat(started.get("sessionId").asString()).isEqualTo(sessionId.toString());
        assertThat(started.get("schoolId").asString()).isEqualTo(f.school.schoolId().toString());
        assertThat(started.get("title").asString()).isEqualTo("Kiểm tra 15 phút Toán");
        assertThat(started.get("questions").size()).isEqualTo(8);
        assertThat(started.toString()).doesNotContain("\"correct\"").doesNotContain("fraction");
        UUID q = TestingFixture.questionIds(started).getFirst();
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + q)
                .header("X-Attempt-Token", started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"seq\":1,\"response\":{\"text\":\"7\"}}"), 200);
        assertThat(jdbc.sql("SELECT student_id::text || ' ' || entry || ' ' || (account_id IS NULL) FROM test_attempt WHERE school_id = ? AND id = ?::uuid")
                .params(f.school.schoolId(), started.get("attemptId").asString()).query(String.class).single())
                .isEqualTo(lan.id() + " TICKET true");

        // Typed on another phone, in lower case with spaces: the same attempt, with the answer already saved.
        JsonNode resumed = enter(code.toLowerCase().replace("-", " "), null, 200);
        assertThat(resumed.get("attemptId").asString()).isEqualTo(started.get("attemptId").asString());
        assertThat(resumed.get("answers").size()).isEqualTo(1);
        // The signed-in way finds the same attempt too.
        assertThat(f.start(sessionId, lan, 200).get("attemptId").asString()).isEqualTo(started.get("attemptId").asString());
    }

    @Test
    void reissuingVoidsTheOldCodeAndBadTicketsChangeNothing() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        String old = codeOf(issue(sessionId, "{}", 201), minh);
        JsonNode again = issue(sessionId, "{\"studentIds\":[\"" + minh.id() + "\"]}", 201);
        assertThat(again.size()).isEqualTo(1);
        String fresh = codeOf(again, minh);
        assertThat(fresh).isNotEqualTo(old);
        int attemptsBefore = jdbc.sql("SELECT count(*) FROM test_attempt WHERE session_id = ?").params(sessionId).query(Integer.class).single();

        JsonNode voided = enter(old, null, 400);
        assertThat(voided.get("errors").get(0).get("location").get("field").asString()).isEqualTo("ticket");
        assertThat(voided.get("errors").get(0).get("message").asString()).contains("Mã dự thi không đúng");
        assertThat(voided.get("errors").get(0).get("messageEn").asString()).contains("No such exam ticket");
        JsonNode malformed = enter("ABCD-EFGH-IJ10", null, 400);
        assertThat(malformed.get("errors").get(0).get("message").asString()).contains("12 chữ và số");
        enter("", null, 400);
        f.call(post("/api/v1/attempts").contentType(MediaType.APPLICATION_JSON).content("{}"), 400);
        // A student who is not assigned the session gets no ticket.
        UUID stranger = UUID.randomUUID();
        JsonNode refused = issue(sessionId, "{\"studentIds\":[\"" + stranger + "\"]}", 400);
        assertThat(refused.get("errors").get(0).get("message").asString()).contains(stranger.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM test_attempt WHERE session_id = ?").params(sessionId).query(Integer.class).single())
                .isEqualTo(attemptsBefore);

        enter(fresh, null, 201);
    }

    @Test
    void theSessionsOwnRulesStillApply() throws Exception {
        Map<String, Object> body = f.sessionBody(bankId);
        body.put("accessCode", "PHONG12");
        UUID sessionId = f.session(body);
        JsonNode tickets = issue(sessionId, "{}", 201);
        JsonNode noCode = enter(codeOf(tickets, lan), null, 400);
        assertThat(noCode.get("errors").get(0).get("location").get("field").asString()).isEqualTo("accessCode");
        enter(codeOf(tickets, lan), "phong12", 201);

        // After the window closes a ticket opens nothing and no more tickets are issued.
        jdbc.sql("UPDATE test_session SET opens_at = now() - interval '3 hours', closes_at = now() - interval '1 minute' WHERE id = ?")
                .params(sessionId).update();
        JsonNode closed = enter(codeOf(tickets, minh), "PHONG12", 409);
        assertThat(closed.toString()).contains("đã đóng");
        issue(sessionId, "{}", 409);
    }

    @Test
    void theEntryPageIsPublicAndCreatesNoSession() throws Exception {
        var response = mvc.perform(get("/thi")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-entry=\"ticket\"").contains("Mã dự thi").contains("id=\"ticket\"");
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(response.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void theTeacherPrintsTheSlipsFromTheMonitor() throws Exception {
        UUID sessionId = f.session(f.sessionBody(bankId));
        var teacher = WebUsers.user(accounts, f.school, Role.TEACHER);
        String path = "/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId;
        assertThat(mvc.perform(get(path).with(WebUsers.as(teacher))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"issue-tickets\"");
        var response = mvc.perform(post(path + "/tickets").with(WebUsers.as(teacher)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Phạm Ngọc Lan").contains("Đỗ Quang Minh").contains("/thi");
        Matcher m = CODE.matcher(html);
        assertThat(m.find()).isTrue();
        // The printed code works.
        List<String> codes = new ArrayList<>();
        do {
            codes.add(m.group());
        } while (m.find());
        assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
        enter(codes.getFirst(), null, 201);

        var pupil = WebUsers.user(accounts, f.school, Role.STUDENT);
        assertThat(mvc.perform(post(path + "/tickets").with(WebUsers.as(pupil)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        var stranger = WebUsers.user(accounts, schools.create(), Role.TEACHER);
        assertThat(mvc.perform(post(path + "/tickets").with(WebUsers.as(stranger)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
