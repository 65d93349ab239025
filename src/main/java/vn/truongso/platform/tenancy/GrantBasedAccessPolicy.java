package vn.truongso.platform.tenancy;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits.Kind;
import vn.truongso.platform.RoleGrant;

/** A grant reaches its own unit and everything beneath it; a school the user cannot reach does not exist for her. */
@Service
class GrantBasedAccessPolicy implements AccessPolicy {

    private final JdbcOrgUnits orgUnits;

    GrantBasedAccessPolicy(JdbcOrgUnits orgUnits) {
        this.orgUnits = orgUnits;
    }

    @Override
    public void require(CurrentUser user, UUID schoolId, Capability capability) {
        List<RoleGrant> reaching = grantsReaching(user, schoolId);
        if (reaching.isEmpty()) {
            throw new NotFoundException("school " + schoolId);
        }
        if (reaching.stream().noneMatch(g -> capability.grantedTo(g.role()))) {
            throw new ForbiddenException(capability + " at school " + schoolId);
        }
    }

    @Override
    public boolean reaches(CurrentUser user, UUID schoolId) {
        return !grantsReaching(user, schoolId).isEmpty();
    }

    @Override
    public boolean allows(CurrentUser user, UUID schoolId, Capability capability) {
        return grantsReaching(user, schoolId).stream().anyMatch(g -> capability.grantedTo(g.role()));
    }

    @Override
    public void requireAtUnit(CurrentUser user, UUID orgUnitId, Capability capability) {
        List<RoleGrant> reaching = grantsReachingUnit(user, orgUnitId);
        if (reaching.isEmpty()) {
            throw new NotFoundException("org unit " + orgUnitId);
        }
        if (reaching.stream().noneMatch(g -> capability.grantedTo(g.role()))) {
            throw new ForbiddenException(capability + " at unit " + orgUnitId);
        }
    }

    private List<RoleGrant> grantsReaching(CurrentUser user, UUID schoolId) {
        if (user == null || schoolId == null) {
            return List.of();
        }
        boolean isSchool = orgUnits.kindOf(schoolId).map(kind -> kind == Kind.SCHOOL).orElse(false);
        return isSchool ? grantsReachingUnit(user, schoolId) : List.of();
    }

    private List<RoleGrant> grantsReachingUnit(CurrentUser user, UUID unitId) {
        if (user == null || unitId == null) {
            return List.of();
        }
        List<UUID> chain = orgUnits.selfAndAncestors(unitId);
        return user.grants().stream().filter(g -> chain.contains(g.orgUnitId())).toList();
    }
}
