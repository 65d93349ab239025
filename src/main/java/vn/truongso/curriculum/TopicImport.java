package vn.truongso.curriculum;

import java.util.List;

import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;

/**
 * Imports topics and required outcomes from an .xlsx workbook laid out like {@link #template()}: one row per outcome,
 * the topic columns repeated on each of its rows. A file is applied entirely or not at all; topics are matched by
 * subject + grade + topic code and outcomes by topic + outcome code, so importing the same file twice changes nothing.
 */
public interface TopicImport {

    /** The blank template workbook (.xlsx) with instructions and the subject codes per grade. */
    byte[] template();

    /**
     * Parses and checks a file without changing anything (the preview). Requires {@code Capability.MANAGE_REFERENCE_DATA}
     * like {@link #apply}; never throws for bad content: the errors are in the result.
     */
    Result check(CurrentUser user, byte[] content);

    /**
     * Checks and applies a file in one transaction. Requires {@code Capability.MANAGE_REFERENCE_DATA} (ForbiddenException
     * otherwise); throws {@code BadInputException} with every error, located by sheet, row and column, when the file
     * is not valid, and then nothing is changed.
     */
    Result apply(CurrentUser user, byte[] content);

    /** True when the user's roles allow importing (system admin, Sở officer). */
    boolean mayImport(CurrentUser user);

    /**
     * What a file holds: data rows read, distinct topics and outcomes, how many of them are new or already exist
     * (and would be, or were, updated), and every error found.
     */
    record Result(int rows, int topics, int outcomes, int newTopics, int existingTopics, int newOutcomes, int existingOutcomes,
            List<InputError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
