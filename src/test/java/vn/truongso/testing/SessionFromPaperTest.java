package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.questions.TestPapers;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.WebUsers;
import vn.truongso.testing.TestingFixture.Student;

/**
 * A session made from a test paper, end to end: the paper is generated with two variants (mã đề) through the papers
 * API, the session is created from it, the students get both variants evenly, each in the paper's question order and
 * option order with the paper's points (2.5, not the bank's 1), and grading uses those points.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionFromPaperTest {

    static final String GIFT = """
            ::P1:: Số nào chia hết cho 2? {=6 ~7 ~9 ~11}

            ::P2:: Số nào chia hết cho 3? {=9 ~10 ~11 ~13}

            ::P3:: Số nào chia hết cho 5? {=15 ~16 ~17 ~18}

            ::P4:: Số nào chia hết cho 7? {=21 ~22 ~23 ~25}
            """;

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
    TestPapers testPapers;

    TestingFixture f;
    UUID paperId;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        UUID bankId = f.bank(GIFT);
        String school = "/api/v1/schools/" + f.school.schoolId();
        JsonNode questions = f.call(get(school + "/question-banks/" + bankId + "/questions").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        List<String> ids = new ArrayList<>();
        (questions.isArray() ? questions : questions.path("items")).forEach(q -> ids.add(q.get("id").asString()));
        assertThat(ids).as(questions.toString()).hasSize(4);
        for (String id : ids) {
            f.call(put(school + "/question-banks/" + bankId + "/questions/" + id + "/classification").header("Authorization", f.school.bearer(Role.TEACHER))
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"subjectCode": "TOAN", "grade": 6, "cognitiveScheme": "BHV", "cognitiveLevel": "BIET", "tags": ["Chương 1"]}"""), 200);
        }
        JsonNode blueprint = f.call(post(school + "/blueprints").header("Authorization", f.school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Kiểm tra 15 phút – chia hết", "subjectCode": "TOAN", "grade": 6, "durationMinutes": 15, "cognitiveScheme": "BHV",
                         "bankIds": ["%s"],
                         "cells": [{"chapter": "Chương 1", "level": "BIET", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 2.5}]}"""
                        .formatted(bankId)), 201);
        JsonNode paper = f.call(post(school + "/test-papers").header("Authorization", f.school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"blueprintId\":\"" + blueprint.get("id").asString() + "\",\"variants\":2,\"mode\":\"SAME\",\"seed\":7}"), 201);
        paperId = UUID.fromString(paper.get("paper").get("id").asString());
    }

    @Test
    void studentsGetTheVariantsAsThePaperSaysAndAreGradedWithItsPoints() throws Exception {
        TestPapers.Paper paper = testPapers.find(f.school.schoolId(), paperId).orElseThrow();
        assertThat(paper.variants()).hasSize(2);
        Map<String, TestPapers.Variant> byCode = new HashMap<>();
        paper.variants().forEach(v -> byCode.put(v.code(), v));
        // The paper really reorders: otherwise the order checks below would prove nothing.
        assertThat(paper.variants().stream().flatMap(v -> v.items().stream()).filter(i -> !i.optionOrder().isEmpty()).count()).isPositive();
        assertThat(paper.variants().get(0).items().stream().map(TestPapers.PaperItem::questionId).toList())
                .isNotEqualTo(paper.variants().get(1).items().stream().map(TestPapers.PaperItem::questionId).toList());

        Map<String, Object> body = new LinkedHashMap<>(f.sessionBody(null));
        body.remove("bankId");
        body.put("paperId", paperId);
        body.put("shuffleQuestions", false);
        body.put("shuffleOptions", false);
        UUID sessionId = f.session(body);
        JsonNode session = f.call(get("/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId)
                .header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        assertThat(session.get("sourceKind").asString()).isEqualTo("PAPER");

        Map<String, Integer> seen = new HashMap<>();
        for (int s = 0; s < 4; s++) {
            Student student = f.student("Học Sinh Số " + (s + 1));
            JsonNode started = f.start(sessionId, student, 201);
            String code = started.get("variant").asString();
            seen.merge(code, 1, Integer::sum);
            TestPapers.Variant variant = byCode.get(code);
            assertThat(variant).as("variant %s is one of the paper's", code).isNotNull();
            JsonNode questions = started.get("questions");
            assertThat(questions.size()).isEqualTo(variant.items().size());
            for (int i = 0; i < questions.size(); i++) {
                JsonNode q = questions.get(i);
                TestPapers.PaperItem item = variant.items().get(i);
                assertThat(q.get("id").asString()).isEqualTo(item.questionId().toString());
                assertThat(q.get("points").decimalValue()).isEqualByComparingTo(item.points()).isEqualByComparingTo("2.5");
                List<String> options = new ArrayList<>();
                q.get("options").forEach(o -> options.add(o.get("id").asString()));
                if (!item.optionOrder().isEmpty()) {
                    assertThat(options).as("option order of %s in %s", item.questionId(), code).isEqualTo(item.optionOrder());
                }
            }
            // The first student of each pair answers everything right, the second all but the first question.
            String attempt = started.get("attemptId").asString();
            String token = started.get("attemptToken").asString();
            for (int i = 0; i < questions.size(); i++) {
                JsonNode q = questions.get(i);
                String right = rightOption(q);
                String chosen = s % 2 == 1 && i == 0 ? otherOption(q, right) : right;
                f.call(put("/api/v1/attempts/" + attempt + "/answers/" + q.get("id").asString()).header("X-Attempt-Token", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seq\":1,\"response\":{\"selected\":[\"" + chosen + "\"]}}"), 200);
            }
            JsonNode submitted = f.call(post("/api/v1/attempts/" + attempt + "/submission").header("X-Attempt-Token", token), 200);
            JsonNode result = f.call(get("/api/v1/attempts/" + attempt).header("X-Attempt-Token", token), 200);
            assertThat(result.get("maxPoints").decimalValue()).as(submitted.toString()).isEqualByComparingTo("10");
            assertThat(result.get("points").decimalValue()).isEqualByComparingTo(s % 2 == 1 ? "7.5" : "10");
            assertThat(result.get("mark").decimalValue()).isEqualByComparingTo(s % 2 == 1 ? "7.5" : "10.0");
        }
        // Two variants, four students: two each.
        assertThat(seen).hasSize(2).containsValues(2, 2);
    }

    @Test
    void theCreatePageOffersTheSchoolsPapers() throws Exception {
        var teacher = WebUsers.user(accounts, f.school, Role.TEACHER);
        String html = mvc.perform(get("/schools/" + f.school.schoolId() + "/test-sessions").with(WebUsers.as(teacher))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("name=\"paperId\"").contains(paperId.toString());
    }

    /** The key of a question as stored in the session (the test reads it where the grader does: the snapshot's definition). */
    String rightOption(JsonNode q) {
        String definition = jdbc.sql("SELECT definition::text FROM test_session_question WHERE question_id = ? LIMIT 1")
                .params(UUID.fromString(q.get("id").asString())).query(String.class).single();
        JsonNode choices = json.readTree(definition).get("choices");
        for (JsonNode c : choices) {
            if (c.get("correct").asBoolean()) {
                return c.get("id").asString();
            }
        }
        throw new AssertionError("no key in " + definition);
    }

    static String otherOption(JsonNode q, String right) {
        for (JsonNode o : q.get("options")) {
            if (!o.get("id").asString().equals(right)) {
                return o.get("id").asString();
            }
        }
        throw new AssertionError();
    }

}
