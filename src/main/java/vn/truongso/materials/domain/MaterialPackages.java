package vn.truongso.materials.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.materials.packages.Attempt;
import vn.truongso.materials.packages.ContentPackage;
import vn.truongso.materials.packages.ContentPackages;
import vn.truongso.materials.packages.PackageAttempts;
import vn.truongso.materials.packages.PackageLaunches;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.RoleGrant;

/**
 * Playing the SCORM/cmi5 package attached to a material. At the owning school as before; from another school when the
 * material is shared to that school's district or city: then the launch token and the tracking data are the learner's
 * own school's. A draft, or a material not shared that far, does not exist for other schools (404).
 */
@Service
public class MaterialPackages {

    private final MaterialService service;
    private final MaterialFiles files;
    private final ContentPackages packages;
    private final PackageLaunches launches;
    private final PackageAttempts attempts;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;

    MaterialPackages(MaterialService service, MaterialFiles files, ContentPackages packages, PackageLaunches launches, PackageAttempts attempts,
            AccessPolicy access, OrgUnits orgUnits) {
        this.service = service;
        this.files = files;
        this.packages = packages;
        this.launches = launches;
        this.attempts = attempts;
        this.access = access;
        this.orgUnits = orgUnits;
    }

    /** A launch of the package, the package itself, and the school the learner's attempt belongs to. */
    public record Played(ContentPackage pkg, PackageLaunches.Launch launch, UUID learnerSchoolId) {
    }

    @Transactional
    public Played launch(CurrentUser user, UUID schoolId, UUID materialId, UUID fileId, String item) {
        ContentPackage p = playable(user, schoolId, materialId, fileId);
        UUID learnerSchool = learnerSchool(user, schoolId, materialId);
        return new Played(p, launches.launch(p, learnerSchool, user.id(), item), learnerSchool);
    }

    /** The user's own tracking data for the package, kept with her own school. */
    public List<Attempt> mine(CurrentUser user, UUID schoolId, UUID materialId, UUID fileId) {
        ContentPackage p = playable(user, schoolId, materialId, fileId);
        UUID learnerSchool = learnerSchool(user, schoolId, materialId);
        return attempts.ofPackage(learnerSchool, p.id()).stream().filter(a -> a.accountId().equals(user.id())).toList();
    }

    private ContentPackage playable(CurrentUser user, UUID schoolId, UUID materialId, UUID fileId) {
        MaterialFiles.MaterialFile file = files.readable(user, schoolId, materialId, fileId);
        if (file.packageId() == null) {
            throw new NotFoundException("package of file " + fileId);
        }
        return packages.find(schoolId, file.packageId()).orElseThrow(() -> new NotFoundException("package " + file.packageId()));
    }

    /**
     * The school whose learner plays: the owning school for its own users (who must hold the launch capability there);
     * for others, the school of theirs to which the material is shared (district or city), where they must hold it.
     */
    UUID learnerSchool(CurrentUser user, UUID schoolId, UUID materialId) {
        if (access.reaches(user, schoolId)) {
            access.require(user, schoolId, Capability.LAUNCH_CONTENT_PACKAGES);
            return schoolId;
        }
        Material material = service.visible(user, schoolId, materialId).material();
        boolean sharedWithOne = false;
        for (RoleGrant grant : user.grants()) {
            var unit = orgUnits.find(grant.orgUnitId()).orElse(null);
            if (unit == null || unit.kind() != OrgUnits.Kind.SCHOOL) {
                continue;
            }
            List<UUID> chain = orgUnits.selfAndAncestors(unit.id());
            boolean shared = (material.reach().sharedInDistrict() && material.phongId() != null && chain.contains(material.phongId()))
                    || (material.reach().sharedInCity() && material.soId() != null && chain.contains(material.soId()));
            if (!shared) {
                continue;
            }
            sharedWithOne = true;
            if (Capability.LAUNCH_CONTENT_PACKAGES.grantedTo(grant.role())) {
                return unit.id();
            }
        }
        if (sharedWithOne) {
            throw new ForbiddenException("launch of a package of material " + materialId);
        }
        throw new NotFoundException("material " + materialId);
    }
}
