package vn.truongso.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.platform.CurrentUser;

/** Reads an account with what sign-in needs: its hash, lock state and role grants. */
@Component
class AccountLoader {

    record StoredAccount(CurrentUser user, String passwordHash, boolean enabled, Instant lockedUntil, int failedAttempts,
            boolean mustChangePassword) {
    }

    private final JdbcClient jdbc;

    AccountLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccount> byUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(a.username) = lower(?)").param(username).query(this::map).optional();
    }

    Optional<StoredAccount> byApiToken(String tokenHash) {
        return jdbc.sql(SELECT + " " + """
                 JOIN api_token t ON t.user_id = a.id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now()""").param(tokenHash).query(this::map).optional();
    }

    private static final String SELECT = """
            SELECT a.id, a.username, a.display_name, a.home_org_id, a.person_id, a.locale, a.password_hash, a.enabled,
                   a.locked_until, a.failed_attempts, a.must_change_password,
                   (SELECT coalesce(string_agg(role || ':' || org_unit_id, ','), '') FROM role_grant g WHERE g.user_id = a.id) AS grants
            FROM user_account a""";

    private StoredAccount map(ResultSet rs, int row) throws SQLException {
        var user = new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("home_org_id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("locale"),
                JdbcAccounts.parseGrants(rs.getString("grants")));
        var locked = rs.getTimestamp("locked_until");
        return new StoredAccount(user, rs.getString("password_hash"), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
                rs.getInt("failed_attempts"), rs.getBoolean("must_change_password"));
    }
}
