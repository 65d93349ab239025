package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * The player: content served only with a valid launch token and under the sandbox policy, the runtime script carrying
 * the learner's data, commits stored and resumed, and the session cookie never accepted in place of the token.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagePlayerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Accounts accounts;

    TestSchool school;
    UUID scorm12;
    UUID scorm2004;
    UUID cmi5;

    @BeforeAll
    void importPackages() throws Exception {
        school = testSchools.create();
        scorm12 = importPackage(TestPackages.scorm12());
        scorm2004 = importPackage(TestPackages.scorm2004());
        cmi5 = importPackage(TestPackages.cmi5());
    }

    UUID importPackage(byte[] zip) throws Exception {
        MvcResult result = mvc.perform(multipart("/api/v1/schools/" + school.schoolId() + "/packages")
                .file(new MockMultipartFile("file", "p.zip", "application/zip", zip)).header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isCreated()).andReturn();
        return UUID.fromString(read(result).path("id").asString());
    }

    JsonNode launch(UUID packageId, Role role, String item) throws Exception {
        var request = post("/api/v1/schools/" + school.schoolId() + "/packages/" + packageId + "/launches")
                .header("Authorization", school.bearer(role));
        if (item != null) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"" + item + "\"}");
        }
        return read(mvc.perform(request).andExpect(status().isCreated()).andReturn());
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String base(String contentUrl) {
        return contentUrl.substring(0, contentUrl.indexOf('/', contentUrl.indexOf('/', contentUrl.indexOf('/', "/play/".length()) + 1) + 1) + 1);
    }

    @Test
    void contentIsServedSandboxedWithTheRuntimeInjected() throws Exception {
        JsonNode launch = launch(scorm12, Role.STUDENT, null);
        String url = launch.path("contentUrl").asString();
        assertThat(url).matches("/play/" + school.schoolId() + "/" + scorm12 + "/[A-Za-z0-9_-]{43}/bai1/index.html");
        MvcResult page = mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox allow-scripts allow-forms;")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("allow-same-origin"))))
                .andExpect(header().string("Content-Security-Policy", containsString("connect-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().doesNotExist("X-Frame-Options"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("<head><script src=\"" + base(url) + "__truongso/scorm-api.js\"></script><meta charset=\"utf-8\">");
        assertThat(html).contains("<h1>Phân số</h1>");
        mvc.perform(get(base(url) + "bai1/anh/hinh.png")).andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andExpect(content().string("PNG-bytes"));
        mvc.perform(get(base(url) + "bai1/khong-co.html")).andExpect(status().isNotFound());
        // Media seek with range requests.
        mvc.perform(get(base(url) + "bai1/anh/hinh.png").header("Range", "bytes=4-6")).andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 4-6/9")).andExpect(content().string("byt"));
        mvc.perform(get(base(url) + "bai1/anh/hinh.png").header("Range", "bytes=-3")).andExpect(status().isPartialContent())
                .andExpect(content().string("tes"));
        mvc.perform(get(base(url) + "bai1/anh/hinh.png").header("Range", "bytes=20-")).andExpect(status().isRequestedRangeNotSatisfiable());
    }

    @Test
    void theRuntimeCarriesTheLearnersDataAndCommitsAreStoredAndResumed() throws Exception {
        JsonNode launch = launch(scorm12, Role.STUDENT, "bai1");
        String base = base(launch.path("contentUrl").asString());
        String script = mvc.perform(get(base + "__truongso/scorm-api.js")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).contains("install('API', api12())").contains("\"cmi.core.entry\":\"ab-initio\"")
                .contains("\"cmi.core.student_id\":\"" + school.usernames().get(Role.STUDENT) + "\"")
                .contains("\"cmi.student_data.mastery_score\":\"80\"");

        mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("""
                {"values":{"cmi.core.lesson_status":"incomplete","cmi.core.lesson_location":"trang-3","cmi.suspend_data":"tiến độ 3/5",
                 "cmi.core.score.raw":"62.5","cmi.core.exit":"suspend","cmi.core.session_time":"0000:02:05.50"},"finished":true}"""))
                .andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(jsonPath("$.stored").value(true));
        UUID attemptId = UUID.fromString(launch.path("attemptId").asString());
        var row = jdbc.sql("SELECT lesson_status, score_raw, total_seconds, cmi->>'cmi.core.session_time' AS pending FROM content_package_attempt WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), attemptId).query().singleRow();
        assertThat(row.get("lesson_status")).isEqualTo("incomplete");
        assertThat((BigDecimal) row.get("score_raw")).isEqualByComparingTo("62.5");
        assertThat((BigDecimal) row.get("total_seconds")).isEqualByComparingTo("125.5");
        assertThat(row.get("pending")).isNull();

        // The next launch resumes where the learner stopped.
        JsonNode again = launch(scorm12, Role.STUDENT, "bai1");
        assertThat(again.path("attemptId").asString()).isEqualTo(attemptId.toString());
        String resumed = mvc.perform(get(base(again.path("contentUrl").asString()) + "__truongso/scorm-api.js"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(resumed).contains("\"cmi.core.entry\":\"resume\"").contains("\"cmi.suspend_data\":\"tiến độ 3/5\"")
                .contains("\"cmi.core.lesson_location\":\"trang-3\"").contains("\"cmi.core.total_time\":\"0000:02:05.50\"")
                .doesNotContain("\"cmi.core.exit\"");

        // Another learner starts afresh.
        String teacher = mvc.perform(get(base(launch(scorm12, Role.TEACHER, "bai1").path("contentUrl").asString()) + "__truongso/scorm-api.js"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(teacher).contains("\"cmi.core.entry\":\"ab-initio\"").doesNotContain("tiến độ");
    }

    @Test
    void scorm2004TrackingKeepsCompletionSuccessAndScaledScore() throws Exception {
        JsonNode launch = launch(scorm2004, Role.STUDENT, null);
        assertThat(launch.path("contentUrl").asString()).endsWith("/noi-dung/te-bao.html?bai=1");
        String base = base(launch.path("contentUrl").asString());
        String script = mvc.perform(get(base + "__truongso/scorm-api.js")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).contains("install('API_1484_11', api2004())").contains("\"cmi.completion_status\":\"unknown\"").contains("\"cmi.entry\":\"ab-initio\"");
        mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("""
                {"values":{"cmi.completion_status":"completed","cmi.success_status":"passed","cmi.score.scaled":"0.9","cmi.score.raw":"9",
                 "cmi.location":"p4","cmi.session_time":"PT1M30.5S","cmi.exit":"normal","cmi.interactions.0.id":"q1",
                 "cmi.interactions.0.result":"correct"},"finished":true}"""))
                .andExpect(status().isOk());
        var row = jdbc.sql("SELECT completion_status, success_status, score_scaled, total_seconds FROM content_package_attempt WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), UUID.fromString(launch.path("attemptId").asString())).query().singleRow();
        assertThat(row.get("completion_status")).isEqualTo("completed");
        assertThat(row.get("success_status")).isEqualTo("passed");
        assertThat((BigDecimal) row.get("score_scaled")).isEqualByComparingTo("0.9");
        assertThat((BigDecimal) row.get("total_seconds")).isEqualByComparingTo("90.5");
    }

    @Test
    void invalidTrackingValuesAreRefusedElementByElement() throws Exception {
        String base = base(launch(scorm12, Role.STUDENT, null).path("contentUrl").asString());
        mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("""
                {"values":{"cmi.core.lesson_status":"xong","cmi.core.student_id":"someone-else","cmi.core.score.raw":"abc"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].location.field", hasItem("cmi.core.lesson_status")))
                .andExpect(jsonPath("$.errors[*].location.field", hasItem("cmi.core.student_id")))
                .andExpect(jsonPath("$.errors[*].location.field", hasItem("cmi.core.score.raw")));
        mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("not json")).andExpect(status().isBadRequest());
    }

    @Test
    void theTokenIsRequiredAndTheSessionIsNoSubstitute() throws Exception {
        String url = launch(scorm12, Role.STUDENT, null).path("contentUrl").asString();
        String token = url.split("/")[4];
        String forged = "A".repeat(43);
        // A signed-in session (the real sign-in form) with a wrong or missing token gets nothing.
        var session = WebUsers.signIn(mvc, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
        mvc.perform(get(url.replace(token, forged)).with(session)).andExpect(status().isNotFound());
        mvc.perform(get("/play/" + school.schoolId() + "/" + scorm12 + "/bai1/index.html").with(session)).andExpect(status().isNotFound());
        mvc.perform(post(url.replace(token, forged).replace("bai1/index.html", "__truongso/commit")).with(session)
                .contentType(MediaType.TEXT_PLAIN).content("{\"values\":{}}")).andExpect(status().isNotFound());
        // The token opens only its own package and school.
        mvc.perform(get(url.replace(scorm12.toString(), scorm2004.toString()).replace("bai1/index.html", "noi-dung/te-bao.html")))
                .andExpect(status().isNotFound());
        TestSchool other = testSchools.create();
        mvc.perform(get(url.replace(school.schoolId().toString(), other.schoolId().toString()))).andExpect(status().isNotFound());
        // An expired token opens nothing.
        mvc.perform(get(url)).andExpect(status().isOk());
        jdbc.sql("UPDATE content_package_launch SET expires_at = now() - interval '1 minute' WHERE school_id = ? AND token_sha256 = ?")
                .params(school.schoolId(), PackageLaunches.sha256(token)).update();
        mvc.perform(get(url)).andExpect(status().isNotFound());
        // Only the hash of a token is stored.
        assertThat(jdbc.sql("SELECT count(*) FROM content_package_launch WHERE token_sha256 = ?").param(token).query(Long.class).single()).isZero();
    }

    @Test
    void cmi5ContentIsServedWithoutTheScormRuntime() throws Exception {
        String url = launch(cmi5, Role.STUDENT, null).path("contentUrl").asString();
        // The AU's own query first, then the cmi5 launch parameters (Cmi5RuntimeTest drives them).
        assertThat(url).contains("/bai-1/index.html?lang=vi&endpoint=").contains("&fetch=").contains("&registration=");
        mvc.perform(get(url.substring(0, url.indexOf('?')))).andExpect(status().isOk())
                .andExpect(content().string("<html><body>cmi5</body></html>"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox allow-scripts allow-forms;")));
    }

    @Test
    void thePlayerPageFramesTheContentInTheSandbox() throws Exception {
        var student = WebUsers.user(accounts, school, Role.STUDENT);
        String html = mvc.perform(get("/schools/" + school.schoolId() + "/packages/" + scorm2004 + "/play").with(WebUsers.as(student)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).containsPattern("<iframe id=\"package-frame\" src=\"/play/" + school.schoolId() + "/" + scorm2004
                + "/[A-Za-z0-9_-]{43}/noi-dung/te-bao.html\\?bai=1\"[^>]*sandbox=\"allow-scripts allow-forms\"");
        assertThat(html).contains("Tài liệu đọc thêm");
        var parent = WebUsers.user(accounts, school, Role.PARENT);
        mvc.perform(get("/schools/" + school.schoolId() + "/packages/" + scorm2004 + "/play").with(WebUsers.as(parent)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTeachersPageUploadsListsAndShowsWhyAPackageIsRefused() throws Exception {
        var teacher = WebUsers.user(accounts, school, Role.TEACHER);
        String page = "/schools/" + school.schoolId() + "/packages";
        mvc.perform(multipart(page).file(new MockMultipartFile("file", "hong.zip", "application/zip",
                        TestPackages.zip(java.util.Map.of("imsmanifest.xml", TestPackages.manifest12("index.html", null)))))
                        .with(WebUsers.as(teacher)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gói &quot;hong.zip&quot; bị từ chối")))
                .andExpect(content().string(containsString("Tệp khởi chạy &quot;index.html&quot; không có trong tệp ZIP")));
        mvc.perform(multipart(page).file(new MockMultipartFile("file", "tot.zip", "application/zip", TestPackages.scorm12()))
                        .with(WebUsers.as(teacher)).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(WebUsers.as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Toán 6 – Phân số")));
        mvc.perform(get(page).with(WebUsers.as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(WebUsers.as(WebUsers.user(accounts, testSchools.create(), Role.TEACHER)))).andExpect(status().isNotFound());
    }

    @Test
    void htmlInjectionKeepsThePageBytes() {
        byte[] page = "<!DOCTYPE html><HTML lang=\"vi\"><Head class=\"x\"><title>Bài</title></head></HTML>".getBytes(StandardCharsets.UTF_8);
        String out = new String(PlayerContent.inject(page, "/s.js"), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("<!DOCTYPE html><HTML lang=\"vi\"><Head class=\"x\"><script src=\"/s.js\"></script><title>Bài</title></head></HTML>");
        assertThat(new String(PlayerContent.inject("<p>x</p>".getBytes(StandardCharsets.UTF_8), "/s.js"), StandardCharsets.UTF_8))
                .isEqualTo("<script src=\"/s.js\"></script><p>x</p>");
    }
}
