package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

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
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.materials.packages.TestPackages;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * A SCORM package attached to a material shared at district (or city) level is played by learners and teachers of the
 * district's other schools, their launch and tracking kept with their own school; a draft's package, or one shared no
 * further than its school, stays private (404 to other schools).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedPackageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    TestSchool elsewhere;
    UUID sibling;
    MaterialFlows.Extra siblingStudent;
    MaterialFlows.Extra siblingTeacher;
    MaterialFlows.Extra siblingParent;
    MaterialFlows flows;
    UUID shared;
    UUID sharedFile;
    UUID published;
    UUID publishedFile;
    UUID draft;
    UUID draftFile;

    @BeforeAll
    void build() throws Exception {
        school = testSchools.create();
        elsewhere = testSchools.create();
        sibling = orgUnits.register(OrgUnits.Kind.SCHOOL, school.phongId(), "T-SP-" + UUID.randomUUID().toString().substring(0, 8),
                "Trường THCS Cùng Quận").id();
        siblingStudent = MaterialFlows.extraAccount(accounts, sibling, Role.STUDENT, "hs");
        siblingTeacher = MaterialFlows.extraAccount(accounts, sibling, Role.TEACHER, "gv");
        siblingParent = MaterialFlows.extraAccount(accounts, sibling, Role.PARENT, "ph");
        flows = new MaterialFlows(mvc);
        shared = withPackage("Phân số tương tác (quận)");
        sharedFile = fileOf(shared);
        publishAndShare(shared, true);
        published = withPackage("Phân số tương tác (trường)");
        publishedFile = fileOf(published);
        publishAndShare(published, false);
        draft = withPackage("Phân số tương tác (nháp)");
        draftFile = fileOf(draft);
    }

    private UUID withPackage(String title) throws Exception {
        UUID id = flows.draft(school, title);
        mvc.perform(multipart(MaterialFlows.base(school) + "/" + id + "/files")
                .file(new MockMultipartFile("file", "goi-scorm.zip", "application/zip", TestPackages.scorm12()))
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isCreated());
        return id;
    }

    private UUID fileOf(UUID material) throws Exception {
        JsonNode files = MaterialFlows.JSON.readTree(mvc.perform(get(MaterialFlows.base(school) + "/" + material + "/files")
                .header("Authorization", school.bearer(Role.TEACHER))).andReturn().getResponse().getContentAsString());
        return UUID.fromString(files.get(0).get("id").asString());
    }

    private void publishAndShare(UUID id, boolean district) throws Exception {
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "publish", null));
        if (district) {
            ok(flows.act(school, Role.PRINCIPAL, id, "propose-district", null));
            flows.appraisedAtUnit(school, Role.PHONG_OFFICER, id);
            ok(flows.act(school, Role.PHONG_OFFICER, id, "accept-district", null));
        }
    }

    private String launches(UUID material, UUID file) {
        return MaterialFlows.base(school) + "/" + material + "/files/" + file + "/launches";
    }

    private ResultActions launch(String bearer, UUID material, UUID file) throws Exception {
        var request = post(launches(material, file)).contentType(MediaType.APPLICATION_JSON).content("{}");
        return mvc.perform(bearer == null ? request : request.header("Authorization", bearer));
    }

    private static String base(String contentUrl) {
        return contentUrl.substring(0, contentUrl.indexOf("/bai1/") + 1);
    }

    @Test
    void aLearnerOfAnotherSchoolInTheDistrictPlaysTheSharedPackageAndHerTrackingIsHerSchools() throws Exception {
        JsonNode launch = MaterialFlows.JSON.readTree(launch(siblingStudent.bearer(), shared, sharedFile).andExpect(status().isCreated())
                .andExpect(jsonPath("$.learnerSchoolId").value(sibling.toString())).andReturn().getResponse().getContentAsString());
        String url = launch.get("contentUrl").asString();
        // The content lives with the owning school; the token opens it.
        assertThat(url).startsWith("/play/" + school.schoolId() + "/");
        String base = base(url);
        mvc.perform(get(url)).andExpect(status().isOk());
        String script = mvc.perform(get(base + "__truongso/scorm-api.js")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).contains("\"commitUrl\":\"" + base + "__truongso/commit\"");
        mvc.perform(post(base + "__truongso/commit").contentType(MediaType.TEXT_PLAIN).content("""
                {"values":{"cmi.core.lesson_status":"passed","cmi.core.score.raw":"90","cmi.core.session_time":"0000:01:00"},"finished":true}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(true));

        UUID attemptId = UUID.fromString(launch.get("attemptId").asString());
        var row = jdbc.sql("SELECT school_id, package_school_id, lesson_status, account_id FROM content_package_attempt WHERE id = ?")
                .param(attemptId).query().singleRow();
        assertThat(row.get("school_id")).isEqualTo(sibling);
        assertThat(row.get("package_school_id")).isEqualTo(school.schoolId());
        assertThat(row.get("lesson_status")).isEqualTo("passed");
        assertThat(row.get("account_id")).isEqualTo(siblingStudent.id());
        assertThat(jdbc.sql("SELECT school_id FROM content_package_launch WHERE attempt_id = ?").param(attemptId).query(UUID.class).list())
                .containsOnly(sibling);
        mvc.perform(get(MaterialFlows.base(school) + "/" + shared + "/files/" + sharedFile + "/attempts/mine")
                .header("Authorization", siblingStudent.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].schoolId").value(sibling.toString())).andExpect(jsonPath("$[0].lessonStatus").value("passed"));
        // The owning school's tracking view lists its own learners only.
        String packageId = jdbc.sql("SELECT package_id FROM material_file WHERE school_id = ? AND id = ?").params(school.schoolId(), sharedFile)
                .query(UUID.class).single().toString();
        JsonNode owners = MaterialFlows.JSON.readTree(mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/packages/" + packageId + "/attempts")
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(owners.valueStream().map(a -> a.get("accountId").asString()).toList()).doesNotContain(siblingStudent.id().toString());

        // A teacher of the sibling school too; the player page works from the material.
        launch(siblingTeacher.bearer(), shared, sharedFile).andExpect(status().isCreated());
        mvc.perform(get("/schools/" + school.schoolId() + "/materials/" + shared + "/files/" + sharedFile + "/play")
                .with(WebUsers.as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isOk());
        // The owning school's own student still plays it as before, with her school's attempt.
        launch(school.bearer(Role.STUDENT), shared, sharedFile).andExpect(status().isCreated())
                .andExpect(jsonPath("$.learnerSchoolId").value(school.schoolId().toString()));
    }

    @Test
    void draftsAndPackagesNotSharedBeyondTheSchoolStayPrivate() throws Exception {
        launch(siblingStudent.bearer(), published, publishedFile).andExpect(status().isNotFound());
        launch(siblingTeacher.bearer(), draft, draftFile).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/packages/" + jdbc.sql("SELECT package_id FROM material_file WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), sharedFile).query(UUID.class).single() + "/launches")
                .header("Authorization", siblingStudent.bearer())).andExpect(status().is4xxClientError());
        // The school's own student: published yes, draft no.
        launch(school.bearer(Role.STUDENT), published, publishedFile).andExpect(status().isCreated());
        launch(school.bearer(Role.STUDENT), draft, draftFile).andExpect(status().isNotFound());
        // Another district: not even the shared one.
        for (Role role : Role.values()) {
            launch(elsewhere.bearer(role), shared, sharedFile).andExpect(status().isNotFound());
        }
    }

    @Test
    void everyNewEndpointIsAuthorised() throws Exception {
        String mine = MaterialFlows.base(school) + "/" + shared + "/files/" + sharedFile + "/attempts/mine";
        launch(null, shared, sharedFile).andExpect(status().isUnauthorized());
        mvc.perform(get(mine)).andExpect(status().isUnauthorized());
        // Roles that see the material but may not play packages.
        launch(school.bearer(Role.PHONG_OFFICER), shared, sharedFile).andExpect(status().isForbidden());
        launch(siblingParent.bearer(), shared, sharedFile).andExpect(status().isNotFound());
        launch(school.bearer(Role.PARENT), shared, sharedFile).andExpect(status().isForbidden());
        mvc.perform(get(mine).header("Authorization", school.bearer(Role.PHONG_OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get(mine).header("Authorization", elsewhere.bearer(Role.STUDENT))).andExpect(status().isNotFound());
        // A file that is not a package.
        mvc.perform(get("/schools/" + school.schoolId() + "/materials/" + draft + "/files/" + draftFile + "/play")
                .with(WebUsers.as(WebUsers.user(accounts, elsewhere, Role.STUDENT)))).andExpect(status().isNotFound());
    }
}
