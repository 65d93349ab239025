package vn.truongso.questions;

import java.util.List;
import java.util.UUID;

/**
 * What other modules may read of the question banks: the banks of a school with their question counts. Test papers
 * and the testing engine will ask for more through this interface as they arrive.
 */
public interface QuestionBanks {

    /** A bank as other modules see it. */
    record BankSummary(UUID id, String name, String subjectCode, Integer grade, String status, long questionCount) {
    }

    List<BankSummary> banksOf(UUID schoolId);
}
