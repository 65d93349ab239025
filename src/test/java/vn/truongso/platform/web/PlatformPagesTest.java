package vn.truongso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.Capability;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * The platform's pages: sign-in (errors, lockout), the forced change of a temporary password, API tokens, a school's
 * accounts and audit log, with their authorisation (wrong role 403 page, other school 404 page, nobody → sign-in).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    TestSchool otherSchool;

    @BeforeAll
    void createSchools() {
        school = testSchools.create();
        otherSchool = testSchools.create();
    }

    // ---- authorisation ----------------------------------------------------------------------------------------------

    @Test
    void accountAndAuditPagesFollowTheirCapability() throws Exception {
        for (var page : List.of(new Object[] {"/accounts", Capability.MANAGE_ACCOUNTS}, new Object[] {"/audit", Capability.VIEW_AUDIT})) {
            String path = "/schools/" + school.schoolId() + page[0];
            Capability capability = (Capability) page[1];
            for (Role role : Role.values()) {
                var user = WebUsers.user(accounts, school, role);
                if (capability.grantedTo(role)) {
                    mvc.perform(get(path).with(as(user))).andExpect(status().isOk());
                } else {
                    mvc.perform(get(path).with(as(user))).andExpect(status().isForbidden())
                            .andExpect(content().string(containsString("id=\"error-403\"")));
                }
                mvc.perform(get(path).with(as(WebUsers.user(accounts, otherSchool, role)))).andExpect(status().isNotFound())
                        .andExpect(content().string(containsString("id=\"error-404\"")));
            }
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void passwordResetIsRefusedOutsideManageAccountsAndOutsideTheSchool() throws Exception {
        UUID teacher = school.accountIds().get(Role.TEACHER);
        String path = "/schools/" + school.schoolId() + "/accounts/" + teacher + "/reset";
        for (Role role : Role.values()) {
            if (!Capability.MANAGE_ACCOUNTS.grantedTo(role)) {
                mvc.perform(post(path).with(csrf()).with(as(WebUsers.user(accounts, school, role)))).andExpect(status().isForbidden());
            }
            mvc.perform(post(path).with(csrf()).with(as(WebUsers.user(accounts, otherSchool, role)))).andExpect(status().isNotFound());
        }
        // An account of another school through one's own school's address: not found.
        mvc.perform(post("/schools/" + school.schoolId() + "/accounts/" + otherSchool.accountIds().get(Role.TEACHER) + "/reset").with(csrf())
                .with(as(WebUsers.user(accounts, school, Role.IT_STAFF)))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        // None of the refused attempts changed the teacher's password.
        WebUsers.signIn(mvc, school.usernames().get(Role.TEACHER), TestSchools.PASSWORD);
    }

    @Test
    void ownAccountPagesAreForEveryoneSignedIn() throws Exception {
        for (Role role : Role.values()) {
            var user = WebUsers.user(accounts, school, role);
            mvc.perform(get("/account/password").with(as(user))).andExpect(status().isOk());
            mvc.perform(get("/account/tokens").with(as(user))).andExpect(status().isOk());
        }
        for (String path : List.of("/account/password", "/account/tokens")) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/account/tokens").param("name", "x").with(csrf())).andExpect(redirectedUrl("/login"));
    }

    // ---- sign-in ------------------------------------------------------------------------------------------------------

    @Test
    void signInPageShowsItsMessagesInVietnameseAndEnglish() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("Sai tên đăng nhập hoặc mật khẩu.")));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(containsString("liên hệ cán bộ CNTT của trường")));
        mvc.perform(get("/login").param("logout", "")).andExpect(content().string(containsString("Bạn đã đăng xuất.")));
        var english = mvc.perform(get("/login").param("error", "").param("lang", "en")).andExpect(content().string(containsString("Wrong user name or password.")))
                .andReturn();
        assertThat(english.getResponse().getCookie("TRUONGSO_LANG")).isNotNull();
    }

    @Test
    void wrongPasswordsLeadToTheErrorThenTheLockedMessage() throws Exception {
        String username = newAccount("khoa", false);
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user(username).password("wrong-password-1")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password("wrong-password-1")).andExpect(redirectedUrl("/login?error"));
        // Locked now: even the right password is refused with the locked message.
        mvc.perform(formLogin("/login").user(username).password(TestSchools.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
    }

    // ---- temporary password -------------------------------------------------------------------------------------------

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String username = newAccount("tam", true);
        var signIn = mvc.perform(formLogin("/login").user(username).password(TestSchools.PASSWORD))
                .andExpect(redirectedUrl("/account/password")).andReturn();
        var session = WebUsers.session(signIn);

        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/schools/" + school.schoolId() + "/classes").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/tokens").with(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/").header("HX-Request", "true").with(session)).andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/account/password"));
        // What is not a page is left alone: the API, static files, the sign-in page.
        mvc.perform(get("/api/v1/me").with(session)).andExpect(status().isOk());
        mvc.perform(get("/css/app.css").with(session)).andExpect(status().isOk());
        mvc.perform(get("/account/password").with(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"must-change\"")));

        // Mistakes are shown next to the fields, in Vietnamese, and change nothing.
        mvc.perform(post("/account/password").with(csrf()).with(session).param("currentPassword", TestSchools.PASSWORD)
                        .param("newPassword", "Abcdefgh123").param("confirmPassword", "Abcdefgh124"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hai lần nhập mật khẩu mới không khớp.")));
        mvc.perform(post("/account/password").with(csrf()).with(session).param("currentPassword", TestSchools.PASSWORD)
                        .param("newPassword", "short1").param("confirmPassword", "short1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Mật khẩu phải có ít nhất 10 ký tự.")));
        mvc.perform(post("/account/password").with(csrf()).with(session).param("currentPassword", "not-the-password")
                        .param("newPassword", "Abcdefgh123").param("confirmPassword", "Abcdefgh123"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
        mvc.perform(get("/").with(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").with(csrf()).with(session).param("currentPassword", TestSchools.PASSWORD)
                .param("newPassword", "Abcdefgh123").param("confirmPassword", "Abcdefgh123")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(session)).andExpect(status().isOk()).andExpect(content().string(containsString("Đã đổi mật khẩu.")));
        // The new password works, and it is not temporary any more.
        mvc.perform(formLogin("/login").user(username).password("Abcdefgh123")).andExpect(redirectedUrl("/"));
    }

    // ---- API tokens ---------------------------------------------------------------------------------------------------

    @Test
    void aTokenIsShownOnceListedAndCanBeRevoked() throws Exception {
        var user = WebUsers.user(accounts, school, Role.IT_STAFF);
        String page = mvc.perform(post("/account/tokens").with(csrf()).with(as(user)).param("name", "Sổ liên lạc điện tử").param("validDays", "30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"new-token\""))).andReturn().getResponse()
                .getContentAsString();
        Matcher token = Pattern.compile("ts_[0-9a-f]{64}").matcher(page);
        assertThat(token.find()).isTrue();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.group())).andExpect(status().isOk());

        String list = mvc.perform(get("/account/tokens").with(as(user))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sổ liên lạc điện tử")))
                .andExpect(content().string(not(containsString(token.group())))).andReturn().getResponse().getContentAsString();
        UUID tokenId = jdbc.sql("SELECT id FROM api_token WHERE user_id = ? AND name = ?").params(user.id(), "Sổ liên lạc điện tử")
                .query(UUID.class).single();
        assertThat(list).contains("/account/tokens/" + tokenId + "/revoke");

        // Someone else cannot revoke it.
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).with(as(WebUsers.user(accounts, school, Role.PRINCIPAL))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.group())).andExpect(status().isOk());

        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(csrf()).with(as(user))).andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.group())).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'api-token.revoked' AND subject_id = ?")
                .param(tokenId.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutANameIsRefusedNextToTheField() throws Exception {
        mvc.perform(post("/account/tokens").with(csrf()).with(as(WebUsers.user(accounts, school, Role.TEACHER))).param("name", " ")
                        .param("validDays", "30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Cần đặt tên cho mã truy cập")))
                .andExpect(content().string(not(containsString("id=\"new-token\""))));
    }

    // ---- a school's accounts and audit log ----------------------------------------------------------------------------

    @Test
    void itStaffResetAPasswordAndTheAuditLogShowsIt() throws Exception {
        var itStaff = WebUsers.user(accounts, school, Role.IT_STAFF);
        String username = newAccount("quen", false);
        UUID accountId = accounts.findByUsername(username).orElseThrow().id();
        mvc.perform(get("/schools/" + school.schoolId() + "/accounts").param("q", username).with(as(itStaff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(username)));

        String page = mvc.perform(post("/schools/" + school.schoolId() + "/accounts/" + accountId + "/reset").with(csrf()).with(as(itStaff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"reset-result\""))).andReturn().getResponse()
                .getContentAsString();
        Matcher temporary = Pattern.compile("id=\"temporary-password\">([A-Za-z0-9]{12})<").matcher(page);
        assertThat(temporary.find()).isTrue();
        mvc.perform(formLogin("/login").user(username).password(temporary.group(1))).andExpect(redirectedUrl("/account/password"));

        mvc.perform(get("/schools/" + school.schoolId() + "/audit").with(as(itStaff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đặt lại mật khẩu")))
                .andExpect(content().string(not(containsString(temporary.group(1)))));
    }

    private String newAccount(String prefix, boolean temporary) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.NewAccount(username, "Người dùng " + prefix, school.schoolId(), null,
                List.of(new RoleGrant(Role.TEACHER, school.schoolId()))), TestSchools.PASSWORD, temporary);
        return username;
    }
}
