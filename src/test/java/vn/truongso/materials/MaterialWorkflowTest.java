package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every move of the workflow, legal and illegal, through the API: the aggregate refuses an illegal move with 409 and
 * a reason in Vietnamese and English, and records who, when and why for every legal one.
 */
@IntegrationTest
class MaterialWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    MaterialFlows flows;

    @BeforeEach
    void setUp() {
        school = testSchools.create();
        flows = new MaterialFlows(mvc);
    }

    private String bearer(Role role) {
        return school.bearer(role);
    }

    private JsonNode detail(UUID id) throws Exception {
        return flows.detail(school, bearer(Role.PRINCIPAL), id);
    }

    private static void refused(ResultActions result, String code) throws Exception {
        result.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").isNotEmpty()).andExpect(jsonPath("$.detailEn").isNotEmpty());
    }

    @Test
    void aMaterialGoesFromDraftToTheCityAndEveryMoveIsKept() throws Exception {
        flows.create(school, Role.TEACHER, MaterialFlows.content("Phân số"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andExpect(jsonPath("$.version.number").value(1))
                .andExpect(jsonPath("$.reach").value("NOT_PUBLISHED"))
                .andExpect(jsonPath("$.actions[0]").value("submit"));
        UUID id = flows.draft(school, "Số thập phân");

        flows.act(school, Role.TEACHER, id, "submit", "Xin thẩm định").andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("SUBMITTED"));
        flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("UNDER_APPRAISAL"))
                .andExpect(jsonPath("$.version.appraiserIds[0]").value(school.accountIds().get(Role.GROUP_HEAD).toString()));
        flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", "Đạt yêu cầu").andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("APPRAISED"))
                .andExpect(jsonPath("$.version.appraisals[0].criteria.length()").value(5))
                .andExpect(jsonPath("$.version.appraisals[0].criteria[0].criterion").value("ACCURACY"));
        flows.act(school, Role.PRINCIPAL, id, "approve", "Phê duyệt").andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("APPROVED"))
                .andExpect(jsonPath("$.liveVersionId").isNotEmpty());
        flows.act(school, Role.PRINCIPAL, id, "publish", null).andExpect(jsonPath("$.reach").value("PUBLISHED"));
        flows.act(school, Role.PRINCIPAL, id, "propose-district", "Đề xuất dùng chung").andExpect(jsonPath("$.reach").value("PROPOSED_DISTRICT"));
        flows.appraisedAtUnit(school, Role.PHONG_OFFICER, id);
        flows.act(school, Role.PHONG_OFFICER, id, "accept-district", "Phòng thẩm định đạt").andExpect(jsonPath("$.reach").value("SHARED_DISTRICT"));
        flows.act(school, Role.PHONG_OFFICER, id, "propose-city", null).andExpect(jsonPath("$.reach").value("PROPOSED_CITY"));
        flows.appraisedAtUnit(school, Role.SO_OFFICER, id);
        flows.act(school, Role.SO_OFFICER, id, "accept-city", "Sở duyệt").andExpect(jsonPath("$.reach").value("SHARED_CITY"));
        flows.act(school, Role.PRINCIPAL, id, "archive", "Chương trình thay đổi").andExpect(jsonPath("$.reach").value("ARCHIVED"));

        JsonNode history = MaterialFlows.JSON.readTree(mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/history")
                .header("Authorization", bearer(Role.PRINCIPAL))).andReturn().getResponse().getContentAsString());
        List<String> actions = history.valueStream().map(t -> t.get("action").asText()).toList();
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "START_APPRAISAL", "APPRAISE", "APPRAISED", "APPROVE", "PUBLISH",
                "PROPOSE_DISTRICT", "START_DISTRICT_APPRAISAL", "APPRAISE_DISTRICT", "DISTRICT_APPRAISED", "ACCEPT_DISTRICT", "PROPOSE_CITY",
                "START_CITY_APPRAISAL", "APPRAISE_CITY", "CITY_APPRAISED", "ACCEPT_CITY", "ARCHIVE");
        JsonNode submit = history.get(1);
        assertThat(submit.get("fromState").asText()).isEqualTo("DRAFT");
        assertThat(submit.get("toState").asText()).isEqualTo("SUBMITTED");
        assertThat(submit.get("actor").get("id").asText()).isEqualTo(school.accountIds().get(Role.TEACHER).toString());
        assertThat(submit.get("comment").asText()).isEqualTo("Xin thẩm định");
        assertThat(submit.get("at").asText()).isNotBlank();
        assertThat(history.get(11).get("actor").get("id").asText()).isEqualTo(school.accountIds().get(Role.PHONG_OFFICER).toString());

        List<String> audited = jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'material' AND subject_id = ? ORDER BY id")
                .param(id.toString()).query(String.class).list();
        assertThat(audited).containsExactly("materials.create", "materials.submit", "materials.start_appraisal", "materials.appraise",
                "materials.approve", "materials.publish", "materials.propose_district", "materials.start_district_appraisal",
                "materials.appraise_district", "materials.accept_district", "materials.propose_city", "materials.start_city_appraisal",
                "materials.appraise_city", "materials.accept_city", "materials.archive");

        // Archived: nothing moves any more.
        refused(flows.act(school, Role.PRINCIPAL, id, "publish", null), "materials.workflow.illegal");
        refused(flows.edit(school, bearer(Role.TEACHER), id, MaterialFlows.content("Sửa")), "materials.workflow.illegal");
    }

    @Test
    void movesOutOfOrderAreRefusedWithTheReasonInBothLanguages() throws Exception {
        UUID id = flows.draft(school, "Hình học");
        var approveDraft = flows.act(school, Role.PRINCIPAL, id, "approve", null);
        refused(approveDraft, "materials.workflow.illegal");
        String problem = approveDraft.andReturn().getResponse().getContentAsString();
        assertThat(MaterialFlows.JSON.readTree(problem).get("detail").asText()).contains("phê duyệt").contains("Bản nháp");
        assertThat(MaterialFlows.JSON.readTree(problem).get("detailEn").asText()).contains("approve").contains("Draft");

        refused(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null), "materials.workflow.illegal");
        refused(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null), "materials.workflow.illegal");
        refused(flows.act(school, Role.PRINCIPAL, id, "reject", "Không"), "materials.workflow.illegal");
        refused(flows.act(school, Role.PRINCIPAL, id, "publish", null), "materials.workflow.notApproved");
        refused(flows.act(school, Role.PRINCIPAL, id, "propose-district", null), "materials.workflow.illegal");

        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        refused(flows.act(school, Role.TEACHER, id, "submit", null), "materials.workflow.illegal");
        refused(flows.edit(school, bearer(Role.TEACHER), id, MaterialFlows.content("Sửa khi đang chờ")), "materials.workflow.illegal");
        refused(flows.act(school, Role.PRINCIPAL, id, "approve", null), "materials.workflow.illegal");
        refused(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null), "materials.workflow.illegal");

        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        refused(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null), "materials.workflow.illegal");
        // The principal is not named on this appraisal.
        refused(flows.appraise(school, bearer(Role.PRINCIPAL), id, "APPROVE", null), "materials.workflow.notAnAppraiser");
        refused(flows.act(school, Role.PRINCIPAL, id, "approve", null), "materials.workflow.illegal");

        ok(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        refused(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null), "materials.workflow.illegal");
        refused(flows.act(school, Role.PRINCIPAL, id, "reject", " "), "materials.workflow.reasonRequired");
        refused(flows.act(school, Role.TEACHER, id, "withdraw", null), "materials.workflow.illegal");
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        refused(flows.act(school, Role.PRINCIPAL, id, "approve", null), "materials.workflow.illegal");
        // Approved but not proposed: the Phòng does not see it at all.
        flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null).andExpect(status().isNotFound());
    }

    @Test
    void aPhongOfficerCannotAcceptWhatWasNotProposedAndADeclineNeedsAReason() throws Exception {
        UUID id = flows.published(school, "Đại số");
        // Published but not proposed: the Phòng does not see it at all.
        flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null).andExpect(status().isNotFound());
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        refused(flows.act(school, Role.PRINCIPAL, id, "propose-district", null), "materials.workflow.illegal");
        refused(flows.act(school, Role.PHONG_OFFICER, id, "decline-district", ""), "materials.workflow.reasonRequired");
        refused(flows.act(school, Role.PHONG_OFFICER, id, "propose-city", null), "materials.workflow.illegal");
        flows.act(school, Role.PHONG_OFFICER, id, "decline-district", "Trùng nội dung đã có").andExpect(status().isOk())
                .andExpect(jsonPath("$.reach").value("PUBLISHED")).andExpect(jsonPath("$.actions").isEmpty());
        assertThat(detail(id).get("reach").asText()).isEqualTo("PUBLISHED");
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        flows.appraisedAtUnit(school, Role.PHONG_OFFICER, id);
        ok(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null));
        refused(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null), "materials.workflow.illegal");
        ok(flows.act(school, Role.PHONG_OFFICER, id, "propose-city", null));
        refused(flows.act(school, Role.SO_OFFICER, id, "decline-city", null), "materials.workflow.reasonRequired");
        ok(flows.act(school, Role.SO_OFFICER, id, "decline-city", "Chưa phù hợp toàn thành phố"));
        assertThat(detail(id).get("reach").asText()).isEqualTo("SHARED_DISTRICT");
        // Declined: the Sở no longer sees it.
        flows.act(school, Role.SO_OFFICER, id, "accept-city", null).andExpect(status().isNotFound());
    }

    @Test
    void aReturnedVersionIsRevisedAndSubmittedAgain() throws Exception {
        UUID id = flows.draft(school, "Tỉ số");
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        flows.appraise(school, bearer(Role.GROUP_HEAD), id, "RETURN", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("comment"));
        flows.appraise(school, bearer(Role.GROUP_HEAD), id, "RETURN", "Bổ sung ví dụ").andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("RETURNED"))
                .andExpect(jsonPath("$.version.appraisals[0].criteria[2].verdict").value("NEEDS_WORK"));
        flows.edit(school, bearer(Role.TEACHER), id, MaterialFlows.content("Tỉ số (đã bổ sung ví dụ)")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version.number").value(1))
                .andExpect(jsonPath("$.version.title").value("Tỉ số (đã bổ sung ví dụ)"));
        flows.act(school, Role.TEACHER, id, "submit", "Đã sửa").andExpect(jsonPath("$.version.status").value("SUBMITTED"));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        // A new round: the group head appraises the revision; the first round's appraisal stays in the record.
        flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", "Đã bổ sung đủ").andExpect(status().isOk())
                .andExpect(jsonPath("$.version.status").value("APPRAISED"))
                .andExpect(jsonPath("$.version.appraisals.length()").value(2))
                .andExpect(jsonPath("$.version.appraisals[1].round").value(2));
        refused(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null), "materials.workflow.illegal");
    }

    @Test
    void anAppraisalMustGiveAVerdictOnEveryCriterionOfTheRubric() throws Exception {
        UUID id = flows.draft(school, "Góc");
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        Map<String, Object> partial = Map.of("recommendation", "APPROVE", "criteria",
                List.of(Map.of("criterion", "ACCURACY", "verdict", "PASS"), Map.of("criterion", "BEAUTY", "verdict", "PASS")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(MaterialFlows.base(school) + "/" + id + "/appraisals")
                        .header("Authorization", bearer(Role.GROUP_HEAD)).contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(partial)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.unknownCriterion"))
                .andExpect(jsonPath("$.errors[1].location.field").value("criteria.OUTCOMES"));
        assertThat(detail(id).get("version").get("status").asText()).isEqualTo("UNDER_APPRAISAL");
    }

    @Test
    void onlyTheAuthorSubmitsEditsOrWithdrawsHerDraft() throws Exception {
        UUID id = flows.draft(school, "Lũy thừa");
        var colleague = MaterialFlows.extraAccount(accounts, school.schoolId(), Role.TEACHER, "dongnghiep");
        refused(flows.act(school, colleague.bearer(), id, "submit", null, null), "materials.workflow.onlyAuthor");
        refused(flows.edit(school, colleague.bearer(), id, MaterialFlows.content("Của tôi")), "materials.workflow.onlyAuthor");
        refused(flows.act(school, colleague.bearer(), id, "withdraw", null, null), "materials.workflow.onlyAuthor");
        flows.act(school, Role.TEACHER, id, "withdraw", "Làm lại từ đầu").andExpect(jsonPath("$.version.status").value("WITHDRAWN"));
        refused(flows.act(school, Role.TEACHER, id, "submit", null), "materials.workflow.illegal");
        // Editing a withdrawn material starts a new draft version.
        flows.edit(school, bearer(Role.TEACHER), id, MaterialFlows.content("Lũy thừa, bản 2")).andExpect(jsonPath("$.version.number").value(2))
                .andExpect(jsonPath("$.version.status").value("DRAFT"));
    }

    @Test
    void theAuthorMayWithdrawDuringAppraisalButNotAfterIt() throws Exception {
        UUID id = flows.draft(school, "Căn bậc hai");
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        flows.act(school, Role.TEACHER, id, "withdraw", null).andExpect(jsonPath("$.version.status").value("WITHDRAWN"));
        UUID other = flows.draft(school, "Căn bậc ba");
        ok(flows.act(school, Role.TEACHER, other, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, other, "start-appraisal", null));
        ok(flows.appraise(school, bearer(Role.GROUP_HEAD), other, "APPROVE", null));
        flows.act(school, Role.PRINCIPAL, other, "reject", "Trùng học liệu đã có").andExpect(jsonPath("$.version.status").value("REJECTED"));
        refused(flows.act(school, Role.TEACHER, other, "withdraw", null), "materials.workflow.illegal");
        refused(flows.act(school, Role.PRINCIPAL, other, "publish", null), "materials.workflow.notApproved");
    }

    @Test
    void editingAnApprovedMaterialMakesANewDraftWhileTheApprovedVersionStaysLive() throws Exception {
        UUID id = flows.published(school, "Biểu đồ");
        String liveV1 = detail(id).get("liveVersionId").asText();
        flows.edit(school, bearer(Role.TEACHER), id, MaterialFlows.content("Biểu đồ (cập nhật)"))
                .andExpect(jsonPath("$.version.number").value(2))
                .andExpect(jsonPath("$.version.status").value("DRAFT"))
                .andExpect(jsonPath("$.liveVersionId").value(liveV1))
                .andExpect(jsonPath("$.reach").value("PUBLISHED"));
        // Students still see version 1.
        JsonNode asStudent = flows.detail(school, bearer(Role.STUDENT), id);
        assertThat(asStudent.get("version").get("title").asText()).isEqualTo("Biểu đồ");
        assertThat(asStudent.get("versions")).isEmpty();

        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        JsonNode after = detail(id);
        assertThat(after.get("liveVersionId").asText()).isNotEqualTo(liveV1);
        assertThat(after.get("versions").valueStream().map(v -> v.get("status").asText()).toList()).containsExactly("SUPERSEDED", "APPROVED");
        assertThat(after.get("reach").asText()).isEqualTo("PUBLISHED");
        assertThat(flows.detail(school, bearer(Role.STUDENT), id).get("version").get("title").asText()).isEqualTo("Biểu đồ (cập nhật)");
    }

    @Test
    void aCouncilAppraisesByMajority() throws Exception {
        mvc.perform(put("/api/v1/schools/" + school.schoolId() + "/material-settings").header("Authorization", bearer(Role.PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(Map.of("council", true,
                        "rubric", List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT"))))).andExpect(status().isOk());
        var second = MaterialFlows.extraAccount(accounts, school.schoolId(), Role.TEACHER, "hoidong2");
        var third = MaterialFlows.extraAccount(accounts, school.schoolId(), Role.TEACHER, "hoidong3");
        UUID head = school.accountIds().get(Role.GROUP_HEAD);
        UUID teacher = school.accountIds().get(Role.TEACHER);

        UUID id = flows.draft(school, "Thống kê");
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        refused(flows.act(school, bearer(Role.GROUP_HEAD), id, "start-appraisal", null, List.of(head)), "materials.workflow.councilTooSmall");
        refused(flows.act(school, bearer(Role.GROUP_HEAD), id, "start-appraisal", null, List.of(head, teacher)),
                "materials.workflow.authorCannotAppraise");
        ok(flows.act(school, bearer(Role.GROUP_HEAD), id, "start-appraisal", null, List.of(head, second.id(), third.id())));
        flows.appraise(school, second.bearer(), id, "APPROVE", null).andExpect(jsonPath("$.version.status").value("UNDER_APPRAISAL"));
        flows.appraise(school, bearer(Role.GROUP_HEAD), id, "RETURN", "Cần thêm bài tập").andExpect(jsonPath("$.version.status")
                .value("UNDER_APPRAISAL"));
        flows.appraise(school, third.bearer(), id, "APPROVE", "Tốt").andExpect(jsonPath("$.version.status").value("APPRAISED"))
                .andExpect(jsonPath("$.version.appraisals.length()").value(3));

        UUID split = flows.draft(school, "Xác suất");
        ok(flows.act(school, Role.TEACHER, split, "submit", null));
        ok(flows.act(school, bearer(Role.GROUP_HEAD), split, "start-appraisal", null, List.of(second.id(), third.id())));
        ok(flows.appraise(school, second.bearer(), split, "APPROVE", null));
        flows.appraise(school, third.bearer(), split, "RETURN", "Chưa đạt").andExpect(jsonPath("$.version.status").value("RETURNED"));
    }

    @Test
    void contentIsCheckedAgainstTheCurriculumAndLinksAreValidated() throws Exception {
        Map<String, Object> bad = new HashMap<>(MaterialFlows.content(" "));
        bad.put("subjectCode", "TOAN");
        bad.put("grades", List.of(6, 13));
        bad.put("topicIds", List.of(UUID.randomUUID()));
        bad.put("kind", "VIDEO");
        bad.put("linkUrl", "http://example.com/video");
        bad.put("authors", List.of());
        flows.create(school, Role.TEACHER, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'title')]").exists())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'grades')].code").value("materials.error.badGrade"))
                .andExpect(jsonPath("$.errors[?(@.location.field == 'topicIds')].code").value("materials.error.unknownTopic"))
                .andExpect(jsonPath("$.errors[?(@.location.field == 'linkUrl')].code").value("materials.error.badLink"))
                .andExpect(jsonPath("$.errors[?(@.location.field == 'authors')]").exists());

        Map<String, Object> wrongGrade = new HashMap<>(MaterialFlows.content("Tiếng Việt lớp 6"));
        wrongGrade.put("subjectCode", "TIENG_VIET");
        flows.create(school, Role.TEACHER, wrongGrade).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.subjectNotInGrade"));
        Map<String, Object> unknown = new HashMap<>(MaterialFlows.content("Môn lạ"));
        unknown.put("subjectCode", "ASTROLOGY");
        flows.create(school, Role.TEACHER, unknown).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.unknownSubject"));

        Map<String, Object> video = new HashMap<>(MaterialFlows.content("Video bài giảng"));
        video.put("kind", "VIDEO");
        video.put("linkUrl", "https://drive.google.com/file/d/abc/view");
        flows.create(school, Role.TEACHER, video).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.videoLinkNotYoutube"));
        video.put("linkUrl", "https://www.youtube.com/watch?v=notanid");
        flows.create(school, Role.TEACHER, video).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("materials.error.badYoutube"));
        video.put("linkUrl", "https://youtu.be/dQw4w9WgXcQ");
        flows.create(school, Role.TEACHER, video).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version.linkUrl").value("https://youtu.be/dQw4w9WgXcQ"));
        Map<String, Object> drive = new HashMap<>(MaterialFlows.content("Phiếu học tập"));
        drive.put("kind", "LINK");
        drive.put("linkUrl", "https://drive.google.com/file/d/1AbC/view?usp=sharing");
        flows.create(school, Role.TEACHER, drive).andExpect(status().isCreated());
        drive.remove("linkUrl");
        flows.create(school, Role.TEACHER, drive).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("linkUrl"));
    }
}
