package vn.truongso.platform.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password, counting failures: after {@code maxFailures} in a row the account locks for
 * {@code lockDuration}. Unknown names cost the same hashing time as known ones, so timing does not reveal accounts.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final AccountLoader accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final String dummyHash;

    PasswordAuthenticationProvider(AccountLoader accounts, PasswordEncoder passwords, JdbcClient jdbc, SignInProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.properties = properties;
        this.dummyHash = passwords.encode("not-a-real-password-0");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        var found = accounts.byUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException("bad credentials");
        }
        var account = found.get();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(Instant.now())) {
            throw new LockedException("locked until " + account.lockedUntil());
        }
        if (!account.enabled()) {
            throw new DisabledException("disabled");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            recordFailure(account);
            throw new BadCredentialsException("bad credentials");
        }
        if (account.failedAttempts() > 0 || account.lockedUntil() != null) {
            jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(account.user().id()).update();
        }
        var result = UsernamePasswordAuthenticationToken.authenticated(account.user(), null, account.user().getAuthorities());
        result.setDetails(new SignInDetails(account.mustChangePassword()));
        return result;
    }

    private void recordFailure(AccountLoader.StoredAccount account) {
        // One statement, so two failures racing on two instances still both count.
        jdbc.sql("""
                UPDATE user_account
                   SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
                       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                 WHERE id = ?""")
                .params(properties.maxFailures(), properties.maxFailures(),
                        Timestamp.from(Instant.now().plus(properties.lockDuration())), account.user().id())
                .update();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Kept with the authentication so the success handler can send the user to change a temporary password. */
    record SignInDetails(boolean mustChangePassword) implements java.io.Serializable {
    }
}
