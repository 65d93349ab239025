package vn.truongso.platform;

import java.util.List;
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

    /** The user changes her own password, proving she knows the current one. */
    void changePassword(CurrentUser user, String currentPassword, String newPassword);

    /**
     * IT staff or the principal set a new temporary password for an account of their school; returns it. The
     * account is unlocked and must choose its own password at next sign-in.
     */
    String resetPassword(CurrentUser actor, UUID accountId);

    /** Creates an integration token for the user; the plain token is returned once and only its hash is kept. */
    String issueApiToken(CurrentUser user, String name, int validDays);
}
