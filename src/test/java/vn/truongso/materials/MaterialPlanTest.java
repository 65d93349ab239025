package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Topic;
import vn.truongso.curriculum.TopicImport;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * The principal's plan: targets per subject group, subject and grade with a date, and the progress: the share of the
 * curriculum's topics that have an approved material, and what is overdue. Topics and outcomes are checked against
 * the curriculum.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialPlanTest {

    private static final String SUBJECT = "TIN_HOC";
    private static final int GRADE = 9;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    TopicImport topicImport;
    @Autowired
    Curriculum curriculum;

    TestSchool school;
    MaterialFlows flows;
    List<Topic> topics;
    String prefix;

    @BeforeAll
    void importTopics() throws Exception {
        school = testSchools.create();
        flows = new MaterialFlows(mvc);
        prefix = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Chủ đề - YCCĐ");
            String[] header = {"Môn", "Lớp", "Mã chủ đề", "Tên chủ đề", "Thứ tự", "Mã YCCĐ", "Yêu cầu cần đạt"};
            var first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int t = 1; t <= 4; t++) {
                var row = sheet.createRow(t);
                Object[] values = {SUBJECT, GRADE, prefix + "-" + t, "Chủ đề tin học " + prefix + " " + t, t, "YC1", "Yêu cầu sinh tự động " + t};
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(values[c]));
                    }
                }
            }
            workbook.write(out);
            var result = topicImport.apply(WebUsers.user(accounts, school, Role.SO_OFFICER), out.toByteArray());
            assertThat(result.errors()).isEmpty();
        }
        topics = curriculum.topics(SUBJECT, GRADE).stream().filter(t -> t.code().startsWith(prefix)).toList();
        assertThat(topics).hasSize(4);
    }

    private Map<String, Object> covering(String title, Topic... covered) {
        Map<String, Object> content = new HashMap<>(MaterialFlows.content(title));
        content.put("subjectCode", SUBJECT);
        content.put("grades", List.of(GRADE));
        content.put("topicIds", java.util.Arrays.stream(covered).map(Topic::id).toList());
        return content;
    }

    private UUID approvedCovering(String title, Topic... covered) throws Exception {
        UUID id = MaterialFlows.id(flows.create(school, Role.TEACHER, covering(title, covered)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        return id;
    }

    private ResultActions target(Role role, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/material-plan").header("Authorization", school.bearer(role))
                .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(body)));
    }

    @Test
    void progressCountsTopicsWithAnApprovedMaterialAndFlagsWhatIsOverdue() throws Exception {
        target(Role.PRINCIPAL, Map.of("subjectGroup", "Tổ Tin học", "subjectCode", SUBJECT, "grade", GRADE, "targetPercent", 75,
                "dueOn", LocalDate.now().minusDays(1).toString())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.subjectGroup").value("Tổ Tin học"));
        target(Role.VICE_PRINCIPAL, Map.of("subjectGroup", "Tổ Toán", "subjectCode", "TOAN", "grade", 6,
                "dueOn", LocalDate.now().plusMonths(3).toString())).andExpect(status().isCreated());

        approvedCovering("Bài 1 và 2", topics.get(0), topics.get(1));
        approvedCovering("Bài 2 nữa", topics.get(1));
        // A draft and a rejected material do not count.
        flows.create(school, Role.TEACHER, covering("Nháp bài 3", topics.get(2))).andExpect(status().isCreated());
        UUID rejected = MaterialFlows.id(flows.create(school, Role.TEACHER, covering("Bài 4", topics.get(3))).andReturn().getResponse()
                .getContentAsString());
        ok(flows.act(school, Role.TEACHER, rejected, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, rejected, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), rejected, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, rejected, "reject", "Chưa đạt"));

        int all = curriculum.topics(SUBJECT, GRADE).size();
        JsonNode progress = MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/material-progress")
                .header("Authorization", school.bearer(Role.GROUP_HEAD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode tin = progress.get(0);
        assertThat(tin.get("target").get("subjectCode").asText()).isEqualTo(SUBJECT);
        assertThat(tin.get("topics").asInt()).isEqualTo(all);
        assertThat(tin.get("covered").asInt()).isEqualTo(2);
        assertThat(tin.get("percent").asInt()).isEqualTo(200 / all);
        assertThat(tin.get("met").asBoolean()).isFalse();
        assertThat(tin.get("overdue").asBoolean()).isTrue();
        JsonNode toan = progress.get(1);
        assertThat(toan.get("overdue").asBoolean()).isFalse();

        // Covering the rest meets the target, and a met target is not overdue.
        approvedCovering("Bài 3 và 4", topics.get(2), topics.get(3));
        JsonNode after = MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/material-progress")
                .header("Authorization", school.bearer(Role.PRINCIPAL))).andReturn().getResponse().getContentAsString()).get(0);
        assertThat(after.get("covered").asInt()).isEqualTo(4);
        if (all == 4) {
            assertThat(after.get("met").asBoolean()).isTrue();
            assertThat(after.get("overdue").asBoolean()).isFalse();
        }
    }

    @Test
    void aTargetIsCheckedAndReplacedForTheSameSubjectAndGrade() throws Exception {
        target(Role.PRINCIPAL, Map.of("subjectGroup", " ", "subjectCode", "TIENG_VIET", "grade", 9, "targetPercent", 120))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'subjectGroup')]").exists())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'grade')].code").value("materials.error.subjectNotInGrade"))
                .andExpect(jsonPath("$.errors[?(@.location.field == 'targetPercent')]").exists())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'dueOn')]").exists());
        String first = target(Role.PRINCIPAL, Map.of("subjectGroup", "Tổ KHTN", "subjectCode", "KHTN", "grade", 7, "dueOn", "2027-01-15"))
                .andReturn().getResponse().getContentAsString();
        target(Role.PRINCIPAL, Map.of("subjectGroup", "Tổ Khoa học tự nhiên", "subjectCode", "KHTN", "grade", 7, "targetPercent", 60,
                "dueOn", "2027-03-15")).andExpect(jsonPath("$.id").value(MaterialFlows.id(first).toString()));
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/material-plan").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(jsonPath("$[?(@.subjectCode == 'KHTN')].subjectGroup").value("Tổ Khoa học tự nhiên"));
        mvc.perform(delete("/api/v1/schools/" + school.schoolId() + "/material-plan/" + MaterialFlows.id(first)).header("Authorization",
                school.bearer(Role.PRINCIPAL))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/schools/" + school.schoolId() + "/material-plan/" + MaterialFlows.id(first)).header("Authorization",
                school.bearer(Role.PRINCIPAL))).andExpect(status().isNotFound());
    }

    @Test
    void topicsAndOutcomesMustBelongToTheMaterialsSubjectAndGrade() throws Exception {
        Map<String, Object> wrong = covering("Sai môn", topics.get(0));
        wrong.put("subjectCode", "TOAN");
        flows.create(school, Role.TEACHER, wrong).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.topicMismatch"));
        Map<String, Object> outcome = covering("Sai YCCĐ", topics.get(0));
        UUID otherOutcome = curriculum.outcomes(topics.get(1).id()).get(0).id();
        outcome.put("outcomeIds", List.of(otherOutcome));
        flows.create(school, Role.TEACHER, outcome).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.outcomeNotInTopics"));
        outcome.put("outcomeIds", List.of(curriculum.outcomes(topics.get(0).id()).get(0).id()));
        flows.create(school, Role.TEACHER, outcome).andExpect(status().isCreated());
    }
}
