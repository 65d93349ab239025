package vn.truongso.materials.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.materials.MaterialStatusChanged;
import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/**
 * The materials use cases: who may see what, and every move of the workflow with its authorisation, history and
 * audit entry. Authorisation goes through {@link AccessPolicy} (404 outside the user's schools, 403 for a role without
 * the capability); the legality of a move is the aggregate's own rule.
 */
@Service
public class MaterialService {

    /** What a user sees of a school's materials. */
    public enum View {
        /** The school's staff: every material in every state. */
        STAFF,
        /** A Phòng officer: what was proposed to or shared by the district. */
        DISTRICT,
        /** A Sở officer: what was proposed to or shared by the city. */
        CITY,
        /** Students, and staff of other schools through sharing: the live version of what is published to them. */
        PUBLISHED
    }

    static final List<Reach> DISTRICT_REACHES = List.of(Reach.PROPOSED_DISTRICT, Reach.SHARED_DISTRICT, Reach.PROPOSED_CITY, Reach.SHARED_CITY);
    static final List<Reach> CITY_REACHES = List.of(Reach.PROPOSED_CITY, Reach.SHARED_CITY);
    static final List<Reach> PUBLISHED_REACHES = List.of(Reach.PUBLISHED, Reach.PROPOSED_DISTRICT, Reach.SHARED_DISTRICT, Reach.PROPOSED_CITY,
            Reach.SHARED_CITY);

    /** A material as one user may see it, with the version she is shown. */
    public record Visible(Material material, View view, MaterialVersion shown) {
        public boolean staff() {
            return view == View.STAFF;
        }
    }

    private final Materials materials;
    /** Announces every move (MaterialStatusChanged) to modules that keep items in the repository's workflow. */
    private final ApplicationEventPublisher events;
    private final MaterialValidation validation;
    private final AppraisalSettings settings;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    MaterialService(Materials materials, MaterialValidation validation, AppraisalSettings settings, AccessPolicy access, OrgUnits orgUnits,
            AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.materials = materials;
        this.events = events;
        this.validation = validation;
        this.settings = settings;
        this.access = access;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- seeing ----

    /** Requires VIEW_MATERIALS at the school (404 / 403) and says how much of it the user sees. */
    public View viewAt(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_MATERIALS);
        if (access.allows(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS)) {
            return View.STAFF;
        }
        if (access.allows(user, schoolId, Capability.CURATE_DISTRICT_MATERIALS)) {
            return View.DISTRICT;
        }
        if (access.allows(user, schoolId, Capability.CURATE_CITY_MATERIALS)) {
            return View.CITY;
        }
        return View.PUBLISHED;
    }

    public List<Materials.Listed> list(CurrentUser user, UUID schoolId, Materials.Filter filter, int limit) {
        View view = viewAt(user, schoolId);
        return materials.ofSchool(schoolId, view == View.STAFF, reachesOf(view), filter, limit);
    }

    /**
     * A material the user may open: at a school she reaches, as her view there allows; at another school, only the
     * live version of a material shared to her district or city. Anything else does not exist for her (404).
     */
    @Transactional(readOnly = true)
    public Visible visible(CurrentUser user, UUID schoolId, UUID materialId) {
        View view;
        if (access.reaches(user, schoolId)) {
            view = viewAt(user, schoolId);
        } else {
            view = View.PUBLISHED;
        }
        Material material = materials.find(schoolId, materialId).orElseThrow(() -> new NotFoundException("material " + materialId));
        if (view == View.STAFF) {
            return new Visible(material, view, material.shown());
        }
        boolean allowed = access.reaches(user, schoolId) ? reachesOf(view).contains(material.reach()) : sharedWith(user, material);
        if (!allowed || material.live().isEmpty()) {
            throw new NotFoundException("material " + materialId);
        }
        return new Visible(material, view, material.live().get());
    }

