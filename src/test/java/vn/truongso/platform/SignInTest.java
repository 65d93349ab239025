package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;

@IntegrationTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCorrectPasswordSignsInAndIsAudited() throws Exception {
        var school = testSchools.create();
        String username = school.usernames().get(Role.TEACHER);
        var result = mvc.perform(formLogin("/login").user(username).password(TestSchools.PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        String cookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).contains("TRUONGSO_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(auditCount(username, "sign-in")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        var school = testSchools.create();
        String username = school.usernames().get(Role.TEACHER);
        mvc.perform(formLogin("/login").user(username).password("wrong-password-1")).andExpect(redirectedUrl("/login?error"));
        assertThat(auditCount(username, "sign-in-failed")).isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        var school = testSchools.create();
        String username = school.usernames().get(Role.STUDENT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password(TestSchools.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
        Boolean locked = jdbc.sql("SELECT locked_until > now() FROM user_account WHERE username = ?").param(username).query(Boolean.class).single();
        assertThat(locked).isTrue();
    }

    @Test
    void aResetUnlocksTheAccountWithATemporaryPasswordThatMustBeChanged() throws Exception {
        var school = testSchools.create();
        String username = school.usernames().get(Role.TEACHER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(username).password("guess-" + i));
        }
        String body = mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/accounts/" + school.accountIds().get(Role.TEACHER)
                        + "/password-reset").header("Authorization", school.bearer(Role.IT_STAFF)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String temporary = body.replaceAll(".*\"temporaryPassword\":\"([^\"]+)\".*", "$1");
        mvc.perform(formLogin("/login").user(username).password(temporary)).andExpect(redirectedUrl("/account/password"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'account.password-reset' AND subject_id = ?")
                .param(school.accountIds().get(Role.TEACHER).toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void passwordResetIsForTheSchoolsItStaffAndPrincipalOnly() throws Exception {
        var school = testSchools.create();
        var other = testSchools.create();
        String url = "/api/v1/schools/" + school.schoolId() + "/accounts/" + school.accountIds().get(Role.STUDENT) + "/password-reset";
        for (Role role : new Role[] {Role.TEACHER, Role.GROUP_HEAD, Role.VICE_PRINCIPAL, Role.STUDENT, Role.PARENT, Role.PHONG_OFFICER}) {
            mvc.perform(post(url).header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post(url).header("Authorization", other.bearer(Role.IT_STAFF))).andExpect(status().isNotFound());
        mvc.perform(post(url).header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isOk());
        // An account of another school cannot be reached through this school's path either.
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/accounts/" + other.accountIds().get(Role.STUDENT) + "/password-reset")
                .header("Authorization", school.bearer(Role.IT_STAFF))).andExpect(status().isNotFound());
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        var school = testSchools.create();
        mvc.perform(post("/login").param("username", school.usernames().get(Role.TEACHER)).param("password", TestSchools.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void anApiTokenIdentifiesItsUserAndAForgedOneIsRefused() throws Exception {
        var school = testSchools.create();
        mvc.perform(get("/api/v1/me").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(school.usernames().get(Role.PRINCIPAL)))
                .andExpect(jsonPath("$.schools[0].id").value(school.schoolId().toString()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ts_0000")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Mã truy cập")));
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE user_id = ?").param(school.accountIds().get(Role.PRINCIPAL)).update();
        mvc.perform(get("/api/v1/me").header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isUnauthorized());
    }

    @Test
    void aUserChangesHerPasswordOnlyByProvingTheCurrentOneAndMeetingThePolicy() throws Exception {
        var school = testSchools.create();
        String bearer = school.bearer(Role.TEACHER);
        mvc.perform(post("/api/v1/me/password").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"nope\",\"newPassword\":\"Another-password-9\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].location.field").value("currentPassword"));
        mvc.perform(post("/api/v1/me/password").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TestSchools.PASSWORD + "\",\"newPassword\":\"short1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("ít nhất")))
                .andExpect(jsonPath("$.errors[0].messageEn").value(org.hamcrest.Matchers.containsString("at least")));
        mvc.perform(post("/api/v1/me/password").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + TestSchools.PASSWORD + "\",\"newPassword\":\"Another-password-9\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(formLogin("/login").user(school.usernames().get(Role.TEACHER)).password("Another-password-9")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theApiSessionCannotBeUsedForWritesWithoutCsrfButTokensNeedNone() throws Exception {
        var school = testSchools.create();
        mvc.perform(post("/api/v1/me/tokens").header("Authorization", school.bearer(Role.IT_STAFF)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"SMAS sync\",\"validDays\":90}")).andExpect(status().isCreated()).andExpect(jsonPath("$.token").exists());
        // The same call riding on a browser session must carry the session's CSRF token.
        var session = mvc.perform(formLogin("/login").user(school.usernames().get(Role.IT_STAFF)).password(TestSchools.PASSWORD))
                .andReturn().getResponse().getCookie("TRUONGSO_SESSION");
        assertThat(session).isNotNull();
        mvc.perform(post("/api/v1/me/tokens").cookie(session).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/tokens").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}")).andExpect(status().isCreated());
    }

    @Test
    void securityHeadersAreSent() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
    }

    private long auditCount(String actorName, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_name = ? AND action = ?").params(actorName, action).query(Long.class).single();
    }
}
