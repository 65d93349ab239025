package vn.truongso.materials.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.InputError;

/**
 * Teachers' ratings (1–5 stars) and comments on approved materials they can open, their own school's or one shared
 * to their district or city. One rating per teacher per material; rating again replaces it.
 */
@Service
public class MaterialRatings {

    public record Rating(UUID userId, String userName, int stars, String comment, Instant at) {
    }

    /** The average to one decimal (HALF_UP), null when nobody has rated. */
    public record Summary(int count, BigDecimal average, List<Rating> ratings) {
    }

    private final MaterialService service;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AccessPolicy access;

    MaterialRatings(MaterialService service, JdbcClient jdbc, AuditLog audit, AccessPolicy access) {
        this.service = service;
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    public Summary of(CurrentUser user, UUID schoolId, UUID materialId) {
        service.visible(user, schoolId, materialId);
        return summary(schoolId, materialId);
    }

    public Summary summary(UUID schoolId, UUID materialId) {
        List<Rating> ratings = jdbc.sql("SELECT user_id, user_name, stars, comment, at FROM material_rating WHERE school_id = ? AND material_id = ? ORDER BY at DESC")
                .params(schoolId, materialId)
                .query((rs, n) -> new Rating(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
        BigDecimal average = ratings.isEmpty() ? null
                : BigDecimal.valueOf(ratings.stream().mapToInt(Rating::stars).sum()).divide(BigDecimal.valueOf(ratings.size()), 1, RoundingMode.HALF_UP);
        return new Summary(ratings.size(), average, ratings);
    }

    @Transactional
    public Summary rate(CurrentUser user, UUID schoolId, UUID materialId, Integer stars, String comment) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        boolean teacher = access.reaches(user, schoolId) ? access.allows(user, schoolId, Capability.CONTRIBUTE_MATERIALS)
                : user.grants().stream().anyMatch(g -> Capability.CONTRIBUTE_MATERIALS.grantedTo(g.role()));
        if (!teacher) {
            throw new ForbiddenException("rating material " + materialId);
        }
        if (visible.material().live().isEmpty()) {
            throw new WorkflowException("materials.workflow.notApproved");
        }
        if (stars == null || stars < 1 || stars > 5) {
            throw new BadInputException(InputError.field("stars", "materials.error.badStars", String.valueOf(stars)));
        }
        String text = comment == null || comment.isBlank() ? null : MaterialValidation.clean(comment);
        if (text != null && text.length() > 2000) {
            throw new BadInputException(InputError.field("comment", "materials.error.tooLong", 2000));
        }
        jdbc.sql("""
                INSERT INTO material_rating (school_id, material_id, user_id, user_name, stars, comment) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, material_id, user_id) DO UPDATE SET stars = EXCLUDED.stars, comment = EXCLUDED.comment, at = now()""")
                .params(schoolId, materialId, user.id(), Actor.of(user).name(), stars, text).update();
        audit.record("materials.rate", schoolId, "material", materialId.toString(), Map.of("stars", stars));
        return summary(schoolId, materialId);
    }
}
