package vn.truongso.directory.domain;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;

/** Resolves a school for a request after the access policy has allowed it; the entry point of every directory endpoint. */
@Component
public class SchoolAccess {

    private final AccessPolicy policy;
    private final Schools schools;
    private final SchoolYears years;

    SchoolAccess(AccessPolicy policy, Schools schools, SchoolYears years) {
        this.policy = policy;
        this.schools = schools;
        this.years = years;
    }

    public School require(CurrentUser user, UUID schoolId, Capability capability) {
        policy.require(user, schoolId, capability);
        return schools.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId));
    }

    /** The year a request means: the one named, or the school's current year. */
    public SchoolYear year(UUID schoolId, UUID yearId) {
        return (yearId == null ? years.current(schoolId) : years.find(schoolId, yearId))
                .orElseThrow(() -> new NotFoundException("school year of " + schoolId));
    }
}
