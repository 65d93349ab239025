package vn.truongso.materials.domain;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.materials.MaterialLibrary;

/** {@link MaterialLibrary} over the {@link Materials} repository. */
@Component
class JdbcMaterialLibrary implements MaterialLibrary {

    private final Materials materials;

    JdbcMaterialLibrary(Materials materials) {
        this.materials = materials;
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
}
