package vn.truongso.directory.roster;

import java.io.InputStream;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.truongso.platform.CurrentUser;

/**
 * Roster import and export as .xlsx: the one entry point for the JSON API and the web pages. Every method checks the
 * user's access to the school itself (404 outside her grants, 403 without the capability).
 */
@Service
public class RosterImports {

    /**
     * Reads and checks an uploaded roster against the school's current year and the directory, changing nothing in the
     * directory. An error-free file is stored so that {@link #commit} can apply it later on any instance; a file with
     * errors is not kept. Needs {@code MANAGE_DIRECTORY}.
     */
    public RosterPreview preview(CurrentUser user, UUID schoolId, String filename, InputStream content) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Applies a stored upload in one transaction: all or nothing. Re-checks the file against the directory as it is now
     * and throws {@link vn.truongso.platform.BadInputException} with every error when anything is wrong. An upload is
     * committed at most once. Needs {@code MANAGE_DIRECTORY}.
     */
    public RosterCommitResult commit(CurrentUser user, UUID schoolId, UUID uploadId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The empty four-sheet workbook with a "Hướng dẫn" sheet. The caller checks {@code VIEW_DIRECTORY}. */
    public byte[] template() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The whole school in the template's format; importing it again changes nothing. Needs {@code VIEW_DIRECTORY}. */
    public byte[] exportSchool(CurrentUser user, UUID schoolId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** One class list in Vietnamese name order, with the guardians' names and phones. Needs {@code VIEW_DIRECTORY}. */
    public byte[] exportClass(CurrentUser user, UUID schoolId, UUID classId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The accounts a commit created, with their temporary passwords, as a workbook: only for the user who committed,
     * only once and only within 24 hours of the commit; the passwords are erased from the server when downloaded.
     */
    public byte[] credentialsWorkbook(CurrentUser user, UUID schoolId, UUID uploadId) {
        throw new UnsupportedOperationException("not yet");
    }
}
