package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static vn.truongso.materials.MaterialFlows.ok;
import static vn.truongso.support.WebUsers.as;

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
import vn.truongso.support.WebUsers;

/**
 * The Phòng's and Sở's appraisal of a proposal with the rubric and mode each configures for itself: every transition
 * at those levels, every illegal move, who/when/why in the history and the audit, the inbox of the next actor, and
 * the authorisation of the units' settings.
 */
@IntegrationTest
class UnitAppraisalTest {

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

    private ResultActions putSettings(UUID unit, String bearer, boolean council, List<String> rubric) throws Exception {
        return mvc.perform(put("/api/v1/org-units/" + unit + "/material-settings").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(Map.of("council", council, "rubric", rubric))));
    }

    private ResultActions appraise(String bearer, UUID id, String recommendation, String comment, Map<String, String> verdicts) throws Exception {
        List<Map<String, String>> criteria = verdicts.entrySet().stream()
                .map(e -> Map.of("criterion", e.getKey(), "verdict", e.getValue(), "comment", "Nhận xét " + e.getKey())).toList();
        Map<String, Object> request = new HashMap<>(Map.of("recommendation", recommendation, "criteria", criteria));
        if (comment != null) {
            request.put("comment", comment);
        }
        return mvc.perform(post(MaterialFlows.base(school) + "/" + id + "/appraisals").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(request)));
    }

    private static void refused(ResultActions result, String code) throws Exception {
        result.andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").isNotEmpty()).andExpect(jsonPath("$.detailEn").isNotEmpty());
    }

    private JsonNode inbox(String bearer) throws Exception {
        return MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/materials/inbox").header("Authorization", bearer)).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<String> ids(JsonNode box) {
        return box.valueStream().map(n -> n.get("id").asText()).toList();
    }

    private List<JsonNode> history(UUID id) throws Exception {
        return MaterialFlows.JSON.readTree(mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/history")
                .header("Authorization", school.bearer(Role.PRINCIPAL))).andReturn().getResponse().getContentAsString()).valueStream().toList();
    }

    @Test
    void aPhongCouncilAppraisesWithThePhongsOwnRubricThenThePhongShares() throws Exception {
        String phong = school.bearer(Role.PHONG_OFFICER);
        UUID phongOfficer = school.accountIds().get(Role.PHONG_OFFICER);
        var second = MaterialFlows.extraAccount(accounts, school.phongId(), Role.PHONG_OFFICER, "phong2");
        var third = MaterialFlows.extraAccount(accounts, school.phongId(), Role.PHONG_OFFICER, "phong3");
        putSettings(school.phongId(), phong, true, List.of("ACCURACY", "LOCAL_FIT")).andExpect(status().isOk())
                .andExpect(jsonPath("$.council").value(true)).andExpect(jsonPath("$.rubric[1]").value("LOCAL_FIT"));
        mvc.perform(get("/api/v1/org-units/" + school.phongId() + "/material-settings").header("Authorization", second.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rubric.length()").value(2));

        UUID id = flows.published(school, "Phân số cấp quận");
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", "Đề xuất dùng chung"));
        assertThat(ids(inbox(phong).get("proposedToDistrict"))).contains(id.toString());
        flows.detail(school, phong, id).get("actions").valueStream().map(JsonNode::asText).toList();
        assertThat(flows.detail(school, phong, id).get("actions").valueStream().map(JsonNode::asText).toList())
                .containsExactly("start-district-appraisal", "decline-district");

        // Before the appraisal: no acceptance, no appraisal.
        refused(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null), "materials.workflow.unitNotAppraised");
        refused(appraise(phong, id, "APPROVE", null, Map.of("ACCURACY", "PASS", "LOCAL_FIT", "PASS")), "materials.workflow.unitAppraisalNotStarted");
        // The Phòng appraises by council: at least two of its own officers.
        refused(flows.act(school, phong, id, "start-district-appraisal", null, List.of(phongOfficer)), "materials.workflow.councilTooSmall");
        flows.act(school, phong, id, "start-district-appraisal", null, List.of(phongOfficer, school.accountIds().get(Role.TEACHER)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].location.field").value("council"));
        flows.act(school, phong, id, "start-district-appraisal", null, List.of(phongOfficer, second.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.reach").value("PROPOSED_DISTRICT"))
                .andExpect(jsonPath("$.unitAppraisal.state").value("UNDER_APPRAISAL"))
                .andExpect(jsonPath("$.unitAppraisal.appraiserIds.length()").value(2));
        refused(flows.act(school, phong, id, "start-district-appraisal", null, List.of(phongOfficer, second.id())),
                "materials.workflow.unitAppraisalStarted");
        refused(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null), "materials.workflow.unitNotAppraised");
        assertThat(ids(inbox(second.bearer()).get("toAppraiseAtUnit"))).containsExactly(id.toString());
        assertThat(ids(inbox(third.bearer()).get("toAppraiseAtUnit"))).isEmpty();

        // The Phòng's rubric, not the school's: the school's criteria are refused, each located.
        appraise(phong, id, "APPROVE", null, Map.of("ACCURACY", "PASS", "COPYRIGHT", "PASS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'criteria')]").exists())
                .andExpect(jsonPath("$.errors[?(@.location.field == 'criteria.LOCAL_FIT')]").exists());
        refused(appraise(third.bearer(), id, "APPROVE", null, Map.of("ACCURACY", "PASS", "LOCAL_FIT", "PASS")), "materials.workflow.notAnAppraiser");
        appraise(phong, id, "APPROVE", "Phù hợp địa phương", Map.of("ACCURACY", "PASS", "LOCAL_FIT", "PASS")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitAppraisal.state").value("UNDER_APPRAISAL"))
                .andExpect(jsonPath("$.unitAppraisal.appraisals[0].level").value("DISTRICT"))
                .andExpect(jsonPath("$.unitAppraisal.appraisals[0].criteria[1].criterion").value("LOCAL_FIT"));
        refused(appraise(phong, id, "APPROVE", null, Map.of("ACCURACY", "PASS", "LOCAL_FIT", "PASS")), "materials.workflow.alreadyAppraised");
        refused(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null), "materials.workflow.unitNotAppraised");
        appraise(second.bearer(), id, "APPROVE", null, Map.of("ACCURACY", "PASS", "LOCAL_FIT", "NEEDS_WORK")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitAppraisal.state").value("APPRAISED"))
                .andExpect(jsonPath("$.actions[0]").value("accept-district"));
        assertThat(ids(inbox(second.bearer()).get("toAppraiseAtUnit"))).isEmpty();
        refused(appraise(second.bearer(), id, "APPROVE", null, Map.of("ACCURACY", "PASS", "LOCAL_FIT", "PASS")), "materials.workflow.alreadyAppraised");

        flows.act(school, Role.PHONG_OFFICER, id, "accept-district", "Chia sẻ toàn quận").andExpect(status().isOk())
                .andExpect(jsonPath("$.reach").value("SHARED_DISTRICT")).andExpect(jsonPath("$.unitAppraisal.state").value("NONE"))
                .andExpect(jsonPath("$.unitAppraisal.appraisals.length()").value(2));

        List<JsonNode> history = history(id);
        List<String> actions = history.stream().map(t -> t.get("action").asText()).toList();
        assertThat(actions).endsWith("PROPOSE_DISTRICT", "START_DISTRICT_APPRAISAL", "APPRAISE_DISTRICT", "APPRAISE_DISTRICT", "DISTRICT_APPRAISED",
                "ACCEPT_DISTRICT");
        JsonNode firstAppraisal = history.get(actions.indexOf("APPRAISE_DISTRICT"));
        assertThat(firstAppraisal.get("actor").get("id").asText()).isEqualTo(phongOfficer.toString());
        assertThat(firstAppraisal.get("comment").asText()).isEqualTo("APPROVE: Phù hợp địa phương");
        assertThat(firstAppraisal.get("at").asText()).isNotBlank();
        List<String> audited = jdbc.sql("SELECT action FROM audit_event WHERE subject_type = 'material' AND subject_id = ? ORDER BY id")
                .param(id.toString()).query(String.class).list();
        assertThat(audited).endsWith("materials.propose_district", "materials.start_district_appraisal", "materials.appraise_district",
                "materials.appraise_district", "materials.accept_district");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'materials.unit_settings' AND org_unit_id = ?")
                .param(school.phongId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMajorityAgainstSendsTheProposalBackWithTheCommentsAndTheSoUsesItsOwnRubric() throws Exception {
        String phong = school.bearer(Role.PHONG_OFFICER);
        String so = school.bearer(Role.SO_OFFICER);
        UUID id = flows.published(school, "Phân số trả lại");
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        ok(flows.act(school, Role.PHONG_OFFICER, id, "start-district-appraisal", null));
        // A return needs the reason.
        flows.appraise(school, phong, id, "RETURN", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("comment"));
        flows.appraise(school, phong, id, "RETURN", "Trùng học liệu đã chia sẻ").andExpect(status().isOk())
                .andExpect(jsonPath("$.reach").value("PUBLISHED"));
        List<JsonNode> history = history(id);
        JsonNode last = history.getLast();
        assertThat(last.get("action").asText()).isEqualTo("DECLINE_DISTRICT");
        assertThat(last.get("fromState").asText()).isEqualTo("PROPOSED_DISTRICT");
        assertThat(last.get("toState").asText()).isEqualTo("PUBLISHED");
        assertThat(last.get("comment").asText()).isEqualTo("Trùng học liệu đã chia sẻ");
        // Proposed again: a new round, and this time the Phòng may decline in the middle of the appraisal, with a reason.
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        flows.act(school, Role.PHONG_OFFICER, id, "start-district-appraisal", null).andExpect(jsonPath("$.unitAppraisal.round").value(2));
        refused(flows.act(school, Role.PHONG_OFFICER, id, "decline-district", null), "materials.workflow.reasonRequired");
        ok(flows.act(school, Role.PHONG_OFFICER, id, "decline-district", "Chưa phù hợp"));
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        flows.detail(school, phong, id).get("unitAppraisal");
        assertThat(flows.detail(school, phong, id).get("unitAppraisal").get("state").asText()).isEqualTo("NONE");
        flows.appraisedAtUnit(school, Role.PHONG_OFFICER, id);
        ok(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null));

        // The Sở's own rubric; the Phòng cannot start the city's appraisal, nor the Sở the district's.
        putSettings(school.soId(), so, false, List.of("CITY_FIT")).andExpect(status().isOk());
        flows.act(school, Role.PHONG_OFFICER, id, "start-city-appraisal", null).andExpect(status().isForbidden());
        ok(flows.act(school, Role.PHONG_OFFICER, id, "propose-city", null));
        refused(flows.act(school, Role.SO_OFFICER, id, "accept-city", null), "materials.workflow.unitNotAppraised");
        flows.act(school, Role.SO_OFFICER, id, "start-city-appraisal", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitAppraisal.appraiserIds[0]").value(school.accountIds().get(Role.SO_OFFICER).toString()));
        assertThat(ids(inbox(so).get("toAppraiseAtUnit"))).containsExactly(id.toString());
        flows.appraise(school, so, id, "APPROVE", null).andExpect(status().isBadRequest());
        appraise(so, id, "RETURN", "Chưa dùng được toàn thành phố", Map.of("CITY_FIT", "FAIL")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reach").value("SHARED_DISTRICT"));
        assertThat(history(id).getLast().get("action").asText()).isEqualTo("DECLINE_CITY");
        ok(flows.act(school, Role.PHONG_OFFICER, id, "propose-city", null));
        ok(flows.act(school, Role.SO_OFFICER, id, "start-city-appraisal", null));
        appraise(so, id, "APPROVE", null, Map.of("CITY_FIT", "PASS")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unitAppraisal.state").value("APPRAISED"));
        flows.act(school, Role.SO_OFFICER, id, "accept-city", "Dùng chung toàn thành phố").andExpect(jsonPath("$.reach").value("SHARED_CITY"));
        refused(flows.act(school, Role.SO_OFFICER, id, "start-city-appraisal", null), "materials.workflow.illegal");
        // The school's staff see the units' appraisals; the teacher, too, as staff.
        JsonNode seen = flows.detail(school, school.bearer(Role.TEACHER), id);
        assertThat(seen.get("unitAppraisal").get("appraisals").size()).isEqualTo(4);
    }

    @Test
    void theUnitsSettingsAreTheirOfficersOwn() throws Exception {
        TestSchool other = testSchools.create();
        String path = "/api/v1/org-units/" + school.phongId() + "/material-settings";
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
        mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"rubric\":[\"A1\"]}")).andExpect(status().isUnauthorized());
        mvc.perform(get(path).header("Authorization", school.bearer(Role.PHONG_OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.council").value(false)).andExpect(jsonPath("$.rubric[0]").value("ACCURACY"));
        // The Sở reaches the Phòng but does not appraise for it.
        mvc.perform(get(path).header("Authorization", school.bearer(Role.SO_OFFICER))).andExpect(status().isForbidden());
        putSettings(school.phongId(), school.bearer(Role.SO_OFFICER), false, List.of("A1")).andExpect(status().isForbidden());
        putSettings(school.soId(), school.bearer(Role.PHONG_OFFICER), false, List.of("A1")).andExpect(status().isNotFound());
        // School roles are below the Phòng: it is not theirs to see.
        for (Role role : List.of(Role.PRINCIPAL, Role.TEACHER, Role.STUDENT)) {
            mvc.perform(get(path).header("Authorization", school.bearer(role))).andExpect(status().isNotFound());
        }
        // Another district's officers.
        mvc.perform(get(path).header("Authorization", other.bearer(Role.PHONG_OFFICER))).andExpect(status().isNotFound());
        putSettings(school.phongId(), other.bearer(Role.PHONG_OFFICER), true, List.of("A1")).andExpect(status().isNotFound());
        // A school is not an appraising unit here.
        mvc.perform(get("/api/v1/org-units/" + school.schoolId() + "/material-settings").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isNotFound());
        // Bad criteria are refused with the field named.
        putSettings(school.phongId(), school.bearer(Role.PHONG_OFFICER), false, List.of("chính xác")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("rubric"));
        putSettings(school.phongId(), school.bearer(Role.PHONG_OFFICER), false, List.of()).andExpect(status().isBadRequest());
    }

    @Test
    void thePhongOfficerAppraisesFromThePages() throws Exception {
        UUID id = flows.published(school, "Phân số trên trang");
        ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
        String page = "/schools/" + school.schoolId() + "/materials/" + id;
        var officer = WebUsers.user(accounts, school, Role.PHONG_OFFICER);
        mvc.perform(get(page).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("action-START_DISTRICT_APPRAISAL")));
        mvc.perform(post(page + "/actions/start-district-appraisal").with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(page + "/appraise").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("verdict.ACCURACY")));
        mvc.perform(get(page).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"appraise\"")))
                .andExpect(content().string(containsString("unit-appraisal-state")));
        // A verdict missing: the form comes back with the criterion named.
        mvc.perform(post(page + "/appraise").with(as(officer)).with(csrf()).param("recommendation", "APPROVE").param("verdict.ACCURACY", "PASS"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("form-errors")));
        var form = post(page + "/appraise").with(as(officer)).with(csrf()).param("recommendation", "APPROVE");
        for (String criterion : List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT")) {
            form.param("verdict." + criterion, "PASS");
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/actions/accept-district").with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(flows.detail(school, school.bearer(Role.PRINCIPAL), id).get("reach").asText()).isEqualTo("SHARED_DISTRICT");
        // The Phòng's settings page, linked from the officer's inbox.
        mvc.perform(get("/materials/inbox").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("unit-settings-" + school.phongId())));
        mvc.perform(get("/org-units/" + school.phongId() + "/material-settings").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("unit-settings")));
        mvc.perform(post("/org-units/" + school.phongId() + "/material-settings").with(as(officer)).with(csrf()).param("council", "true")
                .param("rubric", "ACCURACY\nlocal_fit")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/org-units/" + school.phongId() + "/material-settings").header("Authorization", school.bearer(Role.PHONG_OFFICER)))
                .andExpect(jsonPath("$.council").value(true)).andExpect(jsonPath("$.rubric[1]").value("LOCAL_FIT"));
        mvc.perform(get("/org-units/" + school.phongId() + "/material-settings").with(as(WebUsers.user(accounts, school, Role.PRINCIPAL))))
                .andExpect(status().isNotFound());
    }
}
