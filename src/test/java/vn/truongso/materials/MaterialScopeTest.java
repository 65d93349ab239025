package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Who sees what: a school's staff see its materials in every state; its students only what is published; the
 * Phòng what was proposed to or shared in the district; the Sở what reached the city; a sibling school in the same
 * district what is shared there; a school elsewhere nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialScopeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgUnits orgUnits;

    TestSchool school;
    TestSchool elsewhere;
    MaterialFlows.Extra siblingTeacher;
    MaterialFlows.Extra siblingStudent;
    UUID draft;
    UUID approved;
    UUID published;
    UUID proposed;
    UUID district;
    UUID city;
    UUID elsewhereDraft;

    @BeforeAll
    void build() throws Exception {
        school = testSchools.create();
        elsewhere = testSchools.create();
        var sibling = orgUnits.register(OrgUnits.Kind.SCHOOL, school.phongId(), "T-SIB-" + UUID.randomUUID().toString().substring(0, 8),
                "Trường THCS Cùng Quận");
        siblingTeacher = MaterialFlows.extraAccount(accounts, sibling.id(), Role.TEACHER, "gvcungquan");
        siblingStudent = MaterialFlows.extraAccount(accounts, sibling.id(), Role.STUDENT, "hscungquan");
        MaterialFlows flows = new MaterialFlows(mvc);
        draft = flows.draft(school, "Nháp A");
        approved = flows.approved(school, "Đã duyệt A");
        published = flows.published(school, "Công bố A");
        proposed = flows.published(school, "Đề xuất A");
        ok(flows.act(school, Role.PRINCIPAL, proposed, "propose-district", null));
        district = flows.sharedInDistrict(school, "Quận A");
        city = flows.sharedInDistrict(school, "Thành phố A");
        ok(flows.act(school, Role.PHONG_OFFICER, city, "propose-city", null));
        flows.appraisedAtUnit(school, Role.SO_OFFICER, city);
        ok(flows.act(school, Role.SO_OFFICER, city, "accept-city", null));
        elsewhereDraft = flows.draft(elsewhere, "Nháp B");
    }

    private List<String> titles(String url, String bearer) throws Exception {
        var response = mvc.perform(get(url).header("Authorization", bearer)).andExpect(status().isOk()).andReturn().getResponse();
        JsonNode list = MaterialFlows.JSON.readTree(response.getContentAsString());
        return list.valueStream().map(n -> n.get("title").asText()).toList();
    }

    private int statusOf(TestSchool owner, UUID id, String bearer) throws Exception {
        return mvc.perform(get(MaterialFlows.base(owner) + "/" + id).header("Authorization", bearer)).andReturn().getResponse().getStatus();
    }

    @Test
    void theSchoolsStaffSeeEverythingAndItsStudentsOnlyWhatIsPublished() throws Exception {
        assertThat(titles(MaterialFlows.base(school), school.bearer(Role.TEACHER)))
                .containsExactlyInAnyOrder("Nháp A", "Đã duyệt A", "Công bố A", "Đề xuất A", "Quận A", "Thành phố A");
        assertThat(titles(MaterialFlows.base(school), school.bearer(Role.STUDENT)))
                .containsExactlyInAnyOrder("Công bố A", "Đề xuất A", "Quận A", "Thành phố A");
        assertThat(statusOf(school, draft, school.bearer(Role.STUDENT))).isEqualTo(404);
        assertThat(statusOf(school, approved, school.bearer(Role.STUDENT))).isEqualTo(404);
        assertThat(statusOf(school, published, school.bearer(Role.STUDENT))).isEqualTo(200);
        assertThat(statusOf(school, draft, school.bearer(Role.PARENT))).isEqualTo(403);
    }

    @Test
    void aTeacherOfAnotherSchoolCannotSeeItsDrafts() throws Exception {
        assertThat(statusOf(elsewhere, elsewhereDraft, school.bearer(Role.TEACHER))).isEqualTo(404);
        mvc.perform(get(MaterialFlows.base(elsewhere)).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isNotFound());
        assertThat(statusOf(school, draft, elsewhere.bearer(Role.TEACHER))).isEqualTo(404);
        assertThat(statusOf(school, draft, siblingTeacher.bearer())).isEqualTo(404);
        assertThat(statusOf(school, published, siblingTeacher.bearer())).isEqualTo(404);
        // What is shared in another Sở's city is not shared with this one.
        assertThat(statusOf(school, city, elsewhere.bearer(Role.TEACHER))).isEqualTo(404);
        assertThat(titles("/api/v1/shared-materials", elsewhere.bearer(Role.TEACHER))).doesNotContain("Thành phố A", "Quận A");
    }

    @Test
    void thePhongSeesWhatWasProposedToOrSharedInTheDistrictOnly() throws Exception {
        assertThat(titles(MaterialFlows.base(school), school.bearer(Role.PHONG_OFFICER)))
                .containsExactlyInAnyOrder("Đề xuất A", "Quận A", "Thành phố A");
        assertThat(statusOf(school, draft, school.bearer(Role.PHONG_OFFICER))).isEqualTo(404);
        assertThat(statusOf(school, published, school.bearer(Role.PHONG_OFFICER))).isEqualTo(404);
        assertThat(statusOf(school, proposed, school.bearer(Role.PHONG_OFFICER))).isEqualTo(200);
        JsonNode inbox = MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/materials/inbox").header("Authorization",
                school.bearer(Role.PHONG_OFFICER))).andReturn().getResponse().getContentAsString());
        assertThat(inbox.get("proposedToDistrict").valueStream().map(n -> n.get("title").asText()).toList()).containsExactly("Đề xuất A");
        assertThat(titles("/api/v1/shared-materials", school.bearer(Role.PHONG_OFFICER)))
                .containsExactlyInAnyOrder("Đề xuất A", "Quận A", "Thành phố A");
        assertThat(titles("/api/v1/shared-materials", elsewhere.bearer(Role.PHONG_OFFICER))).doesNotContain("Đề xuất A", "Quận A");
    }

    @Test
    void theSoSeesTheCityLevelOnly() throws Exception {
        assertThat(titles(MaterialFlows.base(school), school.bearer(Role.SO_OFFICER))).containsExactly("Thành phố A");
        assertThat(titles("/api/v1/shared-materials", school.bearer(Role.SO_OFFICER))).containsExactly("Thành phố A");
        assertThat(statusOf(school, district, school.bearer(Role.SO_OFFICER))).isEqualTo(404);
    }

    @Test
    void aSiblingSchoolInTheDistrictSeesWhatIsSharedThere() throws Exception {
        assertThat(titles("/api/v1/shared-materials", siblingTeacher.bearer())).containsExactlyInAnyOrder("Quận A", "Thành phố A");
        assertThat(titles("/api/v1/shared-materials", siblingStudent.bearer())).containsExactlyInAnyOrder("Quận A", "Thành phố A");
        assertThat(statusOf(school, district, siblingTeacher.bearer())).isEqualTo(200);
        assertThat(statusOf(school, district, siblingStudent.bearer())).isEqualTo(200);
        assertThat(statusOf(school, proposed, siblingTeacher.bearer())).isEqualTo(404);
        // But not the school's list, nor the history of the material.
        mvc.perform(get(MaterialFlows.base(school)).header("Authorization", siblingTeacher.bearer())).andExpect(status().isNotFound());
        mvc.perform(get(MaterialFlows.base(school) + "/" + district + "/history").header("Authorization", siblingTeacher.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theInboxShowsEachUserWhatAwaitsHerAction() throws Exception {
        TestSchool fresh = testSchools.create();
        MaterialFlows flows = new MaterialFlows(mvc);
        UUID mine = flows.draft(fresh, "Việc của tôi");
        assertThat(inbox(fresh.bearer(Role.TEACHER), "toRevise")).containsExactly("Việc của tôi");
        ok(flows.act(fresh, Role.TEACHER, mine, "submit", null));
        assertThat(inbox(fresh.bearer(Role.TEACHER), "toRevise")).isEmpty();
        assertThat(inbox(fresh.bearer(Role.GROUP_HEAD), "toStartAppraisal")).containsExactly("Việc của tôi");
        ok(flows.act(fresh, Role.GROUP_HEAD, mine, "start-appraisal", null));
        assertThat(inbox(fresh.bearer(Role.GROUP_HEAD), "toStartAppraisal")).isEmpty();
        assertThat(inbox(fresh.bearer(Role.GROUP_HEAD), "toAppraise")).containsExactly("Việc của tôi");
        ok(flows.appraise(fresh, fresh.bearer(Role.GROUP_HEAD), mine, "APPROVE", null));
        assertThat(inbox(fresh.bearer(Role.PRINCIPAL), "toApprove")).containsExactly("Việc của tôi");
        assertThat(inbox(fresh.bearer(Role.VICE_PRINCIPAL), "toApprove")).containsExactly("Việc của tôi");
        ok(flows.act(fresh, Role.PRINCIPAL, mine, "approve", null));
        assertThat(inbox(fresh.bearer(Role.PRINCIPAL), "toApprove")).isEmpty();
        assertThat(inbox(fresh.bearer(Role.PRINCIPAL), "toPublish")).containsExactly("Việc của tôi");
        // Nothing of another school reaches this inbox.
        assertThat(inbox(school.bearer(Role.PRINCIPAL), "toPublish")).doesNotContain("Việc của tôi");
    }

    private List<String> inbox(String bearer, String box) throws Exception {
        JsonNode inbox = MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/materials/inbox").header("Authorization", bearer))
                .andReturn().getResponse().getContentAsString());
        return inbox.get(box).valueStream().map(n -> n.get("title").asText()).toList();
    }
}