    /**
     * The district and city repositories as the user sees them: from her own school(s) what is shared there; a Phòng
     * officer what his district's schools proposed or shared; a Sở officer what reached the city.
     */
    public List<Materials.Listed> shared(CurrentUser user, Materials.Filter filter, int limit) {
        List<Materials.Listed> result = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (UUID[] area : areas(user)) {
            addNew(result, seen, materials.shared(area[0], area[1], filter, limit));
        }
        for (UUID phong : units(user, Role.PHONG_OFFICER)) {
            addNew(result, seen, materials.beforeUnit(true, phong, DISTRICT_REACHES, limit));
        }
        for (UUID so : units(user, Role.SO_OFFICER)) {
            addNew(result, seen, materials.beforeUnit(false, so, CITY_REACHES, limit));
        }
        return result;
    }

    private static void addNew(List<Materials.Listed> result, Set<UUID> seen, List<Materials.Listed> found) {
        for (Materials.Listed listed : found) {
            if (seen.add(listed.id())) {
                result.add(listed);
            }
        }
    }

    /** The (Phòng, Sở) of every school at which the user may view materials. */
    private List<UUID[]> areas(CurrentUser user) {
        List<UUID[]> areas = new ArrayList<>();
        for (RoleGrant grant : user.grants()) {
            if (!Capability.VIEW_MATERIALS.grantedTo(grant.role())) {
                continue;
            }
            var unit = orgUnits.find(grant.orgUnitId()).orElse(null);
            if (unit == null || unit.kind() != OrgUnits.Kind.SCHOOL) {
                continue;
            }
            List<UUID> chain = orgUnits.selfAndAncestors(unit.id());
            areas.add(new UUID[] {chain.size() > 1 ? chain.get(1) : null, chain.size() > 2 ? chain.get(2) : null});
        }
        return areas;
    }

