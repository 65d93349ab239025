package vn.truongso.questions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.truongso.questions.model.Question;

/**
 * What other modules may read of the question banks: the banks and practice sets of a school, and question
 * definitions for the testing engine (which snapshots them when a test session is created, so later edits to the bank
 * never change a running test).
 */
public interface QuestionBanks {

    /** A bank as other modules see it. */
    record BankSummary(UUID id, String name, String subjectCode, Integer grade, String status, long questionCount, String cognitiveScheme) {
    }

    List<BankSummary> banksOf(UUID schoolId);

    /** The ids of a bank's questions in use (archived ones left out) in bank order; empty when the bank is not the school's. */
    List<UUID> questionIds(UUID schoolId, UUID bankId);

    /** The definitions of the school's questions with these ids (ids of other schools or unknown ids are absent). */
    Map<UUID, Question> questions(UUID schoolId, Collection<UUID> ids);

    /** A practice set (bộ ôn tập) as other modules see it. */
    record PracticeSetSummary(UUID id, String title, int questionCount) {
    }

    /** The school's practice sets, newest first. */
    List<PracticeSetSummary> practiceSetsOf(UUID schoolId);

    /** The question ids of a practice set in its order; empty when the set is not the school's. */
    List<UUID> practiceSetQuestionIds(UUID schoolId, UUID setId);
}
