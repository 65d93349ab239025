package vn.truongso.materials.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;
import vn.truongso.platform.Ids;

/**
 * A learning material (học liệu) and its versions: the aggregate that guards the workflow. Each method checks that
 * the move is legal from the present state and by this actor, refuses it with a {@link WorkflowException} otherwise,
 * and records a {@link Transition} (who, when, from, to, why) that {@link Materials#save} appends to the history.
 *
 * <p>Two lines of state: each version goes DRAFT → SUBMITTED → UNDER_APPRAISAL → APPRAISED (or RETURNED, and round
 * again) → APPROVED (or REJECTED); the material's approved (live) version then reaches PUBLISHED → PROPOSED_DISTRICT →
 * SHARED_DISTRICT → PROPOSED_CITY → SHARED_CITY, or ARCHIVED. Editing an approved material starts a new draft version;
 * the approved one stays live until the new one is approved, and then is SUPERSEDED.
 */
public final class Material {

    private final UUID schoolId;
    private final UUID id;
    private final UUID phongId;
    private final UUID soId;
    private final UUID createdBy;
    private final Instant createdAt;
    private Reach reach;
    private UUID liveVersionId;
    private final int rowVersion;
    private final List<MaterialVersion> versions;
    private final List<Transition> recorded = new ArrayList<>();
    private final List<Appraisal> newAppraisals = new ArrayList<>();
    private UnitAppraisal unitAppraisal = UnitAppraisal.NONE;
    private final java.util.Map<UUID, List<String>> changedFields = new java.util.HashMap<>();
    private final List<Appraisal> unitAppraisals = new ArrayList<>();

