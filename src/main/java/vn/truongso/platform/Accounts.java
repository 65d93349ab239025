package vn.truongso.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Collection;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * Local accounts. Other modules create accounts for the people they own (a roster import creates accounts for
 * teachers, students and parents); the school's IT staff reset passwords and unlock accounts.
 */
public interface Accounts {

    record NewAccount(String username, String displayName, UUID homeOrgId, UUID personId, List<RoleGrant> grants) {
    }

    record AccountSummary(UUID id, String username, String displayName, UUID homeOrgId, UUID personId, boolean locked,
            boolean enabled, List<RoleGrant> grants) {
    }

    /** Creates the account with the given initial password, which the user must change at first sign-in. */
    UUID create(NewAccount account, String initialPassword, boolean mustChangePassword);

    /** Creates the account with a generated temporary password, returned here once, to be changed at first sign-in. */
    String createWithTemporaryPassword(NewAccount account);

    /** An account created in bulk, with the temporary password it was given (returned this once, never stored in clear). */
    record IssuedAccount(UUID id, String username, String temporaryPassword) {

        @Override
        public String toString() {
            return "IssuedAccount[" + username + "]";
        }
    }

    /**
     * Creates many accounts at once (a roster import creates thousands), in the caller's transaction, each with a fresh
     * random temporary password that must be changed at first sign-in; the usernames must be free. Random passwords of
     * about 70 bits are safe with a lower hashing cost than passwords people choose, which is what makes thousands of
     * accounts take seconds instead of minutes; the user's own password, set at first sign-in, gets the full cost.
     */
    List<IssuedAccount> createWithTemporaryPasswords(List<NewAccount> accounts);

    /**
     * Creates many accounts that share one known initial password, hashing it once for the whole batch (bcrypt costs
     * tens of milliseconds per hash). For seeding generated data such as benchmark schools; real people get their own
     * temporary passwords through {@link #create}. Refuses the whole batch when any user name is taken.
     */
    List<UUID> createAll(List<NewAccount> accounts, String sharedInitialPassword, boolean mustChangePassword);

    Optional<AccountSummary> findByUsername(String username);

    Optional<AccountSummary> find(UUID accountId);

    List<AccountSummary> ofOrgUnit(UUID orgUnitId);

    boolean usernameTaken(String username);

    /** Which of these user names are taken (case-insensitively), lower-cased; one query for a whole import. */
    Set<String> takenUsernames(Collection<String> candidates);

    /** The user changes her own password, proving she knows the current one. */
    void changePassword(CurrentUser user, String currentPassword, String newPassword);

    /**
     * IT staff or the principal set a new temporary password for an account of their school; returns it. The
     * account is unlocked and must choose its own password at next sign-in.
     */
    String resetPassword(CurrentUser actor, UUID accountId);

    /** Creates an integration token for the user; the plain token is returned once and only its hash is kept. */
    String issueApiToken(CurrentUser user, String name, int validDays);

    /** An API token as its owner sees it: never the token itself, only what identifies and dates it. */
    record ApiTokenSummary(UUID id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(OffsetDateTime.now());
        }
    }

    /** The user's own API tokens, newest first, revoked and expired ones included. */
    List<ApiTokenSummary> apiTokens(CurrentUser user);

    /** The user revokes one of her own tokens; it stops working at once. Someone else's token is not found. */
    void revokeApiToken(CurrentUser user, UUID tokenId);
}
