package vn.truongso.materials;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every endpoint of the materials API: a role without the capability gets 403, anyone of another school (and its
 * Phòng and Sở) 404, nobody signed in 401.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialApiAuthorizationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;

    TestSchool school;
    TestSchool otherSchool;
    static UUID materialId;
    static UUID fileId;
    static UUID targetId;

    /** One endpoint: how to call it, and a role of the school that lacks the capability it needs. */
    record Endpoint(String name, Function<TestSchool, AbstractMockHttpServletRequestBuilder<?>> request, Role wrongRole) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void createSchoolsAndAMaterial() throws Exception {
        school = testSchools.create();
        otherSchool = testSchools.create();
        MaterialFlows flows = new MaterialFlows(mvc);
        materialId = flows.draft(school, "Phương trình");
        var upload = mvc.perform(multipart(MaterialFlows.base(school) + "/" + materialId + "/files")
                .file(new MockMultipartFile("file", "bai.pdf", "application/pdf", "%PDF-1.4 test".getBytes()))
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isCreated()).andReturn();
        fileId = MaterialFlows.id(upload.getResponse().getContentAsString());
        MaterialFlows.ok(flows.act(school, Role.TEACHER, materialId, "submit", null));
        MaterialFlows.ok(flows.act(school, Role.GROUP_HEAD, materialId, "start-appraisal", null));
        MaterialFlows.ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), materialId, "APPROVE", null));
        MaterialFlows.ok(flows.act(school, Role.PRINCIPAL, materialId, "approve", null));
        MaterialFlows.ok(flows.act(school, Role.PRINCIPAL, materialId, "publish", null));
        var target = mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/material-plan").header("Authorization", school.bearer(Role.PRINCIPAL))
                .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(Map.of("subjectGroup", "Tổ Toán", "subjectCode", "TOAN",
                        "grade", 6, "dueOn", "2027-05-31")))).andExpect(status().isCreated()).andReturn();
        targetId = MaterialFlows.id(target.getResponse().getContentAsString());
    }

    static String m(TestSchool s) {
        return MaterialFlows.base(s) + "/" + materialId;
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, Object body) {
        return builder.contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(body));
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("list", s -> get(MaterialFlows.base(s)), Role.PARENT),
                new Endpoint("create", s -> json(post(MaterialFlows.base(s)), MaterialFlows.content("Mới")), Role.STUDENT),
                new Endpoint("detail", s -> get(m(s)), Role.PARENT),
                new Endpoint("edit", s -> json(put(m(s)), MaterialFlows.content("Sửa")), Role.STUDENT),
                new Endpoint("submit", s -> json(post(m(s) + "/actions/submit"), Map.of()), Role.STUDENT),
                new Endpoint("withdraw", s -> json(post(m(s) + "/actions/withdraw"), Map.of()), Role.IT_STAFF),
                new Endpoint("start-appraisal", s -> json(post(m(s) + "/actions/start-appraisal"), Map.of()), Role.TEACHER),
                new Endpoint("approve", s -> json(post(m(s) + "/actions/approve"), Map.of()), Role.GROUP_HEAD),
                new Endpoint("reject", s -> json(post(m(s) + "/actions/reject"), Map.of("comment", "x")), Role.TEACHER),
                new Endpoint("publish", s -> json(post(m(s) + "/actions/publish"), Map.of()), Role.TEACHER),
                new Endpoint("propose-district", s -> json(post(m(s) + "/actions/propose-district"), Map.of()), Role.GROUP_HEAD),
                new Endpoint("archive", s -> json(post(m(s) + "/actions/archive"), Map.of("comment", "x")), Role.TEACHER),
                new Endpoint("accept-district", s -> json(post(m(s) + "/actions/accept-district"), Map.of()), Role.PRINCIPAL),
                new Endpoint("start-district-appraisal", s -> json(post(m(s) + "/actions/start-district-appraisal"), Map.of()), Role.PRINCIPAL),
                new Endpoint("start-city-appraisal", s -> json(post(m(s) + "/actions/start-city-appraisal"), Map.of()), Role.PHONG_OFFICER),
                new Endpoint("decline-district", s -> json(post(m(s) + "/actions/decline-district"), Map.of("comment", "x")), Role.SO_OFFICER),
                new Endpoint("propose-city", s -> json(post(m(s) + "/actions/propose-city"), Map.of()), Role.PRINCIPAL),
                new Endpoint("accept-city", s -> json(post(m(s) + "/actions/accept-city"), Map.of()), Role.PHONG_OFFICER),
                new Endpoint("decline-city", s -> json(post(m(s) + "/actions/decline-city"), Map.of("comment", "x")), Role.PRINCIPAL),
                new Endpoint("appraise", s -> json(post(m(s) + "/appraisals"), Map.of("recommendation", "APPROVE", "criteria", List.of())),
                        Role.STUDENT),
                new Endpoint("history", s -> get(m(s) + "/history"), Role.STUDENT),
                new Endpoint("files", s -> get(m(s) + "/files"), Role.PARENT),
                new Endpoint("upload", s -> multipart(m(s) + "/files").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                        "%PDF-1.4 x".getBytes())), Role.STUDENT),
                new Endpoint("upload-raw", s -> post(m(s) + "/files?name=a.pdf").contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content("%PDF-1.4 x".getBytes()), Role.IT_STAFF),
                new Endpoint("download", s -> get(m(s) + "/files/" + fileId), Role.PARENT),
                new Endpoint("export-scorm12", s -> get(m(s) + "/export/scorm12"), Role.PARENT),
                new Endpoint("export-cartridge", s -> get(MaterialFlows.base(s) + "/export/common-cartridge?ids=" + materialId), Role.PARENT),
                new Endpoint("remove-file", s -> delete(m(s) + "/files/" + fileId), Role.STUDENT),
                new Endpoint("ratings", s -> get(m(s) + "/ratings"), Role.PARENT),
                new Endpoint("rate", s -> json(post(m(s) + "/ratings"), Map.of("stars", 5)), Role.STUDENT),
                new Endpoint("plan", s -> get("/api/v1/schools/" + s.schoolId() + "/material-plan"), Role.STUDENT),
                new Endpoint("add-target", s -> json(post("/api/v1/schools/" + s.schoolId() + "/material-plan"), Map.of("subjectGroup", "Tổ Toán",
                        "subjectCode", "TOAN", "grade", 7, "dueOn", "2027-05-31")), Role.TEACHER),
                new Endpoint("remove-target", s -> delete("/api/v1/schools/" + s.schoolId() + "/material-plan/" + targetId), Role.GROUP_HEAD),
                new Endpoint("progress", s -> get("/api/v1/schools/" + s.schoolId() + "/material-progress"), Role.STUDENT),
                new Endpoint("settings", s -> get("/api/v1/schools/" + s.schoolId() + "/material-settings"), Role.STUDENT),
                new Endpoint("put-settings", s -> json(put("/api/v1/schools/" + s.schoolId() + "/material-settings"), Map.of("council", true,
                        "rubric", List.of("ACCURACY"))), Role.TEACHER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aRoleWithoutTheCapabilityIsRefused(Endpoint endpoint) throws Exception {
        mvc.perform(endpoint.request().apply(school).header("Authorization", school.bearer(endpoint.wrongRole()))).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyoneOfAnotherSchoolGetsNotFound(Endpoint endpoint) throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(endpoint.request().apply(school).header("Authorization", otherSchool.bearer(role))).andExpect(status().isNotFound());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void nobodySignedInGetsUnauthorized(Endpoint endpoint) throws Exception {
        mvc.perform(endpoint.request().apply(school)).andExpect(status().isUnauthorized());
    }

    @Test
    void theInboxAndTheSharedRepositoryNeedASignedInUser() throws Exception {
        mvc.perform(get("/api/v1/materials/inbox")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/shared-materials")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/materials/inbox").header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/shared-materials").header("Authorization", school.bearer(Role.STUDENT))).andExpect(status().isOk());
    }
}