    Material(UUID schoolId, UUID id, UUID phongId, UUID soId, UUID createdBy, Instant createdAt, Reach reach, UUID liveVersionId,
            int rowVersion, List<MaterialVersion> versions) {
        this.schoolId = schoolId;
        this.id = id;
        this.phongId = phongId;
        this.soId = soId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.reach = reach;
        this.liveVersionId = liveVersionId;
        this.rowVersion = rowVersion;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(MaterialVersion::number));
    }

    /** A new material whose first version is a draft of the actor's. */
    public static Material create(Actor actor, UUID schoolId, UUID phongId, UUID soId, MaterialContent content) {
        Instant now = Instant.now();
        var version = new MaterialVersion(Ids.newId(), 1, actor.id(), now, VersionStatus.DRAFT, content, List.of(), 0, List.of());
        version.isNew = true;
        var material = new Material(schoolId, Ids.newId(), phongId, soId, actor.id(), now, Reach.NOT_PUBLISHED, null, -1, List.of(version));
        material.record(version, Action.CREATE, "NONE", VersionStatus.DRAFT.name(), actor, null);
        return material;
    }

    // ---- the version's workflow (school level) ----

    /**
     * Changes the content. A draft or returned version is changed in place; when there is no version in progress
     * (the material is approved, or its last version was rejected or withdrawn) a new draft version is started from
     * the latest content, and the approved version stays live meanwhile. A version being appraised or awaiting
     * approval is locked.
     */
    public MaterialVersion edit(Actor actor, MaterialContent content) {
        refuseWhenArchived(Action.EDIT);
        Optional<MaterialVersion> working = working();
        if (working.isPresent()) {
            MaterialVersion version = working.get();
            if (!version.status().editable()) {
                throw WorkflowException.illegal(Action.EDIT, version.status());
            }
            requireAuthor(version, actor);
            List<String> changed = changedFields(version.content(), content);
            version.content(content);
            record(version, Action.EDIT, version.status().name(), version.status().name(), actor, null);
            changedFields.put(recorded.getLast().id(), changed);
            return version;
        }
        MaterialVersion latest = latest();
        var version = new MaterialVersion(Ids.newId(), latest.number() + 1, actor.id(), Instant.now(), VersionStatus.DRAFT, content,
                List.of(), 0, List.of());
        version.isNew = true;
        versions.add(version);
        record(version, Action.NEW_VERSION, latest.status().name(), VersionStatus.DRAFT.name(), actor, "v" + latest.number() + " → v" + version.number());
        return version;
    }

    /** The author sends her draft (or her revision of a returned version) to the subject group. */
    public void submit(Actor actor, String comment) {
        MaterialVersion version = workingFor(Action.SUBMIT);
        requireStatus(Action.SUBMIT, version, VersionStatus.DRAFT, VersionStatus.RETURNED);
        requireAuthor(version, actor);
        move(version, Action.SUBMIT, VersionStatus.SUBMITTED, actor, comment);
    }

    /**
     * The group head starts the appraisal: alone ({@code council} empty, the school's SINGLE mode) or by the council he
     * names (COUNCIL mode, at least two appraisers). The author may not appraise her own material.
     */
    public void startAppraisal(Actor actor, boolean councilMode, List<UUID> council) {
        MaterialVersion version = workingFor(Action.START_APPRAISAL);
        requireStatus(Action.START_APPRAISAL, version, VersionStatus.SUBMITTED);
        List<UUID> appraisers = councilMode ? List.copyOf(new LinkedHashSet<>(council == null ? List.of() : council)) : List.of(actor.id());
        if (councilMode && appraisers.size() < 2) {
            throw new WorkflowException("materials.workflow.councilTooSmall");
        }
        if (appraisers.contains(version.createdBy())) {
            throw new WorkflowException("materials.workflow.authorCannotAppraise");
        }
        version.startRound(appraisers);
        move(version, Action.START_APPRAISAL, VersionStatus.UNDER_APPRAISAL, actor, null);
    }

    /**
     * One named appraiser gives her appraisal. When every appraiser has given hers, the version is APPRAISED if a
     * majority recommends approval, else RETURNED to the author with the comments.
     */
    public void appraise(Actor actor, Appraisal.Recommendation recommendation, String comment, List<Appraisal.CriterionVerdict> criteria) {
        MaterialVersion version = workingFor(Action.APPRAISE);
        requireStatus(Action.APPRAISE, version, VersionStatus.UNDER_APPRAISAL);
        if (!version.appraiserIds().contains(actor.id())) {
            throw new WorkflowException("materials.workflow.notAnAppraiser");
        }
        if (version.currentAppraisals().stream().anyMatch(a -> a.appraiser().id().equals(actor.id()))) {
            throw new WorkflowException("materials.workflow.alreadyAppraised");
        }
        var appraisal = new Appraisal(Ids.newId(), version.id(), Appraisal.Level.SCHOOL, version.appraisalRound(), actor, recommendation, comment, criteria, Instant.now());
        version.addAppraisal(appraisal);
        newAppraisals.add(appraisal);
        record(version, Action.APPRAISE, version.status().name(), version.status().name(), actor,
                recommendation.name() + (comment == null || comment.isBlank() ? "" : ": " + comment));
        List<Appraisal> round = version.currentAppraisals();
        if (round.size() >= version.appraiserIds().size()) {
            long approvals = round.stream().filter(a -> a.recommendation() == Appraisal.Recommendation.APPROVE).count();
            boolean majority = approvals * 2 > version.appraiserIds().size();
            move(version, majority ? Action.APPRAISED : Action.RETURN, majority ? VersionStatus.APPRAISED : VersionStatus.RETURNED, actor, comment);
        }
    }

    /** The principal approves an appraised version: it becomes the live version and the previous one is superseded. */
    public void approve(Actor actor, String comment) {
        MaterialVersion version = workingFor(Action.APPROVE);
        requireStatus(Action.APPROVE, version, VersionStatus.APPRAISED);
        live().ifPresent(previous -> move(previous, Action.APPROVE, VersionStatus.SUPERSEDED, actor, "v" + version.number()));
        move(version, Action.APPROVE, VersionStatus.APPROVED, actor, comment);
        liveVersionId = version.id();
    }

    /** The principal refuses an appraised version; the reason is required. A live version, if any, stays live. */
    public void reject(Actor actor, String reason) {
        MaterialVersion version = workingFor(Action.REJECT);
        requireStatus(Action.REJECT, version, VersionStatus.APPRAISED);
        requireReason(reason);
        move(version, Action.REJECT, VersionStatus.REJECTED, actor, reason);
    }

    /** The author withdraws the version in progress before the principal decides. */
    public void withdraw(Actor actor, String reason) {
        MaterialVersion version = workingFor(Action.WITHDRAW);
        requireStatus(Action.WITHDRAW, version, VersionStatus.DRAFT, VersionStatus.SUBMITTED, VersionStatus.RETURNED,
                VersionStatus.UNDER_APPRAISAL);
        requireAuthor(version, actor);
        move(version, Action.WITHDRAW, VersionStatus.WITHDRAWN, actor, reason);
    }

    // ---- the approved version's reach ----

    /** The principal publishes the approved version in the school repository. */
    public void publish(Actor actor) {
        if (liveVersionId == null) {
            throw new WorkflowException("materials.workflow.notApproved");
        }
        reach(Action.PUBLISH, Reach.NOT_PUBLISHED, Reach.PUBLISHED, actor, null);
    }

    public void proposeToDistrict(Actor actor, String comment) {
        if (phongId == null) {
            throw new WorkflowException("materials.workflow.noDistrict");
        }
        reach(Action.PROPOSE_DISTRICT, Reach.PUBLISHED, Reach.PROPOSED_DISTRICT, actor, comment);
    }

    /**
     * The Phòng, having appraised it with its rubric (a majority of its appraisers recommended it), approves it and
     * shares it with the district's schools.
     */
    public void acceptAtDistrict(Actor actor, String comment) {
        requireUnitAppraised(Action.ACCEPT_DISTRICT, Reach.PROPOSED_DISTRICT);
        reach(Action.ACCEPT_DISTRICT, Reach.PROPOSED_DISTRICT, Reach.SHARED_DISTRICT, actor, comment);
        closeUnitAppraisal();
    }

    /** The Phòng declines the proposal, at any point of its appraisal; the reason is required. */
    public void declineAtDistrict(Actor actor, String reason) {
        requireReasonBefore(Action.DECLINE_DISTRICT, Reach.PROPOSED_DISTRICT, reason);
        reach(Action.DECLINE_DISTRICT, Reach.PROPOSED_DISTRICT, Reach.PUBLISHED, actor, reason);
        closeUnitAppraisal();
    }

    public void proposeToCity(Actor actor, String comment) {
        if (soId == null) {
            throw new WorkflowException("materials.workflow.noCity");
        }
        reach(Action.PROPOSE_CITY, Reach.SHARED_DISTRICT, Reach.PROPOSED_CITY, actor, comment);
    }

    /** The Sở, having appraised it with its rubric, approves it and shares it with the city's schools. */
    public void acceptAtCity(Actor actor, String comment) {
        requireUnitAppraised(Action.ACCEPT_CITY, Reach.PROPOSED_CITY);
        reach(Action.ACCEPT_CITY, Reach.PROPOSED_CITY, Reach.SHARED_CITY, actor, comment);
        closeUnitAppraisal();
    }

    public void declineAtCity(Actor actor, String reason) {
        requireReasonBefore(Action.DECLINE_CITY, Reach.PROPOSED_CITY, reason);
        reach(Action.DECLINE_CITY, Reach.PROPOSED_CITY, Reach.SHARED_DISTRICT, actor, reason);
        closeUnitAppraisal();
    }

    // ---- the Phòng's and Sở's appraisal of a proposal ----

    /**
     * A Phòng (DISTRICT) or Sở (CITY) officer starts the appraisal of a proposal: alone, or by the council of officers he
     * names when his unit appraises by council (at least two).
     */
    public void startUnitAppraisal(Actor actor, Appraisal.Level level, boolean councilMode, List<UUID> council) {
        Action action = level == Appraisal.Level.DISTRICT ? Action.START_DISTRICT_APPRAISAL : Action.START_CITY_APPRAISAL;
        Reach proposed = proposedAt(level);
        refuseWhenArchived(action);
        if (reach != proposed) {
            throw WorkflowException.illegal(action, reach);
        }
        if (unitAppraisal.state() != UnitAppraisal.State.NONE) {
            throw new WorkflowException("materials.workflow.unitAppraisalStarted");
        }
        List<UUID> appraisers = councilMode ? List.copyOf(new LinkedHashSet<>(council == null ? List.of() : council)) : List.of(actor.id());
        if (councilMode && appraisers.size() < 2) {
            throw new WorkflowException("materials.workflow.councilTooSmall");
        }
        unitAppraisal = new UnitAppraisal(UnitAppraisal.State.UNDER_APPRAISAL, appraisers, unitAppraisal.round() + 1);
        record(live().orElse(latest()), action, reach.name(), reach.name(), actor, null);
    }

    /**
     * One named officer gives his appraisal with his unit's rubric. When all have given theirs: a majority for sharing
     * makes the proposal APPRAISED (the unit then accepts or declines it); otherwise it is declined with their comments
     * and goes back to where it was proposed from.
     */
    public void appraiseAtUnit(Actor actor, Appraisal.Level level, Appraisal.Recommendation recommendation, String comment,
            List<Appraisal.CriterionVerdict> criteria) {
        Action action = level == Appraisal.Level.DISTRICT ? Action.APPRAISE_DISTRICT : Action.APPRAISE_CITY;
        Reach proposed = proposedAt(level);
        refuseWhenArchived(action);
        if (reach != proposed) {
            throw WorkflowException.illegal(action, reach);
        }
        if (unitAppraisal.state() != UnitAppraisal.State.UNDER_APPRAISAL) {
            throw new WorkflowException(unitAppraisal.state() == UnitAppraisal.State.NONE ? "materials.workflow.unitAppraisalNotStarted"
                    : "materials.workflow.alreadyAppraised");
        }
        if (!unitAppraisal.appraiserIds().contains(actor.id())) {
            throw new WorkflowException("materials.workflow.notAnAppraiser");
        }
        if (currentUnitAppraisals().stream().anyMatch(a -> a.appraiser().id().equals(actor.id()))) {
            throw new WorkflowException("materials.workflow.alreadyAppraised");
        }
        MaterialVersion live = live().orElseThrow(() -> new WorkflowException("materials.workflow.notApproved"));
        var appraisal = new Appraisal(Ids.newId(), live.id(), level, unitAppraisal.round(), actor, recommendation, comment, criteria, Instant.now());
        unitAppraisals.add(appraisal);
        newAppraisals.add(appraisal);
        record(live, action, reach.name(), reach.name(), actor, recommendation.name() + (comment == null || comment.isBlank() ? "" : ": " + comment));
        List<Appraisal> round = currentUnitAppraisals();
        if (round.size() < unitAppraisal.appraiserIds().size()) {
            return;
        }
        long approvals = round.stream().filter(a -> a.recommendation() == Appraisal.Recommendation.APPROVE).count();
        if (approvals * 2 > unitAppraisal.appraiserIds().size()) {
            unitAppraisal = new UnitAppraisal(UnitAppraisal.State.APPRAISED, unitAppraisal.appraiserIds(), unitAppraisal.round());
            record(live, level == Appraisal.Level.DISTRICT ? Action.DISTRICT_APPRAISED : Action.CITY_APPRAISED, reach.name(), reach.name(), actor,
                    null);
        } else {
            String reasons = String.join("; ", round.stream().filter(a -> a.recommendation() == Appraisal.Recommendation.RETURN)
                    .map(a -> a.comment() == null ? a.appraiser().name() : a.comment()).toList());
            Reach back = level == Appraisal.Level.DISTRICT ? Reach.PUBLISHED : Reach.SHARED_DISTRICT;
            reach(level == Appraisal.Level.DISTRICT ? Action.DECLINE_DISTRICT : Action.DECLINE_CITY, proposed, back, actor, reasons);
            closeUnitAppraisal();
        }
    }

    /** The Phòng's or Sở's appraisal of the present proposal (NONE when nothing is proposed or not yet started). */
    public UnitAppraisal unitAppraisal() {
        return unitAppraisal;
    }

    /** The appraisals of the round in progress (or just completed) at the Phòng or Sở. */
    public List<Appraisal> currentUnitAppraisals() {
        return unitAppraisals.stream().filter(a -> a.round() == unitAppraisal.round()).toList();
    }

    /** Every appraisal made at the Phòng and the Sở, all rounds. */
    public List<Appraisal> unitAppraisals() {
        return List.copyOf(unitAppraisals);
    }

    /** The level whose appraisal the present reach calls for, if any. */
    public Optional<Appraisal.Level> unitLevel() {
        return switch (reach) {
            case PROPOSED_DISTRICT -> Optional.of(Appraisal.Level.DISTRICT);
            case PROPOSED_CITY -> Optional.of(Appraisal.Level.CITY);
            default -> Optional.empty();
        };
    }

    void restoreUnitAppraisal(UnitAppraisal state, List<Appraisal> appraisals) {
        this.unitAppraisal = state;
        this.unitAppraisals.clear();
        this.unitAppraisals.addAll(appraisals);
    }

    private static Reach proposedAt(Appraisal.Level level) {
        return switch (level) {
            case DISTRICT -> Reach.PROPOSED_DISTRICT;
            case CITY -> Reach.PROPOSED_CITY;
            case SCHOOL -> throw new IllegalArgumentException("the school's appraisal is on the version");
        };
    }

    private void requireUnitAppraised(Action action, Reach proposed) {
        refuseWhenArchived(action);
        if (reach == proposed && unitAppraisal.state() != UnitAppraisal.State.APPRAISED) {
            throw new WorkflowException("materials.workflow.unitNotAppraised");
        }
    }

    private void closeUnitAppraisal() {
        unitAppraisal = new UnitAppraisal(UnitAppraisal.State.NONE, List.of(), unitAppraisal.round());
    }

    /** Takes the material out of every repository, keeping it and its history; the reason is required. */
    public void archive(Actor actor, String reason) {
        refuseWhenArchived(Action.ARCHIVE);
        requireReason(reason);
        Reach from = reach;
        reach = Reach.ARCHIVED;
        record(live().orElse(latest()), Action.ARCHIVE, from.name(), Reach.ARCHIVED.name(), actor, reason);
    }

    // ---- reading ----

    public UUID schoolId() {
        return schoolId;
    }

    public UUID id() {
        return id;
    }

    public UUID phongId() {
        return phongId;
    }

    public UUID soId() {
        return soId;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Reach reach() {
        return reach;
    }

    public Optional<UUID> liveVersionId() {
        return Optional.ofNullable(liveVersionId);
    }

    /** The optimistic-lock counter as loaded: every save increments it (the ETag of the API, the form's hidden field). */
    public int rowVersion() {
        return rowVersion;
    }

    public List<MaterialVersion> versions() {
        return List.copyOf(versions);
    }

    public Optional<MaterialVersion> live() {
        return versions.stream().filter(v -> v.id().equals(liveVersionId)).findFirst();
    }

    /** The version on its way to a decision, if any. */
    public Optional<MaterialVersion> working() {
        MaterialVersion latest = latest();
        return latest.status().inProgress() ? Optional.of(latest) : Optional.empty();
    }

    public MaterialVersion latest() {
        return versions.getLast();
    }

    public Optional<MaterialVersion> version(UUID versionId) {
        return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
    }

    /** What staff of the school see first: the version in progress, else the live one, else the latest. */
    public MaterialVersion shown() {
        return working().or(this::live).orElse(latest());
    }

    /** The fields an edit recorded in this session changed, by transition id (for {@link Materials#save}). */
    List<String> changedFields(UUID transitionId) {
        return changedFields.getOrDefault(transitionId, List.of());
    }

    /** The names of the content's fields that differ (title, description, kind, subjectCode, grades, ...). */
    static List<String> changedFields(MaterialContent before, MaterialContent after) {
        List<String> changed = new ArrayList<>();
        var components = MaterialContent.class.getRecordComponents();
        for (var component : components) {
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!java.util.Objects.equals(a, b)) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** Transitions made since the material was loaded, for {@link Materials#save}. */
    List<Transition> recorded() {
        return List.copyOf(recorded);
    }

    List<Appraisal> newAppraisals() {
        return List.copyOf(newAppraisals);
    }

    // ---- rules ----

    private MaterialVersion workingFor(Action action) {
        refuseWhenArchived(action);
        return working().orElseThrow(() -> WorkflowException.illegal(action, latest().status()));
    }

    private static void requireStatus(Action action, MaterialVersion version, VersionStatus... allowed) {
        for (VersionStatus status : allowed) {
            if (version.status() == status) {
                return;
            }
        }
        throw WorkflowException.illegal(action, version.status());
    }

    private static void requireAuthor(MaterialVersion version, Actor actor) {
        if (!version.createdBy().equals(actor.id())) {
            throw new WorkflowException("materials.workflow.onlyAuthor");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("materials.workflow.reasonRequired");
        }
    }

    private void requireReasonBefore(Action action, Reach expected, String reason) {
        if (reach != expected) {
            throw WorkflowException.illegal(action, reach);
        }
        requireReason(reason);
    }

    private void refuseWhenArchived(Action action) {
        if (reach == Reach.ARCHIVED) {
            throw WorkflowException.illegal(action, Reach.ARCHIVED);
        }
    }

    private void reach(Action action, Reach from, Reach to, Actor actor, String comment) {
        if (reach != from) {
            throw WorkflowException.illegal(action, reach);
        }
        reach = to;
        record(live().orElse(latest()), action, from.name(), to.name(), actor, comment);
    }

    private void move(MaterialVersion version, Action action, VersionStatus to, Actor actor, String comment) {
        VersionStatus from = version.status();
        version.status(to);
        record(version, action, from.name(), to.name(), actor, comment);
    }

    private void record(MaterialVersion version, Action action, String from, String to, Actor actor, String comment) {
        recorded.add(new Transition(Ids.newId(), version.id(), action, from, to, actor, comment == null || comment.isBlank() ? null : comment.strip(),
                Instant.now()));
    }
}