    private boolean sharedWith(CurrentUser user, Material material) {
        for (UUID[] area : areas(user)) {
            if (material.reach().sharedInDistrict() && material.phongId() != null && material.phongId().equals(area[0])) {
                return true;
            }
            if (material.reach().sharedInCity() && material.soId() != null && material.soId().equals(area[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reaches of a school's own materials a view shows; null for the staff view (every material, every state).
     * Public so that search (vn.truongso.materials.search) applies exactly the same rule as the list.
     */
    public static List<Reach> reachesOf(View view) {
        return switch (view) {
            case STAFF -> null;
            case DISTRICT -> DISTRICT_REACHES;
            case CITY -> CITY_REACHES;
            case PUBLISHED -> PUBLISHED_REACHES;
        };
    }

    // ---- building ----

    @Transactional
    public Material create(CurrentUser user, UUID schoolId, MaterialContent content) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        MaterialContent checked = validation.check(content);
        List<UUID> chain = orgUnits.selfAndAncestors(schoolId);
        Material material = Material.create(Actor.of(user), schoolId, chain.size() > 1 ? chain.get(1) : null, chain.size() > 2 ? chain.get(2) : null,
                checked);
        materials.save(material);
        audit(material, Action.CREATE, Map.of("title", checked.title()));
        return material;
    }

    /** Changes the content: in place for the author's draft, else as a new draft version (files carried over). */
    @Transactional
    public MaterialVersion edit(CurrentUser user, UUID schoolId, UUID materialId, MaterialContent content) {
        return edit(user, schoolId, materialId, content, null);
    }

    /**
     * Like {@link #edit(CurrentUser, UUID, UUID, MaterialContent)}, based on the material as the user read it: when
     * {@code expectedRowVersion} is given and someone changed the material since, nothing is written and an
     * {@link EditConflictException} names what changed.
     */
    @Transactional
    public MaterialVersion edit(CurrentUser user, UUID schoolId, UUID materialId, MaterialContent content, Integer expectedRowVersion) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        Material material = staffMaterial(user, schoolId, materialId);
        if (expectedRowVersion != null && expectedRowVersion != material.rowVersion()) {
            throw new EditConflictException(expectedRowVersion, material.rowVersion(),
                    materials.changesSince(schoolId, materialId, expectedRowVersion));
        }
        MaterialContent checked = validation.check(content);
        MaterialVersion previous = material.latest();
        MaterialVersion version = material.edit(Actor.of(user), checked);
        materials.save(material);
        if (!version.id().equals(previous.id())) {
            copyFiles(schoolId, previous.id(), version.id());
        }
        audit(material, version.id().equals(previous.id()) ? Action.EDIT : Action.NEW_VERSION, Map.of("version", version.number()));
        return version;
    }

    /** The version the user may add files to: the author's editable version, started anew from an approved one if needed. */
    @Transactional
    public MaterialVersion versionForFiles(CurrentUser user, UUID schoolId, UUID materialId) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        Material material = staffMaterial(user, schoolId, materialId);
        Optional<MaterialVersion> working = material.working();
        if (working.isPresent()) {
            MaterialVersion version = working.get();
            if (!version.status().editable()) {
                throw WorkflowException.illegal(Action.EDIT, version.status());
            }
            if (!version.createdBy().equals(user.id())) {
                throw new WorkflowException("materials.workflow.onlyAuthor");
            }
            return version;
        }
        return edit(user, schoolId, materialId, material.latest().content());
    }

    // ---- the workflow ----

    /** One move named by its action; {@code council} only for START_APPRAISAL in council mode. */
    @Transactional
    public Material act(CurrentUser user, UUID schoolId, UUID materialId, Action action, String comment, List<UUID> council) {
        Capability capability = switch (action) {
            case SUBMIT, WITHDRAW -> Capability.CONTRIBUTE_MATERIALS;
            case START_APPRAISAL -> Capability.APPRAISE_MATERIALS;
            case APPROVE, REJECT, PUBLISH, PROPOSE_DISTRICT, ARCHIVE -> Capability.APPROVE_MATERIALS;
            case ACCEPT_DISTRICT, DECLINE_DISTRICT, PROPOSE_CITY -> Capability.CURATE_DISTRICT_MATERIALS;
            case ACCEPT_CITY, DECLINE_CITY -> Capability.CURATE_CITY_MATERIALS;
            default -> throw new BadInputException(InputError.field("action", "materials.error.unknownAction", action.name()));
        };
        access.require(user, schoolId, capability);
        Visible visible = visible(user, schoolId, materialId);
        Material material = visible.material();
        Actor actor = Actor.of(user);
        switch (action) {
            case SUBMIT -> material.submit(actor, comment);
            case WITHDRAW -> material.withdraw(actor, comment);
            case START_APPRAISAL -> material.startAppraisal(actor, settings.of(schoolId).council(), council);
            case APPROVE -> material.approve(actor, comment);
            case REJECT -> material.reject(actor, comment);
            case PUBLISH -> material.publish(actor);
            case PROPOSE_DISTRICT -> material.proposeToDistrict(actor, comment);
            case ARCHIVE -> material.archive(actor, comment);
            case ACCEPT_DISTRICT -> material.acceptAtDistrict(actor, comment);
            case DECLINE_DISTRICT -> material.declineAtDistrict(actor, comment);
            case PROPOSE_CITY -> material.proposeToCity(actor, comment);
            case ACCEPT_CITY -> material.acceptAtCity(actor, comment);
            case DECLINE_CITY -> material.declineAtCity(actor, comment);
            default -> throw new IllegalStateException(action.name());
        }
        materials.save(material);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (comment != null && !comment.isBlank()) {
            detail.put("comment", comment.strip());
        }
        if (council != null && !council.isEmpty()) {
            detail.put("council", council.stream().map(UUID::toString).toList());
        }
        audit(material, action, detail);
        return material;
    }

    /** A named appraiser's appraisal against the school's rubric: a verdict on every criterion, no unknown criterion. */
    @Transactional
    public Material appraise(CurrentUser user, UUID schoolId, UUID materialId, Appraisal.Recommendation recommendation, String comment,
            List<Appraisal.CriterionVerdict> criteria) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        Material material = staffMaterial(user, schoolId, materialId);
        List<Appraisal.CriterionVerdict> ordered = Rubrics.check(settings.of(schoolId).rubric(), recommendation, comment, criteria);
        material.appraise(Actor.of(user), recommendation, comment == null ? null : MaterialValidation.clean(comment), ordered);
        materials.save(material);
        audit(material, Action.APPRAISE, Map.of("recommendation", recommendation.name()));
        return material;
    }

    // ---- the inbox ----

    /** What waits for the user's action, across every school and unit of her grants. */
    public record Inbox(List<Materials.Listed> toRevise, List<Materials.Listed> toStartAppraisal, List<Materials.Listed> toAppraise,
            List<Materials.Listed> toApprove, List<Materials.Listed> toPublish, List<Materials.Listed> proposedToDistrict,
            List<Materials.Listed> proposedToCity, List<Materials.Listed> toAppraiseAtUnit) {

        public int total() {
            return toRevise.size() + toStartAppraisal.size() + toAppraise.size() + toApprove.size() + toPublish.size()
                    + proposedToDistrict.size() + proposedToCity.size() + toAppraiseAtUnit.size();
        }
    }

    public Inbox inbox(CurrentUser user) {
        int limit = 200;
        List<Materials.Listed> toStart = new ArrayList<>();
        List<Materials.Listed> toApprove = new ArrayList<>();
        List<Materials.Listed> toPublish = new ArrayList<>();
        List<Materials.Listed> district = new ArrayList<>();
        List<Materials.Listed> city = new ArrayList<>();
        for (UUID school : units(user, Role.GROUP_HEAD)) {
            toStart.addAll(materials.withVersionStatus(school, List.of(VersionStatus.SUBMITTED), limit));
        }
        Set<UUID> approverSchools = new java.util.LinkedHashSet<>(units(user, Role.PRINCIPAL));
        approverSchools.addAll(units(user, Role.VICE_PRINCIPAL));
        for (UUID school : approverSchools) {
            toApprove.addAll(materials.withVersionStatus(school, List.of(VersionStatus.APPRAISED), limit));
            toPublish.addAll(materials.ofSchool(school, false, List.of(Reach.NOT_PUBLISHED), Materials.Filter.none(), limit));
        }
        for (UUID phong : units(user, Role.PHONG_OFFICER)) {
            district.addAll(materials.beforeUnit(true, phong, List.of(Reach.PROPOSED_DISTRICT), limit));
        }
        for (UUID so : units(user, Role.SO_OFFICER)) {
            city.addAll(materials.beforeUnit(false, so, List.of(Reach.PROPOSED_CITY), limit));
        }
        return new Inbox(materials.authoredWaiting(user.id(), limit), toStart, materials.awaitingAppraisalBy(user.id(), limit), toApprove,
                toPublish, district, city, materials.awaitingUnitAppraisalBy(user.id(), limit));
    }

    private static List<UUID> units(CurrentUser user, Role role) {
        return user.unitsWhereHolding(role).stream().distinct().toList();
    }

    // ---- helpers ----

    private Material staffMaterial(CurrentUser user, UUID schoolId, UUID materialId) {
        Visible visible = visible(user, schoolId, materialId);
        if (!visible.staff()) {
            throw new NotFoundException("material " + materialId);
        }
        return visible.material();
    }

    private void copyFiles(UUID schoolId, UUID fromVersion, UUID toVersion) {
        jdbc.sql("""
                UPDATE material_version SET search_text = (SELECT search_text FROM material_version WHERE school_id = ? AND id = ?)
                WHERE school_id = ? AND id = ?""").params(schoolId, fromVersion, schoolId, toVersion).update();
        var rows = jdbc.sql("SELECT id FROM material_file WHERE school_id = ? AND version_id = ? ORDER BY uploaded_at, id")
                .params(schoolId, fromVersion).query(UUID.class).list();
        for (UUID fileId : rows) {
            jdbc.sql("""
                    INSERT INTO material_file (school_id, id, material_id, version_id, sha256, size, media_type, file_type, file_name, uploaded_by, uploaded_at,
                                               package_id)
                    SELECT school_id, ?, material_id, ?, sha256, size, media_type, file_type, file_name, uploaded_by, uploaded_at, package_id
                    FROM material_file WHERE school_id = ? AND id = ?""")
                    .params(vn.truongso.platform.Ids.newId(), toVersion, schoolId, fileId).update();
        }
    }

    /** Records a move: its audit entry and the MaterialStatusChanged event, both in the move's transaction. */
    void audit(Material material, Action action, Map<String, ?> detail) {
        Map<String, Object> all = new LinkedHashMap<>(detail);
        all.put("reach", material.reach().name());
        all.put("version", material.latest().number());
        all.put("status", material.latest().status().name());
        audit.record("materials." + action.name().toLowerCase(), material.schoolId(), "material", material.id().toString(), all);
        events.publishEvent(new MaterialStatusChanged(material.schoolId(), material.id(), action.name(),
                material.latest().status(), material.reach()));
    }

    /** Actions offered to a user on a material she sees, in the order the pages show them. */
    public List<Action> offered(CurrentUser user, Visible visible) {
        Material m = visible.material();
        UUID school = m.schoolId();
        List<Action> offered = new ArrayList<>();
        if (m.reach() == Reach.ARCHIVED) {
            return offered;
        }
        Optional<MaterialVersion> working = m.working();
        boolean reaches = access.reaches(user, school);
        if (!reaches) {
            return offered;
        }
        if (visible.staff() && working.isPresent()) {
            MaterialVersion v = working.get();
            boolean author = v.createdBy().equals(user.id());
            if (author && v.status().editable() && access.allows(user, school, Capability.CONTRIBUTE_MATERIALS)) {
                offered.add(Action.SUBMIT);
            }
            if (v.status() == VersionStatus.SUBMITTED && access.allows(user, school, Capability.APPRAISE_MATERIALS)) {
                offered.add(Action.START_APPRAISAL);
            }
            if (v.status() == VersionStatus.UNDER_APPRAISAL && v.appraiserIds().contains(user.id())
                    && v.currentAppraisals().stream().noneMatch(a -> a.appraiser().id().equals(user.id()))) {
                offered.add(Action.APPRAISE);
            }
            if (v.status() == VersionStatus.APPRAISED && access.allows(user, school, Capability.APPROVE_MATERIALS)) {
                offered.add(Action.APPROVE);
                offered.add(Action.REJECT);
            }
            if (author && EnumSet.of(VersionStatus.DRAFT, VersionStatus.SUBMITTED, VersionStatus.RETURNED, VersionStatus.UNDER_APPRAISAL)
                    .contains(v.status())) {
                offered.add(Action.WITHDRAW);
            }
        }
        if (m.live().isPresent()) {
            boolean approver = access.allows(user, school, Capability.APPROVE_MATERIALS);
            boolean phong = access.allows(user, school, Capability.CURATE_DISTRICT_MATERIALS);
            boolean so = access.allows(user, school, Capability.CURATE_CITY_MATERIALS);
            switch (m.reach()) {
                case NOT_PUBLISHED -> addIf(offered, approver, Action.PUBLISH);
                case PUBLISHED -> addIf(offered, approver, Action.PROPOSE_DISTRICT);
                case PROPOSED_DISTRICT -> {
                    offerUnitAppraisal(offered, user, m, phong, Action.START_DISTRICT_APPRAISAL, Action.APPRAISE_DISTRICT);
                    addIf(offered, phong && m.unitAppraisal().state() == UnitAppraisal.State.APPRAISED, Action.ACCEPT_DISTRICT);
                    addIf(offered, phong, Action.DECLINE_DISTRICT);
                }
                case SHARED_DISTRICT -> addIf(offered, phong, Action.PROPOSE_CITY);
                case PROPOSED_CITY -> {
                    offerUnitAppraisal(offered, user, m, so, Action.START_CITY_APPRAISAL, Action.APPRAISE_CITY);
                    addIf(offered, so && m.unitAppraisal().state() == UnitAppraisal.State.APPRAISED, Action.ACCEPT_CITY);
                    addIf(offered, so, Action.DECLINE_CITY);
                }
                default -> {
                }
            }
            addIf(offered, approver, Action.ARCHIVE);
        }
        return offered;
    }

    private static void offerUnitAppraisal(List<Action> offered, CurrentUser user, Material m, boolean curator, Action start, Action appraise) {
        UnitAppraisal unit = m.unitAppraisal();
        addIf(offered, curator && unit.state() == UnitAppraisal.State.NONE, start);
        addIf(offered, curator && unit.state() == UnitAppraisal.State.UNDER_APPRAISAL && unit.appraiserIds().contains(user.id())
                && m.currentUnitAppraisals().stream().noneMatch(a -> a.appraiser().id().equals(user.id())), appraise);
    }

    private static void addIf(List<Action> list, boolean condition, Action action) {
        if (condition) {
            list.add(action);
        }
    }
}
