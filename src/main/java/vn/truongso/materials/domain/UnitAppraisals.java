package vn.truongso.materials.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;

/**
 * The Phòng's and Sở's appraisal (thẩm định cấp Phòng/Sở) of a proposed material, with the rubric and mode (one
 * officer, or a council of officers) the Phòng or Sở configures for itself in {@link AppraisalSettings}, keyed by its
 * org unit. The same mechanism as the school's; the legality of each move is the aggregate's rule.
 */
@Service
public class UnitAppraisals {

    private final MaterialService service;
    private final Materials materials;
    private final AppraisalSettings settings;
    private final AccessPolicy access;
    private final Accounts accounts;
    private final OrgUnits orgUnits;
    private final AuditLog audit;

    UnitAppraisals(MaterialService service, Materials materials, AppraisalSettings settings, AccessPolicy access, Accounts accounts,
            OrgUnits orgUnits, AuditLog audit) {
        this.service = service;
        this.materials = materials;
        this.settings = settings;
        this.access = access;
        this.accounts = accounts;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /** The capability that acts at a level: the Phòng's officers for DISTRICT, the Sở's for CITY. */
    public static Capability capabilityAt(Appraisal.Level level) {
        return level == Appraisal.Level.CITY ? Capability.CURATE_CITY_MATERIALS : Capability.CURATE_DISTRICT_MATERIALS;
    }

    static Role officerAt(Appraisal.Level level) {
        return level == Appraisal.Level.CITY ? Role.SO_OFFICER : Role.PHONG_OFFICER;
    }

    /** The unit (Phòng or Sở) that appraises at a level for this material. */
    public static UUID unitOf(Material material, Appraisal.Level level) {
        return level == Appraisal.Level.CITY ? material.soId() : material.phongId();
    }

    /** The level at which the user curates materials of this school: DISTRICT for a Phòng officer, CITY for a Sở officer. */
    public Appraisal.Level levelOf(CurrentUser user, UUID schoolId) {
        if (access.allows(user, schoolId, Capability.CURATE_DISTRICT_MATERIALS)) {
            return Appraisal.Level.DISTRICT;
        }
        access.require(user, schoolId, Capability.CURATE_CITY_MATERIALS);
        return Appraisal.Level.CITY;
    }

    /** The Phòng's or Sở's settings as they apply to a material at a level (the default rubric when it set none). */
    public AppraisalSettings.Settings settingsFor(Material material, Appraisal.Level level) {
        UUID unit = unitOf(material, level);
        return unit == null ? new AppraisalSettings.Settings(false, AppraisalSettings.DEFAULT_RUBRIC) : settings.of(unit);
    }

    /** An officer starts his unit's appraisal of a proposal: alone, or by the council he names (officers of his unit). */
    @Transactional
    public Material start(CurrentUser user, UUID schoolId, UUID materialId, Appraisal.Level level, List<UUID> council) {
        access.require(user, schoolId, capabilityAt(level));
        Material material = service.visible(user, schoolId, materialId).material();
        AppraisalSettings.Settings unitSettings = settingsFor(material, level);
        if (unitSettings.council() && council != null) {
            UUID unit = unitOf(material, level);
            Role officer = officerAt(level);
            List<UUID> officers = accounts.ofOrgUnit(unit).stream().filter(Accounts.AccountSummary::enabled)
                    .filter(a -> a.grants().stream().anyMatch(g -> g.role() == officer && unit.equals(g.orgUnitId())))
                    .map(Accounts.AccountSummary::id).toList();
            List<InputError> errors = new ArrayList<>();
            for (UUID member : council) {
                if (member == null || !officers.contains(member)) {
                    errors.add(InputError.field("council", "materials.error.notAnOfficer", String.valueOf(member)));
                }
            }
            if (!errors.isEmpty()) {
                throw new BadInputException(errors);
            }
        }
        material.startUnitAppraisal(Actor.of(user), level, unitSettings.council(), council);
        materials.save(material);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("appraisers", material.unitAppraisal().appraiserIds().stream().map(UUID::toString).toList());
        audit(material, level == Appraisal.Level.DISTRICT ? Action.START_DISTRICT_APPRAISAL : Action.START_CITY_APPRAISAL, detail);
        return material;
    }

    /** A named officer's appraisal of a proposal with his unit's rubric: a verdict on every criterion, no unknown one. */
    @Transactional
    public Material appraise(CurrentUser user, UUID schoolId, UUID materialId, Appraisal.Recommendation recommendation, String comment,
            List<Appraisal.CriterionVerdict> criteria) {
        Appraisal.Level level = levelOf(user, schoolId);
        Material material = service.visible(user, schoolId, materialId).material();
        List<String> rubric = settingsFor(material, level).rubric();
        List<Appraisal.CriterionVerdict> ordered = Rubrics.check(rubric, recommendation, comment, criteria);
        material.appraiseAtUnit(Actor.of(user), level, recommendation, comment == null ? null : MaterialValidation.clean(comment), ordered);
        materials.save(material);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("recommendation", recommendation.name());
        detail.put("round", material.unitAppraisal().round());
        audit(material, level == Appraisal.Level.DISTRICT ? Action.APPRAISE_DISTRICT : Action.APPRAISE_CITY, detail);
        return material;
    }

    /** The Phòng's or Sở's own settings (404 outside the user's units, 403 for a role that does not curate there). */
    public AppraisalSettings.Settings settingsOf(CurrentUser user, UUID unitId) {
        requireCurator(user, unitId);
        return settings.of(unitId);
    }

    @Transactional
    public AppraisalSettings.Settings saveSettings(CurrentUser user, UUID unitId, boolean council, List<String> rubric) {
        requireCurator(user, unitId);
        AppraisalSettings.Settings saved = settings.save(unitId, council, rubric);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("council", saved.council());
        detail.put("rubric", saved.rubric());
        audit.record("materials.unit_settings", unitId, "org_unit", unitId.toString(), detail);
        return saved;
    }

    private void requireCurator(CurrentUser user, UUID unitId) {
        OrgUnits.OrgUnit unit = orgUnits.find(unitId).orElseThrow(() -> new NotFoundException("org unit " + unitId));
        switch (unit.kind()) {
            case PHONG -> access.requireAtUnit(user, unitId, Capability.CURATE_DISTRICT_MATERIALS);
            case SO -> access.requireAtUnit(user, unitId, Capability.CURATE_CITY_MATERIALS);
            case SCHOOL -> {
                // A school's settings have their own endpoint; for this one the school is not a Phòng or Sở.
                access.requireAtUnit(user, unitId, Capability.VIEW_MATERIALS);
                throw new NotFoundException("appraisal unit " + unitId);
            }
        }
    }

    private void audit(Material material, Action action, Map<String, Object> detail) {
        detail.put("reach", material.reach().name());
        detail.put("unitAppraisal", material.unitAppraisal().state().name());
        service.audit(material, action, detail);
    }
}
