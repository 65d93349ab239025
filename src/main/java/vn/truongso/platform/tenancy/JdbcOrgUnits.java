package vn.truongso.platform.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.Ids;
import vn.truongso.platform.OrgUnits;

@Repository
class JdbcOrgUnits implements OrgUnits {

    private final JdbcClient jdbc;
    /** Ancestors never change once a unit exists, so caching them needs no invalidation across instances. */
    private final Map<UUID, List<UUID>> ancestry = new ConcurrentHashMap<>();
    /** A unit's kind never changes either; the access policy asks for it on every request. */
    private final Map<UUID, Kind> kinds = new ConcurrentHashMap<>();

    JdbcOrgUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public OrgUnit register(Kind kind, UUID parentId, String code, String name) {
        if ((kind == Kind.SO) != (parentId == null)) {
            throw new IllegalArgumentException("a Sở has no parent; every other unit has one");
        }
        if (parentId != null) {
            Kind parentKind = find(parentId).orElseThrow(() -> new IllegalArgumentException("unknown parent " + parentId)).kind();
            boolean fits = switch (kind) {
                case SO -> false;
                case PHONG -> parentKind == Kind.SO;
                // Upper-secondary schools answer to the Sở directly; the others to a Phòng.
                case SCHOOL -> parentKind == Kind.SO || parentKind == Kind.PHONG;
            };
            if (!fits) {
                throw new IllegalArgumentException(kind + " cannot sit under " + parentKind);
            }
        }
        var unit = new OrgUnit(Ids.newId(), kind, parentId, code, name);
        jdbc.sql("INSERT INTO org_unit (id, kind, parent_id, code, name) VALUES (?, ?, ?, ?, ?)")
                .params(unit.id(), kind.name(), parentId, code, name)
                .update();
        return unit;
    }

    @Override
    public Optional<OrgUnit> find(UUID id) {
        return jdbc.sql("SELECT id, kind, parent_id, code, name FROM org_unit WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The kind of a unit, from memory after the first look-up; empty for an unknown id. */
    Optional<Kind> kindOf(UUID id) {
        Kind known = kinds.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Kind> found = find(id).map(OrgUnit::kind);
        found.ifPresent(kind -> kinds.put(id, kind));
        return found;
    }

    @Override
    public Optional<OrgUnit> findByCode(String code) {
        return jdbc.sql("SELECT id, kind, parent_id, code, name FROM org_unit WHERE code = ?").param(code).query(this::map).optional();
    }

    @Override
    public List<UUID> selfAndAncestors(UUID id) {
        List<UUID> cached = ancestry.get(id);
        if (cached != null) {
            return cached;
        }
        List<UUID> chain = jdbc.sql("""
                WITH RECURSIVE up(id, parent_id, depth) AS (
                    SELECT id, parent_id, 0 FROM org_unit WHERE id = ?
                    UNION ALL
                    SELECT o.id, o.parent_id, up.depth + 1 FROM org_unit o JOIN up ON o.id = up.parent_id)
                SELECT id FROM up ORDER BY depth""").param(id).query(UUID.class).list();
        if (!chain.isEmpty()) {
            ancestry.put(id, List.copyOf(chain));
        }
        return chain;
    }

    @Override
    public List<OrgUnit> schoolsUnder(UUID unitId) {
        return jdbc.sql("""
                WITH RECURSIVE down(id) AS (
                    SELECT id FROM org_unit WHERE id = ?
                    UNION ALL
                    SELECT o.id FROM org_unit o JOIN down ON o.parent_id = down.id)
                SELECT o.id, o.kind, o.parent_id, o.code, o.name FROM org_unit o JOIN down USING (id)
                WHERE o.kind = 'SCHOOL' ORDER BY o.name COLLATE vi_vn""").param(unitId).query(this::map).list();
    }

    @Override
    public List<OrgUnit> children(UUID unitId) {
        return new ArrayList<>(jdbc.sql("SELECT id, kind, parent_id, code, name FROM org_unit WHERE parent_id = ? ORDER BY name COLLATE vi_vn")
                .param(unitId).query(this::map).list());
    }

    private OrgUnit map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrgUnit(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")), rs.getObject("parent_id", UUID.class),
                rs.getString("code"), rs.getString("name"));
    }
}
