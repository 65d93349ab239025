package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.testing.TestingFixture.Student;

/**
 * After the results are released (results policy), the student sees per item her answer, the right one and the
 * feedback; before that, no response she can obtain carries anything about the keys or the feedback.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAfterReleaseTest {

    static final String GIFT = """
            ::R1:: Một cộng một bằng bao nhiêu? {=hai#Đúng rồi, một cộng một là hai. ~ba#Chưa đúng, ba là một cộng hai. ~bốn#Chưa đúng lắm. ####Nhắc lại phép cộng hai số.}

            ::R2:: Hai cộng hai bằng bao nhiêu? {=bốn ~năm ~sáu}
            """;

    /** Anything that would tell a key or give feedback away. */
    static final List<String> SECRETS = List.of("Đúng rồi", "Chưa đúng", "Nhắc lại", "\"correct\"", "\"review\"", "\"fraction\"", "\"feedback",
            "\"key");

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

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        bankId = f.bank(GIFT);
    }

    /** Performs the request, checks the status and that the body holds none of {@link #SECRETS}; returns the body parsed. */
    JsonNode secretless(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        for (String secret : SECRETS) {
            assertThat(body).as("response of %s before release", request).doesNotContain(secret);
        }
        return body.isEmpty() ? null : json.readTree(body);
    }

    record Taken(UUID sessionId, String attemptId, String token, String rightOfFirst, JsonNode submitted) {
    }

    /** A student takes a session: the first question answered with its first option shown, the second left out; submitted. */
    Taken take(String policy, String name) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(f.sessionBody(bankId));
        body.put("shuffleQuestions", false);
        body.put("shuffleOptions", false);
        body.put("resultsPolicy", policy);
        UUID sessionId = f.session(body);
        Student student = f.student(name);
        String start = "/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId + "/attempts";
        JsonNode started = secretless(post(start).header("Authorization", student.bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"), 201);
        String attempt = started.get("attemptId").asString();
        String token = started.get("attemptToken").asString();
        JsonNode first = started.get("questions").get(0);
        String chosen = first.get("options").get(0).get("id").asString();
        secretless(put("/api/v1/attempts/" + attempt + "/answers/" + first.get("id").asString()).header("X-Attempt-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"seq\":1,\"response\":{\"selected\":[\"" + chosen + "\"]}}"), 200);
        secretless(get("/api/v1/attempts/" + attempt).header("X-Attempt-Token", token), 200);
        JsonNode submitted = "IMMEDIATELY".equals(policy)
                ? f.call(post("/api/v1/attempts/" + attempt + "/submission").header("X-Attempt-Token", token), 200)
                : secretless(post("/api/v1/attempts/" + attempt + "/submission").header("X-Attempt-Token", token), 200);
        if (!"IMMEDIATELY".equals(policy)) {
            secretless(get("/api/v1/attempts/" + attempt).header("X-Attempt-Token", token), 200);
            secretless(post(start).header("Authorization", student.bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"), 409);
            secretless(get("/api/v1/schools/" + f.school.schoolId() + "/my-tests").header("Authorization", student.bearer()), 200);
        }
        return new Taken(sessionId, attempt, token, chosen, submitted);
    }

    void closeWindow(UUID sessionId) {
        jdbc.sql("UPDATE test_session SET opens_at = now() - interval '3 hours', closes_at = now() - interval '1 minute' WHERE id = ?")
                .params(sessionId).update();
    }

    @Test
    void afterCloseTheReviewAppearsOnlyOnceTheWindowHasClosed() throws Exception {
        Taken t = take("AFTER_CLOSE", "Ngô Thị Xem");
        assertThat(t.submitted().get("resultsReleased").asBoolean()).isFalse();
        closeWindow(t.sessionId());
        JsonNode state = f.call(get("/api/v1/attempts/" + t.attemptId()).header("X-Attempt-Token", t.token()), 200);
        assertThat(state.get("resultsReleased").asBoolean()).isTrue();
        JsonNode review = state.get("review");
        assertThat(review.size()).isEqualTo(2);
        JsonNode first = review.get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        // The first option in stored order is the key ("hai"): she was right, got its feedback and the general one.
        assertThat(first.get("correct").get("selected").get(0).asString()).isEqualTo(t.rightOfFirst());
        assertThat(first.get("response").get("selected").get(0).asString()).isEqualTo(t.rightOfFirst());
        assertThat(first.get("points").decimalValue()).isEqualByComparingTo("1");
        List<String> feedback = new ArrayList<>();
        first.get("feedbackHtml").forEach(n -> feedback.add(n.asString()));
        assertThat(String.join(" ", feedback)).contains("Đúng rồi").contains("Nhắc lại phép cộng").doesNotContain("Chưa đúng");
        JsonNode second = review.get(1);
        assertThat(second.get("points").decimalValue()).isEqualByComparingTo("0");
        assertThat(second.get("response").isNull()).isTrue();
        assertThat(second.get("correct").get("selected").size()).isEqualTo(1);
    }

    @Test
    void immediatelyReleasedResultsCarryTheReview() throws Exception {
        Taken t = take("IMMEDIATELY", "Phan Văn Ngay");
        JsonNode state = f.call(get("/api/v1/attempts/" + t.attemptId()).header("X-Attempt-Token", t.token()), 200);
        assertThat(state.get("resultsReleased").asBoolean()).isTrue();
        assertThat(state.get("review").get(0).get("correct").get("selected").get(0).asString()).isEqualTo(t.rightOfFirst());
    }

    @Test
    void neverMeansNeverEvenAfterTheWindowCloses() throws Exception {
        Taken t = take("NEVER", "Quách Thị Không");
        closeWindow(t.sessionId());
        JsonNode state = secretless(get("/api/v1/attempts/" + t.attemptId()).header("X-Attempt-Token", t.token()), 200);
        assertThat(state.get("resultsReleased").asBoolean()).isFalse();
        assertThat(state.has("review")).isFalse();
    }
}
