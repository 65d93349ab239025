package vn.truongso.materials.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;
import vn.truongso.materials.domain.Action;
import vn.truongso.materials.domain.Appraisal;
import vn.truongso.materials.domain.Material;
import vn.truongso.materials.domain.MaterialContent;
import vn.truongso.materials.domain.MaterialFiles;
import vn.truongso.materials.domain.MaterialRatings;
import vn.truongso.materials.domain.MaterialService;
import vn.truongso.materials.domain.MaterialVersion;
import vn.truongso.materials.domain.Materials;
import vn.truongso.materials.domain.UnitAppraisal;

/** The JSON shapes of the materials API. */
final class MaterialViews {

    private MaterialViews() {
    }

    /** What a client sends to create a material or change it. */
    record MaterialRequest(String title, String description, MaterialKind kind, String subjectCode, List<Integer> grades, List<UUID> topicIds,
            List<UUID> outcomeIds, List<String> competencies, String language, String licence, List<String> authors, String linkUrl,
            Integer rowVersion) {

        MaterialContent content() {
            return new MaterialContent(title, description, kind, subjectCode, grades, topicIds, outcomeIds, competencies, language, licence,
                    authors, linkUrl);
        }
    }

    /** A move of the workflow: a comment (the reason, where one is required) and, to start a council appraisal, its members. */
    record ActionRequest(String comment, List<UUID> council) {
    }

    record AppraisalRequest(Appraisal.Recommendation recommendation, String comment, List<Appraisal.CriterionVerdict> criteria) {
    }

    record RatingRequest(Integer stars, String comment) {
    }

    record VersionView(UUID id, int number, VersionStatus status, String title, String description, MaterialKind kind, String subjectCode,
            List<Integer> grades, List<UUID> topicIds, List<UUID> outcomeIds, List<String> competencies, String language, String licence,
            List<String> authors, String linkUrl, UUID createdBy, Instant createdAt, List<UUID> appraiserIds, List<Appraisal> appraisals,
            List<MaterialFiles.MaterialFile> files) {

        static VersionView of(MaterialVersion v, List<MaterialFiles.MaterialFile> files) {
            MaterialContent c = v.content();
            return new VersionView(v.id(), v.number(), v.status(), c.title(), c.description(), c.kind(), c.subjectCode(), c.grades(), c.topicIds(),
                    c.outcomeIds(), c.competencies(), c.language(), c.licence(), c.authors(), c.linkUrl(), v.createdBy(), v.createdAt(),
                    v.appraiserIds(), v.appraisals(), files);
        }
    }

    /** The Phòng's or Sở's appraisal of the proposal in progress, and every appraisal made there (staff and officers). */
    record UnitAppraisalView(UnitAppraisal.State state, List<UUID> appraiserIds, int round, List<Appraisal> appraisals) {
    }

    record VersionSummary(UUID id, int number, VersionStatus status, String title, Instant createdAt) {
    }

    /**
     * A material: the version the caller is shown (the one in progress for the school's staff, else the live one),
     * the other versions (staff only), how far it reaches, what the caller may do next, its use.
     */
    record MaterialDetail(UUID schoolId, UUID id, Reach reach, UUID liveVersionId, VersionView version, List<VersionSummary> versions,
            List<String> actions, long views, long downloads, MaterialRatings.Summary ratings, UnitAppraisalView unitAppraisal,
            int rowVersion) {

        static MaterialDetail of(MaterialService.Visible visible, List<MaterialFiles.MaterialFile> files, List<Action> actions,
                Materials.Counters counters, MaterialRatings.Summary ratings) {
            Material m = visible.material();
            List<VersionSummary> versions = visible.staff() ? m.versions().stream()
                    .map(v -> new VersionSummary(v.id(), v.number(), v.status(), v.content().title(), v.createdAt())).toList() : List.of();
            return new MaterialDetail(m.schoolId(), m.id(), m.reach(), m.liveVersionId().orElse(null), VersionView.of(visible.shown(), files),
                    versions, actions.stream().map(MaterialsApi::slug).toList(), counters.views(), counters.downloads(), ratings,
                    visible.view() == MaterialService.View.PUBLISHED ? null
                            : new UnitAppraisalView(m.unitAppraisal().state(), m.unitAppraisal().appraiserIds(), m.unitAppraisal().round(),
                                    m.unitAppraisals()),
                    m.rowVersion());
        }
    }
}
