package vn.truongso.platform.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.truongso.platform.CurrentUser;

/** Every sign-in, successful or not, goes to the audit log. */
@Component
class SignInAuditor {

    private final JdbcAuditLog auditLog;

    SignInAuditor(JdbcAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            String method = event.getAuthentication().getClass().getSimpleName().contains("Token") ? "api-token" : "password";
            auditLog.recordAs(user.id(), user.username(), "sign-in", user.homeOrgId(), Map.of("method", method));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        auditLog.recordAs(null, String.valueOf(event.getAuthentication().getName()), "sign-in-failed", null,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
