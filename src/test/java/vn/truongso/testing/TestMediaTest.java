package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.WebUsers;
import vn.truongso.testing.TestingFixture.Student;

/**
 * Question images of a test are served at /testing/media/{sha} only for a blob the session's snapshot refers to, and
 * only to the student of an attempt (attempt token or her signed-in session) or the school's staff; 404 to anyone else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMediaTest {

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
    BlobStore blobs;

    TestingFixture f;
    TestingFixture other;
    byte[] image;
    String sha;
    String unreferenced;
    Student taker;
    Student idle;
    JsonNode started;

    static byte[] png(String marker) {
        byte[] tail = (marker + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[8 + tail.length];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(head, 0, b, 0, 8);
        System.arraycopy(tail, 0, b, 8, tail.length);
        return b;
    }

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        other = new TestingFixture(mvc, json, jdbc, accounts, schools);
        image = png("hinh-tam-giac");
        sha = blobs.put(new ByteArrayInputStream(image), 1 << 20).sha256();
        unreferenced = blobs.put(new ByteArrayInputStream(png("khong-dung")), 1 << 20).sha256();
        Map<String, Object> body = new LinkedHashMap<>(f.sessionBody(f.bank(ItemAnalysisSessionTest.GIFT)));
        body.put("shuffleQuestions", false);
        UUID sessionId = f.session(body);
        // The first question of the session's copy shows the image (as a bank question with an image would).
        int changed = jdbc.sql("""
                UPDATE test_session_question SET definition = jsonb_set(definition, '{stem}', ?::jsonb)
                WHERE school_id = ? AND session_id = ? AND strpos(definition::text, 'Một cộng một') > 0""")
                .params("{\"format\":\"html\",\"text\":\"<p>Một cộng một? <img src=\\\"blob:" + sha + "\\\" alt=\\\"hình\\\"></p>\"}",
                        f.school.schoolId(), sessionId)
                .update();
        assertThat(changed).isEqualTo(1);
        taker = f.student("Lý Thị Ảnh");
        idle = f.student("Mai Văn Chờ");
        started = f.start(sessionId, taker, 201);
    }

    MockHttpServletResponse fetch(String blob) throws Exception {
        return mvc.perform(get("/testing/media/" + blob)).andReturn().getResponse();
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    String token() {
        return started.get("attemptToken").asString();
    }

    @Test
    void theAttemptsQuestionPointsToTheImageAndItsTokenFetchesIt() throws Exception {
        assertThat(started.get("questions").get(0).get("stemHtml").asString()).contains("/testing/media/" + sha);
        MockHttpServletResponse r = perform(get("/testing/media/" + sha).header("X-Attempt-Token", token()));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsByteArray()).isEqualTo(image);
        assertThat(r.getContentType()).isEqualTo("image/png");
        assertThat(r.getHeader("Cache-Control")).contains("private").contains("max-age=86400");
        assertThat(r.getHeader("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        MockHttpServletResponse again = perform(get("/testing/media/" + sha).header("X-Attempt-Token", token()).header("If-None-Match", "\"" + sha + "\""));
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
    }

    @Test
    void theSignedInStudentAndTheSchoolsStaffSeeIt() throws Exception {
        assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, taker.accountId())))).getStatus()).isEqualTo(200);
        assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, f.school, Role.TEACHER)))).getStatus()).isEqualTo(200);
        assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, f.school, Role.PRINCIPAL)))).getStatus())
                .isEqualTo(200);
    }

    @Test
    void everybodyElseGetsNotFound() throws Exception {
        // A student of the school who has not started the test, another school's staff, nobody, a forged token.
        assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, idle.accountId())))).getStatus()).isEqualTo(404);
        for (Role role : Role.values()) {
            assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, other.school, role)))).getStatus())
                    .as(role.name()).isEqualTo(404);
        }
        assertThat(perform(get("/testing/media/" + sha).with(WebUsers.as(WebUsers.user(accounts, f.school, Role.PARENT)))).getStatus()).isEqualTo(404);
        assertThat(fetch(sha).getStatus()).isEqualTo(404);
        String forged = token().substring(0, token().length() - 4) + (token().endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(perform(get("/testing/media/" + sha).header("X-Attempt-Token", forged)).getStatus()).isEqualTo(404);
        // A stored blob no session uses, even with a good token; a name that is not a SHA-256.
        assertThat(perform(get("/testing/media/" + unreferenced).header("X-Attempt-Token", token())).getStatus()).isEqualTo(404);
        assertThat(perform(get("/testing/media/" + unreferenced).with(WebUsers.as(WebUsers.user(accounts, f.school, Role.TEACHER)))).getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/testing/media/..%2Fetc").header("X-Attempt-Token", token())).getStatus()).isIn(400, 404);
    }
}
