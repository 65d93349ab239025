package vn.truongso.platform.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.RoleGrant;

/** The signed-in user, her password and API tokens; accounts of a school for its IT staff; the audit log. */
@RestController
@Tag(name = "Accounts", description = "Sign-in identity, passwords, API tokens, audit log")
class AccountApi {

    private final Accounts accounts;
    private final OrgUnits orgUnits;
    private final AccessPolicy access;
    private final JdbcClient jdbc;

    AccountApi(Accounts accounts, OrgUnits orgUnits, AccessPolicy access, JdbcClient jdbc) {
        this.accounts = accounts;
        this.orgUnits = orgUnits;
        this.access = access;
        this.jdbc = jdbc;
    }

    record Me(UUID id, String username, String displayName, UUID homeOrgId, UUID personId, List<RoleGrant> grants,
            List<OrgUnits.OrgUnit> schools) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who is signed in, with her role grants and the schools they reach")
    Me me(CurrentUser user) {
        var schools = user.grants().stream().map(RoleGrant::orgUnitId).distinct()
                .flatMap(unit -> orgUnits.schoolsUnder(unit).stream()).distinct().toList();
        return new Me(user.id(), user.username(), user.displayName(), user.homeOrgId(), user.personId(), user.grants(), schools);
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(CurrentUser user, @RequestBody PasswordChange change) {
        accounts.changePassword(user, change.currentPassword(), change.newPassword());
    }

    record TokenRequest(String name, Integer validDays) {
    }

    @PostMapping("/api/v1/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token for integrations; it is shown once, send it as 'Authorization: Bearer …'")
    Map<String, String> issueToken(CurrentUser user, @RequestBody TokenRequest request) {
        return Map.of("token", accounts.issueApiToken(user, request.name(), request.validDays() == null ? 365 : request.validDays()));
    }

    @GetMapping("/api/v1/schools/{schoolId}/accounts")
    List<Accounts.AccountSummary> schoolAccounts(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.MANAGE_ACCOUNTS);
        return accounts.ofOrgUnit(schoolId);
    }

    @PostMapping("/api/v1/schools/{schoolId}/accounts/{accountId}/password-reset")
    @Operation(summary = "Set a temporary password (IT staff or principal); the user must change it at next sign-in")
    Map<String, String> resetPassword(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID accountId) {
        access.require(user, schoolId, Capability.MANAGE_ACCOUNTS);
        var target = accounts.find(accountId).filter(a -> schoolId.equals(a.homeOrgId()))
                .orElseThrow(() -> new NotFoundException("account " + accountId));
        return Map.of("username", target.username(), "temporaryPassword", accounts.resetPassword(user, accountId));
    }

    record AuditEntry(long id, java.time.OffsetDateTime occurredAt, String actorName, String action, String subjectType, String subjectId,
            String detail) {
    }

    @GetMapping("/api/v1/schools/{schoolId}/audit")
    @Operation(summary = "The school's audit log, newest first")
    List<AuditEntry> audit(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(defaultValue = "100") int limit) {
        access.require(user, schoolId, Capability.VIEW_AUDIT);
        return jdbc.sql("""
                SELECT id, occurred_at, actor_name, action, subject_type, subject_id, detail::text AS detail
                FROM audit_event WHERE org_unit_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?""")
                .params(schoolId, Math.clamp(limit, 1, 1000)).query(AuditEntry.class).list();
    }
}
