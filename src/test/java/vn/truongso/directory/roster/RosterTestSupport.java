package vn.truongso.directory.roster;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** Calls of the roster API and looks into the database shared by the roster tests. */
abstract class RosterTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    RosterImports imports;

    static String base(TestSchool school) {
        return "/api/v1/schools/" + school.schoolId();
    }

    JsonNode preview(TestSchool school, byte[] file) throws Exception {
        return preview(school, Role.PRINCIPAL, file, "danh-sach.xlsx");
    }

    JsonNode preview(TestSchool school, Role role, byte[] file, String filename) throws Exception {
        var response = mvc.perform(multipart(base(school) + "/roster/imports")
                        .file(new MockMultipartFile("file", filename, RosterApi.XLSX.toString(), file))
                        .header("Authorization", school.bearer(role)))
                .andExpect(status().isOk()).andReturn().getResponse();
        return json.readTree(response.getContentAsByteArray());
    }

    JsonNode commit(TestSchool school, String uploadId) throws Exception {
        var response = mvc.perform(post(base(school) + "/roster/imports/" + uploadId + "/commit")
                .header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isOk()).andReturn().getResponse();
        return json.readTree(response.getContentAsByteArray());
    }

    JsonNode getJson(TestSchool school, String path) throws Exception {
        var response = mvc.perform(get(base(school) + path).header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse();
        return json.readTree(response.getContentAsByteArray());
    }

    byte[] download(TestSchool school, String path) throws Exception {
        return mvc.perform(get(base(school) + path).header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** The service-level preview, bypassing HTTP (for inputs multipart cannot carry cheaply). */
    RosterPreview previewDirect(TestSchool school, byte[] file) {
        return imports.preview(user(school, Role.PRINCIPAL), school.schoolId(), "x.xlsx", new ByteArrayInputStream(file));
    }

    CurrentUser user(TestSchool school, Role role) {
        return user(school.accountIds().get(role));
    }

    CurrentUser user(UUID accountId) {
        var summary = accounts.find(accountId).orElseThrow();
        return new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
    }

    /** A fingerprint of everything a roster import may change in a school, to prove that nothing did. */
    String directoryState(TestSchool school) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM staff WHERE school_id = :s) || '/' || (SELECT count(*) FROM student WHERE school_id = :s) || '/'
                    || (SELECT count(*) FROM school_class WHERE school_id = :s) || '/' || (SELECT count(*) FROM guardian WHERE school_id = :s)
                    || '/' || (SELECT count(*) FROM enrolment WHERE school_id = :s) || '/'
                    || (SELECT count(*) FROM teaching_assignment WHERE school_id = :s) || '/'
                    || (SELECT count(*) FROM subject_group WHERE school_id = :s) || '/'
                    || (SELECT count(*) FROM user_account WHERE home_org_id = :s) || '/'
                    || (SELECT count(*) FROM roster_upload WHERE school_id = :s)
                    || '/' || coalesce((SELECT string_agg(full_name || homeroom, ',' ORDER BY full_name) FROM (SELECT s.full_name,
                        coalesce(c.homeroom_staff_id::text, '') AS homeroom FROM staff s LEFT JOIN school_class c ON c.school_id = s.school_id
                        AND c.homeroom_staff_id = s.id WHERE s.school_id = :s) x), '')""").param("s", school.schoolId()).query(String.class).single();
    }
}
