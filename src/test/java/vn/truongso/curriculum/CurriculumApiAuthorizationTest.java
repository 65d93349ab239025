package vn.truongso.curriculum;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Curriculum reference data is readable by every signed-in user (it is the public programme) and by nobody
 * unauthenticated; importing topics, preview or commit, is for system admins and Sở officers only. The data is
 * national, not owned by a school, so there is no other-tenant case: a user of any school reads the same rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurriculumApiAuthorizationTest {

    static final EnumSet<Role> IMPORTERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.SO_OFFICER);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    static UUID topicId;

    @BeforeAll
    void createSchoolAndTopic() throws Exception {
        school = testSchools.create();
        String code = "AUTH-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(upload(TopicWorkbooks.xlsx(List.of(List.of("GDCD", 7, code, "Chủ đề " + code, 1, "YC1", "Yêu cầu " + code))), true)
                .header("Authorization", school.bearer(Role.SYSTEM_ADMIN))).andExpect(status().isOk());
        topicId = jdbc.sql("SELECT id FROM topic WHERE subject_code = 'GDCD' AND grade = 7 AND code = ?").param(code).query(UUID.class).single();
    }

    static Stream<String> readEndpoints() {
        return Stream.of(
                "/api/v1/curriculum/subjects",
                "/api/v1/curriculum/subjects?grade=6",
                "/api/v1/curriculum/subjects?name=toan",
                "/api/v1/curriculum/subjects/TOAN",
                "/api/v1/curriculum/grades/6/subjects",
                "/api/v1/curriculum/subjects/GDCD/grades/7/topics",
                "/api/v1/curriculum/topics/{topic}",
                "/api/v1/curriculum/cognitive-schemes",
                "/api/v1/curriculum/cognitive-schemes/PRIMARY_3",
                "/api/v1/curriculum/topics/template");
    }

    private static String resolve(String endpoint) {
        return endpoint.replace("{topic}", topicId.toString());
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void everyRoleMayRead(String endpoint) throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get(resolve(endpoint)).header("Authorization", school.bearer(role))).andExpect(status().isOk());
        }
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void nobodySignedInIsUnauthorized(String endpoint) throws Exception {
        mvc.perform(get(resolve(endpoint))).andExpect(status().isUnauthorized());
        mvc.perform(get(resolve(endpoint)).header("Authorization", "Bearer ts_forged")).andExpect(status().isUnauthorized());
    }

    private static MockMultipartHttpServletRequestBuilder upload(byte[] content, boolean commit) {
        return multipart("/api/v1/curriculum/topics/imports")
                .file(new MockMultipartFile("file", "t.xlsx", "application/octet-stream", content))
                .param("commit", String.valueOf(commit));
    }

    @Test
    void onlySystemAdminsAndSoOfficersMayImport() throws Exception {
        String code = "AUTH-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = TopicWorkbooks.xlsx(List.of(List.of("GDCD", 8, code, "Chủ đề " + code, 1, "YC1", "Yêu cầu " + code)));
        for (Role role : Role.values()) {
            for (boolean commit : new boolean[] {false, true}) {
                var expected = IMPORTERS.contains(role) ? status().isOk() : status().isForbidden();
                mvc.perform(upload(file, commit).header("Authorization", school.bearer(role))).andExpect(expected);
            }
        }
        // Without a bearer token the API also wants a CSRF token (browser sessions); with one, no sign-in still answers 401.
        mvc.perform(upload(file, false).with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(upload(file, true).with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(upload(file, true).header("Authorization", "Bearer ts_forged")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRefusedImportChangesNothing() throws Exception {
        String code = "AUTH-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = TopicWorkbooks.xlsx(List.of(List.of("GDCD", 9, code, "Chủ đề " + code, 1, "YC1", "Yêu cầu " + code)));
        for (Role role : EnumSet.complementOf(IMPORTERS)) {
            mvc.perform(upload(file, true).header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
        }
        org.assertj.core.api.Assertions.assertThat(
                jdbc.sql("SELECT count(*) FROM topic WHERE code = ?").param(code).query(Long.class).single()).isZero();
    }
}
