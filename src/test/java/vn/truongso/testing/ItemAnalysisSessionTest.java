package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The item analysis of a real session: five students answer three one-point single-choice items (a sixth starts and
 * does not submit, so she is not analysed), and every figure is checked against values computed by hand.
 *
 * <pre>
 *            Q1 Q2 Q3  total     chosen (A = key of each item)
 *   S1        1  1  1   3        A  A  A
 *   S2        1  1  0   2        A  A  B
 *   S3        1  0  1   2        A  B  A
 *   S4        1  0  0   1        A  C  B
 *   S5        0  0  0   0        B  -  C      (Q2 omitted)
 * p = 0.8, 0.4, 0.4 · mean 8/5 = 1.6 · variance (÷ n) 5.2/5 = 1.04, SD 1.0198
 * KR-20 = 3/2 · (1 − (0.16 + 0.24 + 0.24) / 1.04) = 0.5769 · SEM = 1.0198 · √(1 − 0.5769) = 0.6633
 * Q1 corrected r: item 1,1,1,1,0 vs rest 2,1,1,0,0: Σdxdy 0.8 / √(0.8 · 2.8) = 0.5345
 * Q2: item 1,1,0,0,0 vs rest 2,1,2,1,0: Σdxdy 0.6 / √(1.2 · 2.8) = 0.3273; Q3 (1,0,1,0,0 vs 2,2,1,1,0) likewise 0.3273
 * upper/lower groups (27 % of 5 → 1): S1 and S5, so D = 1 for every item.
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAnalysisSessionTest {

    static final String GIFT = """
            ::A1:: Một cộng một bằng bao nhiêu? {=hai ~ba ~bốn}

            ::A2:: Hai cộng hai bằng bao nhiêu? {=bốn ~năm ~sáu}

            ::A3:: Ba cộng ba bằng bao nhiêu? {=sáu ~bảy ~tám}
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

    TestingFixture f;
    TestingFixture other;
    UUID sessionId;
    JsonNode beforeAnyone;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        other = new TestingFixture(mvc, json, jdbc, accounts, schools);
        Map<String, Object> body = new LinkedHashMap<>(f.sessionBody(f.bank(GIFT)));
        body.put("shuffleQuestions", false);
        body.put("shuffleOptions", false);
        sessionId = f.session(body);
        beforeAnyone = f.call(get(base() + "/analysis").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        // Per student, the option (0 = A = the key, 1 = B, 2 = C, -1 = omitted) chosen for Q1, Q2, Q3.
        int[][] choices = {{0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {0, 2, 1}, {1, -1, 2}};
        String[] names = {"An Văn Một", "Bùi Thị Hai", "Cao Văn Ba", "Đỗ Thị Bốn", "Giang Văn Năm"};
        for (int s = 0; s < choices.length; s++) {
            Student student = f.student(names[s]);
            JsonNode started = f.start(sessionId, student, 201);
            String token = started.get("attemptToken").asString();
            String attempt = started.get("attemptId").asString();
            List<JsonNode> questions = new ArrayList<>();
            started.get("questions").forEach(questions::add);
            for (int q = 0; q < 3; q++) {
                if (choices[s][q] < 0) {
                    continue;
                }
                JsonNode question = questions.get(q);
                String option = question.get("options").get(choices[s][q]).get("id").asString();
                f.call(put("/api/v1/attempts/" + attempt + "/answers/" + question.get("id").asString()).header("X-Attempt-Token", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seq\":1,\"response\":{\"selected\":[\"" + option + "\"]}}"), 200);
            }
            f.call(post("/api/v1/attempts/" + attempt + "/submission").header("X-Attempt-Token", token), 200);
        }
        // Started, answered right, never submitted: not analysed.
        Student late = f.student("Hà Thị Sáu");
        JsonNode started = f.start(sessionId, late, 201);
        JsonNode q1 = started.get("questions").get(0);
        f.call(put("/api/v1/attempts/" + started.get("attemptId").asString() + "/answers/" + q1.get("id").asString())
                .header("X-Attempt-Token", started.get("attemptToken").asString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"seq\":1,\"response\":{\"selected\":[\"" + q1.get("options").get(0).get("id").asString() + "\"]}}"), 200);
    }

    String base() {
        return "/api/v1/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId;
    }

    static double value(JsonNode measure) {
        assertThat(measure.get("value").isNull()).as(measure.toString()).isFalse();
        return measure.get("value").asDouble();
    }

    @Test
    void theFiguresOfARealSessionMatchTheHandComputedOnes() throws Exception {
        JsonNode a = f.call(get(base() + "/analysis").header("Authorization", f.school.bearer(Role.TEACHER)), 200);
        JsonNode t = a.get("test");
        assertThat(t.get("attempts").asInt()).isEqualTo(5);
        assertThat(t.get("items").asInt()).isEqualTo(3);
        assertThat(t.get("maxScore").decimalValue()).isEqualByComparingTo("3");
        assertThat(value(t.get("mean"))).isCloseTo(1.6, within(1e-9));
        assertThat(value(t.get("standardDeviation"))).isCloseTo(Math.sqrt(1.04), within(1e-9));
        assertThat(t.get("reliabilityMethod").asString()).isEqualTo("KR20");
        assertThat(value(t.get("reliability"))).isCloseTo(1.5 * (1 - 0.64 / 1.04), within(1e-9));
        assertThat(value(t.get("standardErrorOfMeasurement"))).isCloseTo(Math.sqrt(1.04) * Math.sqrt(1 - 1.5 * (1 - 0.64 / 1.04)), within(1e-9));

        JsonNode items = a.get("items");
        assertThat(items.size()).isEqualTo(3);
        double[] p = {0.8, 0.4, 0.4};
        double[] r = {0.8 / Math.sqrt(0.8 * 2.8), 0.6 / Math.sqrt(1.2 * 2.8), 0.6 / Math.sqrt(1.2 * 2.8)};
        for (int i = 0; i < 3; i++) {
            JsonNode item = items.get(i);
            assertThat(item.get("label").asString()).isEqualTo("Câu " + (i + 1));
            assertThat(value(item.get("difficulty"))).as("p of item %d", i + 1).isCloseTo(p[i], within(1e-9));
            assertThat(value(item.get("discrimination"))).as("r of item %d", i + 1).isCloseTo(r[i], within(1e-9));
            assertThat(value(item.get("upperLowerIndex"))).isCloseTo(1.0, within(1e-9));
            assertThat(item.get("dichotomous").asBoolean()).isTrue();
            assertThat(item.get("flags").size()).isZero();
        }
        // Option distribution with the key marked: Q1 4/1/0, Q2 2/1/1 and one omitted, Q3 2/2/1.
        int[][] counts = {{4, 1, 0}, {2, 1, 1}, {2, 2, 1}};
        for (int i = 0; i < 3; i++) {
            JsonNode options = items.get(i).get("options");
            for (int o = 0; o < 3; o++) {
                assertThat(options.get(o).get("count").asInt()).as("item %d option %d", i + 1, o).isEqualTo(counts[i][o]);
                assertThat(options.get(o).get("key").asBoolean()).isEqualTo(o == 0);
                assertThat(options.get(o).get("label").asString()).isEqualTo(String.valueOf((char) ('A' + o)));
            }
        }
        assertThat(items.get(1).get("omitted").asInt()).isEqualTo(1);
        assertThat(value(items.get(0).get("options").get(0).get("share"))).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void absentFiguresCarryTheirReasonInBothLanguages() {
        JsonNode mean = beforeAnyone.get("test").get("mean");
        assertThat(mean.get("value").isNull()).isTrue();
        assertThat(mean.get("reasonCode").asString()).isEqualTo("testing.analysis.reason.noAttempts");
        assertThat(mean.get("reason").asString()).isEqualTo("chưa có bài làm nào đã chấm xong");
        assertThat(mean.get("reasonEn").asString()).isEqualTo("no fully graded attempt yet");
    }

    @Test
    void theTeachersPageShowsTheFiguresAndTheMonitorLinksToIt() throws Exception {
        var teacher = WebUsers.user(accounts, f.school, Role.TEACHER);
        String page = "/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId;
        String monitor = mvc.perform(get(page).with(WebUsers.as(teacher))).andReturn().getResponse().getContentAsString();
        assertThat(monitor).contains("id=\"analysis-link\"").contains(page + "/analysis");
        var response = mvc.perform(get(page + "/analysis").with(WebUsers.as(teacher))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String html = response.getContentAsString();
        assertThat(html).contains("Phân tích câu hỏi").contains("KR-20").contains("0.577").contains("1.60").contains("0.66")
                .contains("A*").contains("0.53").contains("80 %").contains(base() + "/analysis.xlsx");
        assertThat(mvc.perform(get(page + "/analysis").with(WebUsers.as(WebUsers.user(accounts, f.school, Role.STUDENT)))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get(page + "/analysis").with(WebUsers.as(WebUsers.user(accounts, other.school, Role.TEACHER)))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theWorkbookHoldsTheSameFigures() throws Exception {
        var response = mvc.perform(get(base() + "/analysis.xlsx").header("Authorization", f.school.bearer(Role.TEACHER))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("phan-tich-cau-hoi-");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(wb.getSheet("Tổng quan")).isNotNull();
            assertThat(wb.getSheet("Câu hỏi").getLastRowNum()).isGreaterThanOrEqualTo(3);
            assertThat(wb.getSheet("Phương án")).isNotNull();
        }
    }

    @Test
    void onlyStaffOfTheSchoolWithManageTestsMayReadIt() throws Exception {
        for (String path : List.of("/analysis", "/analysis.xlsx")) {
            for (Role role : List.of(Role.STUDENT, Role.PARENT, Role.IT_STAFF)) {
                f.call(get(base() + path).header("Authorization", f.school.bearer(role)), 403);
            }
            for (Role role : Role.values()) {
                f.call(get(base() + path).header("Authorization", other.school.bearer(role)), 404);
            }
            f.call(get(base() + path), 401);
            for (Role role : List.of(Role.TEACHER, Role.PRINCIPAL)) {
                assertThat(mvc.perform(get(base() + path).header("Authorization", f.school.bearer(role))).andReturn().getResponse().getStatus())
                        .isEqualTo(200);
            }
        }
    }
}
