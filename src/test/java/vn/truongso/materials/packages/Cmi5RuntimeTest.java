package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * The minimal cmi5 launch and xAPI store, driven as a cmi5 AU would: the launch parameters, the one-time fetch of the
 * auth token, LMS.LaunchData, statements checked (actor, verb) and stored per learner, and the tracking view's
 * completion, success and score derived from them. The cmi5 course is built here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Cmi5RuntimeTest {

    static final String AU = "https://truongso.vn/khoa-hoc/toan-6/phan-so";
    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    TestSchool school;
    UUID cmi5;
    UUID scorm;

    /** A cmi5 course of one block and two AUs, the first with a mastery score and launch parameters. */
    static byte[] course() {
        return TestPackages.zip(Map.of("cmi5.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="https://truongso.vn/khoa-hoc/toan-6">
                    <title><langstring lang="vi-VN">Toán 6 – Phân số</langstring></title>
                    <description><langstring lang="vi-VN">Khóa học cmi5 thử</langstring></description>
                  </course>
                  <au id="%s" moveOn="CompletedAndPassed" masteryScore="0.8">
                    <title><langstring lang="vi-VN">Phân số bằng nhau</langstring></title>
                    <description><langstring lang="vi-VN">.</langstring></description>
                    <url>phan-so/index.html?che-do=luyen-tap</url>
                    <launchParameters>{"mucDo":"co-ban"}</launchParameters>
                  </au>
                  <au id="https://truongso.vn/khoa-hoc/toan-6/so-thap-phan">
                    <title><langstring lang="vi-VN">Số thập phân</langstring></title>
                    <description><langstring lang="vi-VN">.</langstring></description>
                    <url>so-thap-phan/index.html</url>
                  </au>
                </courseStructure>
                """.formatted(AU),
                "phan-so/index.html", "<html><head><title>Phân số</title></head><body><script src=\"au.js\"></script></body></html>",
                "phan-so/au.js", "// the AU reads its launch parameters, fetches its token and sends statements",
                "so-thap-phan/index.html", "<html><body>Số thập phân</body></html>"));
    }

    @BeforeAll
    void importPackages() throws Exception {
        school = testSchools.create();
        cmi5 = importPackage(course());
        scorm = importPackage(TestPackages.scorm12());
    }

    UUID importPackage(byte[] zip) throws Exception {
        MvcResult result = mvc.perform(multipart("/api/v1/schools/" + school.schoolId() + "/packages")
                .file(new MockMultipartFile("file", "p.zip", "application/zip", zip)).header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isCreated()).andReturn();
        return UUID.fromString(read(result).path("id").asString());
    }

    JsonNode launch(UUID packageId, Role role) throws Exception {
        return read(mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/packages/" + packageId + "/launches")
                .header("Authorization", school.bearer(role))).andExpect(status().isCreated()).andReturn());
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** A launch as the AU sees it: its parameters, its content path, and its xAPI auth token once fetched. */
    record AuSession(String contentPath, Map<String, String> params, String endpoint, String auth) {
        String basic() {
            return "Basic " + auth;
        }
    }

    AuSession start(Role role) throws Exception {
        String url = launch(cmi5, role).path("contentUrl").asString();
        Map<String, String> params = query(url);
        String endpoint = URI.create(params.get("endpoint")).getPath();
        String fetch = URI.create(params.get("fetch")).getPath();
        JsonNode token = read(mvc.perform(post(fetch)).andExpect(status().isOk()).andReturn());
        return new AuSession(URI.create(url).getPath(), params, endpoint, token.path("auth-token").asString());
    }

    static String statement(UUID account, String verb, String extra) {
        return """
                {"actor":{"objectType":"Agent","account":{"homePage":"https://truongso.vn","name":"%s"}},
                 "verb":{"id":"%s","display":{"vi-VN":"động từ"}},
                 "object":{"objectType":"Activity","id":"%s"}%s}""".formatted(account, verb, AU, extra == null ? "" : "," + extra);
    }

    ResultActions send(AuSession au, String body) throws Exception {
        return mvc.perform(post(au.endpoint() + "statements").header("Authorization", au.basic()).header("X-Experience-API-Version", "1.0.3")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theLaunchCarriesTheCmi5ParametersAndTheFetchHandsTheTokenOutOnce() throws Exception {
        String url = launch(cmi5, Role.STUDENT).path("contentUrl").asString();
        Map<String, String> params = query(url);
        UUID student = school.accountIds().get(Role.STUDENT);
        assertThat(params).containsKeys("che-do", "endpoint", "fetch", "actor", "registration", "activityId");
        assertThat(params.get("che-do")).isEqualTo("luyen-tap");
        assertThat(params.get("activityId")).isEqualTo(AU);
        assertThat(params.get("endpoint")).startsWith("http://localhost").contains("/play/" + school.schoolId() + "/" + cmi5 + "/")
                .endsWith("/__truongso/xapi/");
        assertThat(params.get("fetch")).endsWith("/__truongso/cmi5/fetch");
        JsonNode actor = json.readTree(params.get("actor"));
        assertThat(actor.path("account").path("homePage").asString()).isEqualTo("https://truongso.vn");
        assertThat(actor.path("account").path("name").asString()).isEqualTo(student.toString());
        UUID registration = UUID.fromString(params.get("registration"));
        assertThat(jdbc.sql("SELECT account_id FROM content_package_attempt WHERE school_id = ? AND id = ?").params(school.schoolId(), registration)
                .query(UUID.class).single()).isEqualTo(student);
        mvc.perform(get(URI.create(url).getPath())).andExpect(status().isOk());

        String fetch = URI.create(params.get("fetch")).getPath();
        JsonNode first = read(mvc.perform(post(fetch)).andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andReturn());
        assertThat(first.path("auth-token").asString()).hasSize(43);
        mvc.perform(post(fetch)).andExpect(status().isOk()).andExpect(jsonPath("$['error-code']").value("1"))
                .andExpect(jsonPath("$['auth-token']").doesNotExist());
        // A forged launch token, or the fetch of a SCORM launch: not found.
        mvc.perform(post(fetch.replaceAll("/[A-Za-z0-9_-]{43}/", "/" + "A".repeat(43) + "/"))).andExpect(status().isNotFound());
        String scormUrl = launch(scorm, Role.STUDENT).path("contentUrl").asString();
        mvc.perform(post(scormUrl.substring(0, scormUrl.indexOf("/bai1/")) + "/__truongso/cmi5/fetch")).andExpect(status().isNotFound());
        // The sandboxed frame's preflight.
        mvc.perform(options(fetch).header("Origin", "null").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-experience-api-version"))
                .andExpect(status().isOk()).andExpect(header().exists("Access-Control-Allow-Origin"));
    }

    @Test
    void theAuReadsItsLaunchDataAndItsStatementsAreCheckedStoredAndTracked() throws Exception {
        AuSession au = start(Role.STUDENT);
        UUID student = school.accountIds().get(Role.STUDENT);
        String state = au.endpoint() + "activities/state";
        // Without the token, or with another one: refused.
        mvc.perform(get(state).param("activityId", AU).param("stateId", "LMS.LaunchData")).andExpect(status().isUnauthorized());
        mvc.perform(get(state).param("activityId", AU).param("stateId", "LMS.LaunchData").header("Authorization", "Basic " + "B".repeat(43)))
                .andExpect(status().isNotFound());
        mvc.perform(get(state).param("activityId", AU).param("stateId", "LMS.LaunchData").param("registration", au.params().get("registration"))
                .header("Authorization", au.basic())).andExpect(status().isOk())
                .andExpect(header().string("X-Experience-API-Version", "1.0.3"))
                .andExpect(jsonPath("$.launchMode").value("Normal"))
                .andExpect(jsonPath("$.masteryScore").value(0.8))
                .andExpect(jsonPath("$.launchParameters").value("{\"mucDo\":\"co-ban\"}"))
                .andExpect(jsonPath("$.contextTemplate.contextActivities.grouping[0].id").value("https://truongso.vn/khoa-hoc/toan-6"))
                .andExpect(jsonPath("$.contextTemplate.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']").isNotEmpty());
        mvc.perform(put(state).param("activityId", AU).param("stateId", "LMS.LaunchData").header("Authorization", au.basic())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(put(state).param("activityId", AU).param("stateId", "tien-do").header("Authorization", au.basic())
                .contentType(MediaType.APPLICATION_JSON).content("{\"trang\":3}")).andExpect(status().isNoContent());
        mvc.perform(get(state).param("activityId", AU).param("stateId", "tien-do").header("Authorization", au.basic()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.trang").value(3));
        mvc.perform(get(au.endpoint() + "agents/profile").param("profileId", "cmi5LearnerPreferences").header("Authorization", au.basic()))
                .andExpect(status().isNotFound());

        // Bad statements: refused with the reason, located, in both languages; nothing stored.
        UUID teacher = school.accountIds().get(Role.TEACHER);
        JsonNode wrongActor = read(send(au, statement(teacher, COMPLETED, null)).andExpect(status().isBadRequest()).andReturn());
        assertThat(wrongActor.path("detail").asString()).contains("chính học sinh đã mở bài học");
        assertThat(wrongActor.path("detailEn").asString()).contains("learner who launched");
        assertThat(wrongActor.path("errors").get(0).path("location").path("field").asString()).isEqualTo("statement.actor");
        JsonNode noVerb = read(send(au, "[" + statement(student, "http://adlnet.gov/expapi/verbs/initialized", null) + ","
                + statement(student, COMPLETED, null).replaceAll("\"verb\":\\{[^}]*\\}[^}]*\\},", "") + "]").andExpect(status().isBadRequest())
                .andReturn());
        assertThat(noVerb.path("errors").get(0).path("location").path("field").asString()).isEqualTo("statements[1].verb.id");
        assertThat(noVerb.path("detail").asString()).contains("Thiếu động từ");
        send(au, "không phải json").andExpect(status().isBadRequest());
        send(au, statement(student, COMPLETED, "\"result\":{\"score\":{\"scaled\":1.5}}")).andExpect(status().isBadRequest());
        UUID attempt = UUID.fromString(au.params().get("registration"));
        assertThat(jdbc.sql("SELECT count(*) FROM xapi_statement WHERE school_id = ? AND attempt_id = ?").params(school.schoolId(), attempt)
                .query(Long.class).single()).isZero();

        // The AU's session: initialized, completed, passed with a score; one of them PUT with its own id.
        JsonNode ids = read(send(au, statement(student, "http://adlnet.gov/expapi/verbs/initialized", null)).andExpect(status().isOk()).andReturn());
        assertThat(ids.get(0).asString()).hasSize(36);
        send(au, statement(student, COMPLETED, "\"result\":{\"completion\":true,\"duration\":\"PT4M\"}")).andExpect(status().isOk());
        UUID passedId = UUID.randomUUID();
        mvc.perform(put(au.endpoint() + "statements").param("statementId", passedId.toString()).header("Authorization", au.basic())
                .contentType(MediaType.APPLICATION_JSON).content(statement(student, PASSED,
                        "\"result\":{\"success\":true,\"score\":{\"scaled\":0.9,\"raw\":9,\"min\":0,\"max\":10}}")))
                .andExpect(status().isNoContent());
        mvc.perform(put(au.endpoint() + "statements").param("statementId", "khong-phai-uuid").header("Authorization", au.basic())
                .contentType(MediaType.APPLICATION_JSON).content(statement(student, PASSED, null))).andExpect(status().isBadRequest());

        var row = jdbc.sql("SELECT completion_status, success_status, score_scaled, score_raw FROM content_package_attempt WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), attempt).query().singleRow();
        assertThat(row.get("completion_status")).isEqualTo("completed");
        assertThat(row.get("success_status")).isEqualTo("passed");
        assertThat((BigDecimal) row.get("score_scaled")).isEqualByComparingTo("0.9");
        assertThat((BigDecimal) row.get("score_raw")).isEqualByComparingTo("9");
        assertThat(jdbc.sql("SELECT verb FROM xapi_statement WHERE school_id = ? AND attempt_id = ? ORDER BY stored_at, id")
                .params(school.schoolId(), attempt).query(String.class).list()).containsExactly("http://adlnet.gov/expapi/verbs/initialized",
                        COMPLETED, PASSED);
        assertThat(jdbc.sql("SELECT count(*) FROM xapi_statement WHERE id = ?").param(passedId).query(Long.class).single()).isEqualTo(1);

        // The tracking view (teachers) and the learner's own.
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/packages/" + cmi5 + "/attempts").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + attempt + "')].completionStatus").value("completed"))
                .andExpect(jsonPath("$[?(@.id == '" + attempt + "')].successStatus").value("passed"))
                .andExpect(jsonPath("$[?(@.id == '" + attempt + "')].scoreScaled").value(0.9));
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/packages/" + cmi5 + "/attempts").header("Authorization", school.bearer(Role.STUDENT)))
                .andExpect(status().isForbidden());

        // Another learner's token cannot write into this attempt, nor is this attempt's token valid for hers.
        AuSession other = start(Role.TEACHER);
        send(other, statement(student, COMPLETED, null)).andExpect(status().isBadRequest());
        mvc.perform(post(au.endpoint() + "statements").header("Authorization", other.basic()).contentType(MediaType.APPLICATION_JSON)
                .content(statement(teacher, COMPLETED, null))).andExpect(status().isNotFound());
    }
}
