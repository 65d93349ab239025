package vn.truongso.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenancy tree: Sở GDĐT → Phòng GDĐT → school. Schools are tenants; a grant at a Phòng or Sở reaches the
 * schools beneath it.
 */
public interface OrgUnits {

    enum Kind { SO, PHONG, SCHOOL }

    record OrgUnit(UUID id, Kind kind, UUID parentId, String code, String name) {
    }

    OrgUnit register(Kind kind, UUID parentId, String code, String name);

    Optional<OrgUnit> find(UUID id);

    Optional<OrgUnit> findByCode(String code);

    /** The unit itself followed by its ancestors up to the Sở. */
    List<UUID> selfAndAncestors(UUID id);

    /** All schools beneath (or equal to) the unit. */
    List<OrgUnit> schoolsUnder(UUID unitId);

    List<OrgUnit> children(UUID unitId);
}
