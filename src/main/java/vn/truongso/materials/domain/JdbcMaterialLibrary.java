package vn.truongso.materials.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.materials.MaterialLibrary;
import vn.truongso.materials.Reach;
import vn.truongso.platform.OrgUnits;

/** {@link MaterialLibrary} over the {@link Materials} repository. */
@Component
class JdbcMaterialLibrary implements MaterialLibrary {

    private final Materials materials;
    private final OrgUnits orgUnits;
    private final JdbcClient jdbc;

    JdbcMaterialLibrary(Materials materials, OrgUnits orgUnits, JdbcClient jdbc) {
        this.materials = materials;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MaterialSummary> find(UUID schoolId, UUID materialId) {
        return materials.find(schoolId, materialId).map(m -> {
            MaterialVersion shown = m.shown();
            var c = shown.content();
            return new MaterialSummary(m.schoolId(), m.id(), m.liveVersionId().orElse(null), shown.id(), c.title(), c.kind(), c.subjectCode(),
                    c.grades(), shown.status(), m.reach());
        });
    }

    @Override
    public Set<UUID> coveredTopics(UUID schoolId, String subjectCode, int grade) {
        return new HashSet<>(materials.topicsWithApprovedMaterial(schoolId, subjectCode, grade));
    }

    @Override
    public List<SharedMaterial> sharedWith(UUID schoolId) {
        List<UUID> chain = orgUnits.selfAndAncestors(schoolId);
        UUID phong = chain.size() > 1 ? chain.get(1) : null;
        UUID so = chain.size() > 2 ? chain.get(2) : null;
        List<String> district = Arrays.stream(Reach.values()).filter(Reach::sharedInDistrict).map(Enum::name).toList();
        List<String> city = Arrays.stream(Reach.values()).filter(Reach::sharedInCity).map(Enum::name).toList();
        return jdbc.sql("""
                SELECT school_id, id, reach FROM material
                WHERE school_id <> :school AND ((phong_id = :phong AND reach IN (:district)) OR (so_id = :so AND reach IN (:city)))""")
                .param("school", schoolId).param("phong", phong).param("so", so).param("district", district).param("city", city)
                .query((rs, n) -> new SharedMaterial(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Reach.valueOf(rs.getString(3))))
                .list();
    }
}
