package vn.truongso.directory.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.truongso.platform.Role;

/**
 * What a committed upload did.
 *
 * @param sheets per sheet, how many rows created, changed or left records unchanged
 * @param subjectGroupsCreated tổ chuyên môn created because a staff row named a new one
 * @param guardiansCreated parents and guardians created (a parent already known by phone number is reused)
 * @param credentials the accounts created, with their temporary passwords; shown once to the committer
 * @param credentialsAvailableUntil until when the committer may download the credentials once as a workbook
 *                                  ({@link RosterImports#credentialsWorkbook}); null when no account was created
 */
public record RosterCommitResult(UUID uploadId, Instant committedAt, List<RosterPreview.SheetCounts> sheets, int subjectGroupsCreated,
        int guardiansCreated, List<Credential> credentials, Instant credentialsAvailableUntil) {

    public RosterCommitResult {
        sheets = List.copyOf(sheets);
        credentials = List.copyOf(credentials);
    }

    public int accountsCreated() {
        return credentials.size();
    }

    /**
     * A new account: the user signs in with the username and the temporary password and must choose her own password
     * at once.
     *
     * @param roleLabel the role in Vietnamese, e.g. "Giáo viên", "Học sinh", "Phụ huynh"
     * @param note what helps hand the credentials out: the student's class, or the children of a parent
     */
    public record Credential(String username, String displayName, Role role, String roleLabel, String note, String temporaryPassword) {

        /** Never prints the password, so a credential that reaches a log reveals nothing. */
        @Override
        public String toString() {
            return "Credential[" + username + ", " + role + "]";
        }
    }
}
