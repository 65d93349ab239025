package vn.truongso.materials.search;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.VersionStatus;
import vn.truongso.platform.CurrentUser;

/**
 * Search of the learning materials a user sees from one school: 404 for a school outside her grants, 403 for a role
 * without VIEW_MATERIALS, 400 for a bad parameter.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Materials", description = "Learning materials: versions, files, appraisal, approval, sharing, plan, inbox")
class MaterialSearchApi {

    private final MaterialSearch search;

    MaterialSearchApi(MaterialSearch search) {
        this.search = search;
    }

    @GetMapping("/schools/{schoolId}/materials/search")
    @Operation(summary = "Full-text search (diacritics-insensitive, typo-tolerant, ranked) with filters and facets: the school's "
            + "materials as the caller sees them, and what other schools shared in its district (scope=district) or city (scope=city)")
    MaterialSearch.Result search(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) MaterialKind kind, @RequestParam(required = false) UUID topic,
            @RequestParam(required = false) VersionStatus status, @RequestParam(required = false) String scope,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return search.search(user, schoolId, new MaterialSearch.Query(q, subject, grade, kind, topic, status, MaterialSearch.scope(scope), page, size));
    }
}
