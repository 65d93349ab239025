package vn.truongso.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** A user signing in with a temporary password goes straight to choosing her own. */
class TemporaryPasswordAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    TemporaryPasswordAwareSuccessHandler() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getDetails() instanceof PasswordAuthenticationProvider.SignInDetails details && details.mustChangePassword()) {
            request.getSession().setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, "/account/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    static final String MUST_CHANGE_PASSWORD = "truongso.mustChangePassword";
}
