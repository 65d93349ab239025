package vn.truongso.materials.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One appraiser's appraisal (phiếu thẩm định) of a version against the school's rubric: a verdict and a comment per
 * criterion, and an overall recommendation to approve or to return the version to its author.
 */
public record Appraisal(UUID id, UUID versionId, Level level, int round, Actor appraiser, Recommendation recommendation, String comment,
        List<CriterionVerdict> criteria, Instant at) {

    public enum Level { SCHOOL, DISTRICT, CITY }

    public enum Recommendation { APPROVE, RETURN }

    /** PASS (đạt), NEEDS_WORK (cần chỉnh sửa) or FAIL (không đạt) on one criterion, with the appraiser's comment. */
    public enum Verdict { PASS, NEEDS_WORK, FAIL }

    public record CriterionVerdict(String criterion, Verdict verdict, String comment) {
    }

    public Appraisal {
        criteria = List.copyOf(criteria);
    }
}
