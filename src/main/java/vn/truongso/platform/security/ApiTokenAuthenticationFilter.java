package vn.truongso.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.truongso.platform.CurrentUser;

/**
 * {@code Authorization: Bearer ts_…} for integrations. Only the SHA-256 of a token is stored; a request with an
 * unknown, expired or revoked token answers 401 and never falls back to a session.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccountLoader accounts;
    private final JdbcClient jdbc;
    private final ApiErrorWriter errors;

    ApiTokenAuthenticationFilter(AccountLoader accounts, JdbcClient jdbc, ApiErrorWriter errors) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String hash = JdbcAccounts.sha256(header.substring(7).strip());
        var account = accounts.byApiToken(hash).filter(a -> a.enabled());
        if (account.isEmpty()) {
            errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.tokenInvalid");
            return;
        }
        jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                .param(hash).update();
        var authentication = new ApiTokenAuthentication(account.get().user());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

        private final CurrentUser user;

        ApiTokenAuthentication(CurrentUser user) {
            super(user.getAuthorities());
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }
}
