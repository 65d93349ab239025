package vn.truongso.materials.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/** Checks an appraisal against a rubric, at the school, the Phòng or the Sở alike. */
final class Rubrics {

    private Rubrics() {
    }

    /**
     * A recommendation, a verdict on every criterion of the rubric and none other, a comment when returning; every
     * fault located in one {@link BadInputException}. Returns the verdicts in the rubric's order, comments cleaned.
     */
    static List<Appraisal.CriterionVerdict> check(List<String> rubric, Appraisal.Recommendation recommendation, String comment,
            List<Appraisal.CriterionVerdict> criteria) {
        List<InputError> errors = new ArrayList<>();
        if (recommendation == null) {
            errors.add(InputError.field("recommendation", "materials.error.required"));
        }
        Map<String, Appraisal.CriterionVerdict> byCriterion = new LinkedHashMap<>();
        for (Appraisal.CriterionVerdict verdict : criteria == null ? List.<Appraisal.CriterionVerdict>of() : criteria) {
            if (verdict == null || verdict.criterion() == null || !rubric.contains(verdict.criterion())) {
                errors.add(InputError.field("criteria", "materials.error.unknownCriterion", verdict == null ? "" : String.valueOf(verdict.criterion())));
            } else if (verdict.verdict() == null) {
                errors.add(InputError.field("criteria." + verdict.criterion(), "materials.error.required"));
            } else {
                String c = verdict.comment() == null || verdict.comment().isBlank() ? null : MaterialValidation.clean(verdict.comment());
                byCriterion.put(verdict.criterion(), new Appraisal.CriterionVerdict(verdict.criterion(), verdict.verdict(), c));
            }
        }
        for (String criterion : rubric) {
            if (!byCriterion.containsKey(criterion) && errors.stream().noneMatch(e -> ("criteria." + criterion).equals(e.column()))) {
                errors.add(InputError.field("criteria." + criterion, "materials.error.verdictMissing", criterion));
            }
        }
        if (recommendation == Appraisal.Recommendation.RETURN && (comment == null || comment.isBlank())) {
            errors.add(InputError.field("comment", "materials.error.returnNeedsComment"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return rubric.stream().map(byCriterion::get).toList();
    }
}
