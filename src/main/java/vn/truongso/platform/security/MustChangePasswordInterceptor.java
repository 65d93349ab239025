package vn.truongso.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * While a user signed in with a temporary password has not chosen her own, every page sends her to the password page.
 * The sign-in page, sign-out, static resources and the JSON API are left alone (the API is used with tokens, which are
 * never temporary).
 */
class MustChangePasswordInterceptor implements HandlerInterceptor {

    static final String PASSWORD_PAGE = "/account/password";

    /** The paths this interceptor must not touch; registered as exclusions. */
    static final String[] EXCLUDED = {PASSWORD_PAGE, "/login", "/logout", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
            "/img/**", "/favicon.ico", "/api/**", "/actuator/**", "/v3/api-docs/**"};

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        var session = request.getSession(false);
        if (session == null || session.getAttribute(TemporaryPasswordAwareSuccessHandler.MUST_CHANGE_PASSWORD) == null) {
            return true;
        }
        String target = request.getContextPath() + PASSWORD_PAGE;
        if ("true".equals(request.getHeader("HX-Request"))) {
            // htmx follows a redirect inside the page; ask it to load the password page as a whole instead.
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
        return false;
    }

    static void passwordChanged(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(TemporaryPasswordAwareSuccessHandler.MUST_CHANGE_PASSWORD);
        }
    }

    static boolean mustChange(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(TemporaryPasswordAwareSuccessHandler.MUST_CHANGE_PASSWORD) != null;
    }
}
