package vn.truongso.materials;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The repository as other parts of the application read it, with no authorisation of its own: the caller has already
 * decided that its user may see the school.
 */
public interface MaterialLibrary {

    /**
     * A material as listed: the version shown (the working version to its school's staff, else the live one), its
     * status, and how far the approved version reaches.
     */
    record MaterialSummary(UUID schoolId, UUID id, UUID liveVersionId, UUID shownVersionId, String title, MaterialKind kind,
            String subjectCode, List<Integer> grades, VersionStatus status, Reach reach) {
    }

    Optional<MaterialSummary> find(UUID schoolId, UUID materialId);

    /** Another school's material shared with a school: in its district (Phòng) or in its city (Sở). */
    record SharedMaterial(UUID schoolId, UUID materialId, Reach reach) {
    }

    /**
     * The other schools' materials shared with this school's district or city, exactly as MaterialService lets its
     * members open them (shared in the district: SHARED_DISTRICT, PROPOSED_CITY, SHARED_CITY; in the city: SHARED_CITY).
     */
    List<SharedMaterial> sharedWith(UUID schoolId);

    /** The curriculum topics of a subject in a grade that have at least one approved (live) material of the school. */
    Set<UUID> coveredTopics(UUID schoolId, String subjectCode, int grade);
}
