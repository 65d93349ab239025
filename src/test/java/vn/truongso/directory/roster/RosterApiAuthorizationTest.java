package vn.truongso.directory.roster;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static vn.truongso.directory.roster.TestWorkbook.row;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every roster endpoint: who may call it (staff and officers read; the principal, vice-principal, IT staff and system
 * administrator import), 403 for other roles of the school, 404 for anyone of another school, 401 without sign-in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterApiAuthorizationTest extends RosterTestSupport {

    static final Set<Role> READERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SO_OFFICER, Role.PHONG_OFFICER, Role.PRINCIPAL, Role.VICE_PRINCIPAL,
            Role.GROUP_HEAD, Role.TEACHER, Role.IT_STAFF);
    static final Set<Role> IMPORTERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.IT_STAFF);

    TestSchool school;
    TestSchool otherSchool;
    String committedUpload;

    @BeforeAll
    void createSchools() throws Exception {
        school = testSchools.create();
        otherSchool = testSchools.create();
        committedUpload = preview(school, classFile("9A1")).get("uploadId").asString();
        commit(school, committedUpload);
    }

    record Endpoint(String name, boolean manages, BiFunction<TestSchool, String, AbstractMockHttpServletRequestBuilder<?>> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("template", false, (s, upload) -> get(base(s) + "/roster/template")),
                new Endpoint("export", false, (s, upload) -> get(base(s) + "/roster/export")),
                new Endpoint("class export", false, (s, upload) -> get(base(s) + "/classes/" + s.classId() + "/export")),
                new Endpoint("preview", true, (s, upload) -> multipart(base(s) + "/roster/imports")
                        .file(new MockMultipartFile("file", "a.xlsx", RosterApi.XLSX.toString(), classFile("9B1")))),
                new Endpoint("commit", true, (s, upload) -> post(base(s) + "/roster/imports/" + upload + "/commit")),
                new Endpoint("credentials", true, (s, upload) -> get(base(s) + "/roster/imports/" + upload + "/credentials")));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void otherRolesOfTheSchoolAreRefused(Endpoint endpoint) throws Exception {
        for (Role role : Role.values()) {
            boolean allowed = endpoint.manages() ? IMPORTERS.contains(role) : READERS.contains(role);
            if (!allowed) {
                mvc.perform(endpoint.request().apply(school, UUID.randomUUID().toString()).header("Authorization", school.bearer(role)))
                        .andExpect(status().isForbidden());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anotherSchoolOrDistrictSeesNothing(Endpoint endpoint) throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(endpoint.request().apply(school, committedUpload).header("Authorization", otherSchool.bearer(role)))
                    .andExpect(status().isNotFound());
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void nobodySignedInIsUnauthorized(Endpoint endpoint) throws Exception {
        // A browser without a session still sends its CSRF token; without one, Spring Security refuses a POST (403)
        // before it asks who is calling.
        mvc.perform(endpoint.request().apply(school, committedUpload).with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(endpoint.request().apply(school, committedUpload).header("Authorization", "Bearer ts_forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void readersMayDownloadTemplateAndExports() throws Exception {
        for (Role role : READERS) {
            for (String path : List.of("/roster/template", "/roster/export", "/classes/" + school.classId() + "/export")) {
                mvc.perform(get(base(school) + path).header("Authorization", school.bearer(role))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void importersMayPreviewAndCommit() throws Exception {
        int n = 1;
        for (Role role : IMPORTERS) {
            String upload = preview(school, role, classFile("9C" + n++), "lop.xlsx").get("uploadId").asString();
            mvc.perform(post(base(school) + "/roster/imports/" + upload + "/commit").header("Authorization", school.bearer(role)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aClassOrUploadOfAnotherSchoolIsNotFoundUnderOnesOwn() throws Exception {
        mvc.perform(get(base(school) + "/classes/" + otherSchool.classId() + "/export").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isNotFound());
        String foreign = preview(otherSchool, classFile("9D1")).get("uploadId").asString();
        mvc.perform(post(base(school) + "/roster/imports/" + foreign + "/commit").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base(school) + "/roster/imports/" + foreign + "/credentials").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isNotFound());
    }

    static byte[] classFile(String className) {
        return TestWorkbook.create().sheet("Lớp", TestWorkbook.CLASSES, List.of(row(className, 9, null))).bytes();
    }
}
