package vn.truongso.materials.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;

/** The aggregate's own rules, without a database: every legal move records a transition, every illegal one changes nothing. */
class MaterialRulesTest {

    final Actor author = new Actor(UUID.randomUUID(), "Tác giả");
    final Actor head = new Actor(UUID.randomUUID(), "Tổ trưởng");
    final Actor principal = new Actor(UUID.randomUUID(), "Hiệu trưởng");
    final Actor officer = new Actor(UUID.randomUUID(), "Cán bộ Phòng");

    static MaterialContent content(String title) {
        return new MaterialContent(title, "", MaterialKind.WORKSHEET, "TOAN", List.of(6), List.of(), List.of(), List.of(), "vi", "CC BY 4.0",
                List.of("Tác giả"), null);
    }

    Material material() {
        return Material.create(author, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), content("Phiếu 1"));
    }

    static List<Appraisal.CriterionVerdict> passes() {
        return AppraisalSettings.DEFAULT_RUBRIC.stream().map(c -> new Appraisal.CriterionVerdict(c, Appraisal.Verdict.PASS, null)).toList();
    }

    Material approved() {
        Material m = material();
        m.submit(author, null);
        m.startAppraisal(head, false, List.of());
        m.appraise(head, Appraisal.Recommendation.APPROVE, null, passes());
        m.approve(principal, null);
        return m;
    }

    @Test
    void theWholeWayRecordsEveryMove() {
        Material m = approved();
        m.publish(principal);
        m.proposeToDistrict(principal, null);
        m.startUnitAppraisal(officer, Appraisal.Level.DISTRICT, false, List.of());
        m.appraiseAtUnit(officer, Appraisal.Level.DISTRICT, Appraisal.Recommendation.APPROVE, null, passes());
        m.acceptAtDistrict(officer, "Đạt");
        m.proposeToCity(officer, null);
        m.startUnitAppraisal(officer, Appraisal.Level.CITY, false, List.of());
        m.appraiseAtUnit(officer, Appraisal.Level.CITY, Appraisal.Recommendation.APPROVE, null, passes());
        m.acceptAtCity(officer, null);
        assertThat(m.reach()).isEqualTo(Reach.SHARED_CITY);
        assertThat(m.recorded()).extracting(Transition::action).containsExactly(Action.CREATE, Action.SUBMIT, Action.START_APPRAISAL, Action.APPRAISE,
                Action.APPRAISED, Action.APPROVE, Action.PUBLISH, Action.PROPOSE_DISTRICT, Action.START_DISTRICT_APPRAISAL, Action.APPRAISE_DISTRICT,
                Action.DISTRICT_APPRAISED, Action.ACCEPT_DISTRICT, Action.PROPOSE_CITY, Action.START_CITY_APPRAISAL, Action.APPRAISE_CITY,
                Action.CITY_APPRAISED, Action.ACCEPT_CITY);
        assertThat(m.recorded().get(11).actor()).isEqualTo(officer);
        assertThat(m.recorded().get(11).comment()).isEqualTo("Đạt");
        assertThat(m.unitAppraisals()).extracting(Appraisal::level).containsExactly(Appraisal.Level.DISTRICT, Appraisal.Level.CITY);
        assertThat(m.unitAppraisal().state()).isEqualTo(UnitAppraisal.State.NONE);
    }

    @Test
    void anIllegalMoveThrowsAndChangesNothing() {
        Material m = material();
        int before = m.recorded().size();
        assertThatThrownBy(() -> m.approve(principal, null)).isInstanceOf(WorkflowException.class)
                .extracting(e -> ((WorkflowException) e).code()).isEqualTo("materials.workflow.illegal");
        assertThatThrownBy(() -> m.publish(principal)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> m.acceptAtDistrict(officer, null)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> m.submit(head, null)).extracting(e -> ((WorkflowException) e).code()).isEqualTo("materials.workflow.onlyAuthor");
        assertThat(m.latest().status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(m.reach()).isEqualTo(Reach.NOT_PUBLISHED);
        assertThat(m.recorded()).hasSize(before);
    }

    @Test
    void anApprovedMaterialStaysLiveWhileItsNextVersionIsWorkedOn() {
        Material m = approved();
        UUID v1 = m.liveVersionId().orElseThrow();
        MaterialVersion v2 = m.edit(author, content("Phiếu 1, bản 2"));
        assertThat(v2.number()).isEqualTo(2);
        assertThat(m.liveVersionId()).contains(v1);
        assertThat(m.shown()).isSameAs(v2);
        m.submit(author, null);
        m.startAppraisal(head, false, List.of());
        m.appraise(head, Appraisal.Recommendation.RETURN, "Sửa", passes());
        assertThat(v2.status()).isEqualTo(VersionStatus.RETURNED);
        assertThat(m.liveVersionId()).contains(v1);
        m.edit(author, content("Phiếu 1, bản 2 đã sửa"));
        assertThat(m.versions()).hasSize(2);
        m.submit(author, null);
        m.startAppraisal(head, false, List.of());
        m.appraise(head, Appraisal.Recommendation.APPROVE, null, passes());
        m.approve(principal, null);
        assertThat(m.liveVersionId()).contains(v2.id());
        assertThat(m.version(v1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
    }

    @Test
    void aCouncilDecidesByMajorityAndTheAuthorIsNotOnIt() {
        Material m = material();
        m.submit(author, null);
        Actor second = new Actor(UUID.randomUUID(), "Thành viên 2");
        assertThatThrownBy(() -> m.startAppraisal(head, true, List.of(head.id(), author.id())))
                .extracting(e -> ((WorkflowException) e).code()).isEqualTo("materials.workflow.authorCannotAppraise");
        assertThatThrownBy(() -> m.startAppraisal(head, true, List.of(head.id(), head.id())))
                .extracting(e -> ((WorkflowException) e).code()).isEqualTo("materials.workflow.councilTooSmall");
        m.startAppraisal(head, true, List.of(head.id(), second.id()));
        m.appraise(head, Appraisal.Recommendation.APPROVE, null, passes());
        assertThat(m.latest().status()).isEqualTo(VersionStatus.UNDER_APPRAISAL);
        m.appraise(second, Appraisal.Recommendation.RETURN, "Chưa đạt", passes());
        // One of two is not a majority.
        assertThat(m.latest().status()).isEqualTo(VersionStatus.RETURNED);
    }

    @Test
    void archivingNeedsAReasonAndEndsEveryMove() {
        Material m = approved();
        assertThatThrownBy(() -> m.archive(principal, " ")).extracting(e -> ((WorkflowException) e).code())
                .isEqualTo("materials.workflow.reasonRequired");
        m.archive(principal, "Lỗi thời");
        assertThatThrownBy(() -> m.publish(principal)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> m.edit(author, content("x"))).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> m.archive(principal, "lần hai")).isInstanceOf(WorkflowException.class);
    }
}
