package vn.truongso.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

@Service
class JdbcAccounts implements Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: temporary passwords are read aloud or copied from paper. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";


    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AccessPolicy access;

    JdbcAccounts(JdbcClient jdbc, JdbcTemplate batch, PasswordEncoder passwords, AuditLog audit, AccessPolicy access) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.passwords = passwords;
        this.audit = audit;
        this.access = access;
    }

    @Override
    @Transactional
    public UUID create(NewAccount account, String initialPassword, boolean mustChangePassword) {
        if (usernameTaken(account.username())) {
            throw new BadInputException(InputError.field("username", "account.usernameTaken", account.username()));
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO user_account (id, username, password_hash, display_name, home_org_id, person_id, must_change_password,
                                          password_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())""")
                .params(id, account.username(), passwords.encode(initialPassword), account.displayName(), account.homeOrgId(),
                        account.personId(), mustChangePassword)
                .update();
        for (RoleGrant grant : account.grants()) {
            jdbc.sql("INSERT INTO role_grant (user_id, role, org_unit_id) VALUES (?, ?, ?)")
                    .params(id, grant.role().name(), grant.orgUnitId()).update();
        }
        audit.record("account.created", account.homeOrgId(), "account", id.toString(),
                Map.of("username", account.username(), "roles", account.grants().stream().map(g -> g.role().name()).toList()));
        return id;
    }

    @Override
    @Transactional
    public String createWithTemporaryPassword(NewAccount account) {
        String temporary = temporaryPassword();
        create(account, temporary, true);
        return temporary;
    }

    @Override
    @Transactional
    public List<IssuedAccount> createWithTemporaryPasswords(List<NewAccount> accounts) {
        List<String> temporary = accounts.stream().map(a -> temporaryPassword()).toList();
        List<String> hashes = temporary.parallelStream().map(SecurityConfiguration::hashRandomTemporaryPassword).toList();
        List<UUID> ids = insertAll(accounts, hashes, true);
        List<IssuedAccount> issued = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            issued.add(new IssuedAccount(ids.get(i), accounts.get(i).username(), temporary.get(i)));
        }
        return issued;
    }

    @Override
    @Transactional
    public List<UUID> createAll(List<NewAccount> accounts, String sharedInitialPassword, boolean mustChangePassword) {
        String hash = passwords.encode(sharedInitialPassword);
        return insertAll(accounts, accounts.stream().map(a -> hash).toList(), mustChangePassword);
    }

    /**
     * Batch-inserts accounts with their hashes and grants, and writes one audit entry per org unit. The unique index on
     * lower(username) refuses a taken name, failing the whole batch with the caller's transaction.
     */
    private List<UUID> insertAll(List<NewAccount> accounts, List<String> hashes, boolean mustChangePassword) {
        List<UUID> ids = accounts.stream().map(a -> Ids.newId()).toList();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> grants = new ArrayList<>();
        Map<UUID, List<Map<String, Object>>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount account = accounts.get(i);
            rows.add(new Object[] {ids.get(i), account.username(), hashes.get(i), account.displayName(), account.homeOrgId(), account.personId(),
                    mustChangePassword});
            for (RoleGrant grant : account.grants()) {
                grants.add(new Object[] {ids.get(i), grant.role().name(), grant.orgUnitId()});
            }
            byUnit.computeIfAbsent(account.homeOrgId(), k -> new ArrayList<>()).add(Map.of("id", ids.get(i).toString(),
                    "username", account.username(), "roles", account.grants().stream().map(g -> g.role().name()).toList()));
        }
        batch.batchUpdate("""
                INSERT INTO user_account (id, username, password_hash, display_name, home_org_id, person_id, must_change_password,
                                          password_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())""", rows);
        batch.batchUpdate("INSERT INTO role_grant (user_id, role, org_unit_id) VALUES (?, ?, ?)", grants);
        byUnit.forEach((unit, created) -> audit.record("accounts.created", unit, "account", null, Map.of("accounts", created)));
        return ids;
    }

    @Override
    public Optional<AccountSummary> findByUsername(String username) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE lower(username) = lower(?)").param(username).query(this::summary).optional();
    }

    @Override
    public Optional<AccountSummary> find(UUID accountId) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE id = ?").param(accountId).query(this::summary).optional();
    }

    @Override
    public List<AccountSummary> ofOrgUnit(UUID orgUnitId) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE home_org_id = ? ORDER BY username").param(orgUnitId).query(this::summary).list();
    }

    @Override
    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = lower(?)").param(username).query(Long.class).single() > 0;
    }

    @Override
    public Set<String> takenUsernames(Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        String[] lowered = candidates.stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return Set.copyOf(jdbc.sql("SELECT lower(username) FROM user_account WHERE lower(username) = ANY(?)").param(lowered)
                .query(String.class).list());
    }

    @Override
    @Transactional
    public void changePassword(CurrentUser user, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE id = ?").param(user.id()).query(String.class).single();
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, hash)) {
            throw new BadInputException(InputError.field("currentPassword", "password.currentWrong"));
        }
        var problems = PasswordPolicy.check(user.username(), newPassword);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        jdbc.sql("UPDATE user_account SET password_hash = ?, must_change_password = false, password_changed_at = now() WHERE id = ?")
                .params(passwords.encode(newPassword), user.id()).update();
        audit.record("account.password-changed", user.homeOrgId(), "account", user.id().toString(), Map.of());
    }

    @Override
    @Transactional
    public String resetPassword(CurrentUser actor, UUID accountId) {
        AccountSummary target = find(accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
        access.require(actor, target.homeOrgId(), Capability.MANAGE_ACCOUNTS);
        boolean targetOutranksActor = target.grants().stream().anyMatch(g -> g.role().isOfficer())
                && !actor.holds(Role.SYSTEM_ADMIN);
        if (targetOutranksActor) {
            throw new vn.truongso.platform.ForbiddenException("cannot reset an officer's password");
        }
        String temporary = temporaryPassword();
        jdbc.sql("""
                UPDATE user_account SET password_hash = ?, must_change_password = true, failed_attempts = 0, locked_until = NULL,
                       password_changed_at = now() WHERE id = ?""")
                .params(passwords.encode(temporary), accountId).update();
        audit.record("account.password-reset", target.homeOrgId(), "account", accountId.toString(), Map.of("username", target.username()));
        return temporary;
    }

    @Override
    @Transactional
    public String issueApiToken(CurrentUser user, String name, int validDays) {
        if (name == null || name.isBlank()) {
            throw new BadInputException(InputError.field("name", "token.nameRequired"));
        }
        if (validDays < 1 || validDays > 730) {
            throw new BadInputException(InputError.field("validDays", "token.validDaysRange", 1, 730));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "ts_" + HexFormat.of().formatHex(secret);
        UUID id = Ids.newId();
        jdbc.sql("INSERT INTO api_token (id, user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, now(), ?)")
                .params(id, user.id(), name.strip(), sha256(token), java.sql.Timestamp.from(Instant.now().plus(validDays, ChronoUnit.DAYS)))
                .update();
        audit.record("api-token.issued", user.homeOrgId(), "api-token", id.toString(), Map.of("name", name.strip(), "validDays", validDays));
        return token;
    }

    @Override
    public List<ApiTokenSummary> apiTokens(CurrentUser user) {
        return jdbc.sql("""
                SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_token
                WHERE user_id = ? ORDER BY created_at DESC, id DESC""").param(user.id()).query(ApiTokenSummary.class).list();
    }

    @Override
    @Transactional
    public void revokeApiToken(CurrentUser user, UUID tokenId) {
        String name = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND user_id = ? AND revoked_at IS NULL RETURNING name")
                .params(tokenId, user.id()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("api token " + tokenId));
        audit.record("api-token.revoked", user.homeOrgId(), "api-token", tokenId.toString(), Map.of("name", name));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String temporaryPassword() {
        StringBuilder out = new StringBuilder();
        while (out.length() < 12) {
            out.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        // Guarantee a digit so the temporary password itself satisfies the policy.
        out.setCharAt(RANDOM.nextInt(12), (char) ('2' + RANDOM.nextInt(8)));
        return out.toString();
    }

    private static final String SELECT_SUMMARY = """
            SELECT id, username, display_name, home_org_id, person_id, enabled,
                   (locked_until IS NOT NULL AND locked_until > now()) AS locked,
                   (SELECT coalesce(string_agg(role || ':' || org_unit_id, ','), '') FROM role_grant g WHERE g.user_id = a.id) AS grants
            FROM user_account a""";

    private AccountSummary summary(ResultSet rs, int row) throws SQLException {
        return new AccountSummary(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("home_org_id", UUID.class), rs.getObject("person_id", UUID.class), rs.getBoolean("locked"),
                rs.getBoolean("enabled"), parseGrants(rs.getString("grants")));
    }

    static List<RoleGrant> parseGrants(String packed) {
        if (packed == null || packed.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(packed.split(",")).map(p -> {
            int colon = p.indexOf(':');
            return new RoleGrant(Role.valueOf(p.substring(0, colon)), UUID.fromString(p.substring(colon + 1)));
        }).toList();
    }
}
