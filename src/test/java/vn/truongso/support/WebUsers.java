package vn.truongso.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.TestSchools.TestSchool;

/** Signed-in users for page tests: a {@link CurrentUser} built from a test school's account, or a real form sign-in. */
public final class WebUsers {

    private WebUsers() {
    }

    public static CurrentUser user(Accounts accounts, UUID accountId) {
        var summary = accounts.find(accountId).orElseThrow();
        return new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
    }

    public static CurrentUser user(Accounts accounts, TestSchool school, Role role) {
        return user(accounts, school.accountIds().get(role));
    }

    /** The request is made by this user, as if she had signed in. */
    public static RequestPostProcessor as(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    /**
     * Signs in through the real sign-in form and returns what carries the session to the next requests: the session
     * cookie when sessions live in the database, the mock session otherwise.
     */
    public static RequestPostProcessor signIn(MockMvc mvc, String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        return session(result);
    }

    /** The session a response started (after a sign-in), for the following requests. */
    public static RequestPostProcessor session(org.springframework.test.web.servlet.MvcResult result) {
        // Spring Session's cookie: TRUONGSO_SESSION on a real server, SESSION under MockMvc (no servlet container to configure).
        Cookie cookie = java.util.Arrays.stream(result.getResponse().getCookies()).filter(c -> c.getName().endsWith("SESSION"))
                .findFirst().orElse(null);
        if (cookie != null) {
            return request -> {
                request.setCookies(cookie);
                return request;
            };
        }
        var session = (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
        if (session == null || session.getAttribute("SPRING_SECURITY_CONTEXT") == null) {
            throw new AssertionError("no signed-in session: " + result.getResponse().getRedirectedUrl());
        }
        return request -> {
            request.setSession(session);
            return request;
        };
    }
}
