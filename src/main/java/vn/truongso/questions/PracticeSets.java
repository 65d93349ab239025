package vn.truongso.questions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Practice sets (bộ ôn tập) as another module runs them: the testing engine, once it exists, may take over how a
 * student takes a set. It reads the set (its questions in order, the classes it is assigned to and its dates) and
 * records each answer's points here, so students' best and last results stay in one place.
 */
public interface PracticeSets {

    record PracticeSet(UUID schoolId, UUID id, String title, LocalDate publishOn, LocalDate dueOn, List<UUID> questionIds,
            List<UUID> classIds) {
        public PracticeSet {
            questionIds = List.copyOf(questionIds);
            classIds = List.copyOf(classIds);
        }
    }

    /** The school's set; empty when it is not the school's. */
    Optional<PracticeSet> find(UUID schoolId, UUID setId);

    /** Records a student's points for one question of the set, keeping the last and the best. */
    void recordResult(UUID schoolId, UUID setId, UUID studentId, UUID questionId, BigDecimal points);
}
