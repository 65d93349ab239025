package vn.truongso.materials.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.Topic;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;

/**
 * The principal's plan for building the repository (kế hoạch xây dựng kho học liệu): which subject group covers which
 * subject in which grade, to what share of the curriculum's topics, by when; and the progress against it.
 */
@Service
public class MaterialPlans {

    public record Target(UUID id, String subjectGroup, String subjectCode, int grade, int targetPercent, LocalDate dueOn, String note) {
    }

    /**
     * Progress of one target: the grade's topics of the subject in the curriculum, how many have at least one approved
     * material, the share in whole percent (rounded down, so 100 means every topic), and whether it is overdue (past
     * its date and short of its target).
     */
    public record Progress(Target target, String subjectName, int topics, int covered, int percent, boolean met, boolean overdue,
            long daysLeft) {
    }

    private final JdbcClient jdbc;
    private final Curriculum curriculum;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Materials materials;

    MaterialPlans(JdbcClient jdbc, Curriculum curriculum, AccessPolicy access, AuditLog audit, Materials materials) {
        this.jdbc = jdbc;
        this.curriculum = curriculum;
        this.access = access;
        this.audit = audit;
        this.materials = materials;
    }

    /** The plan as staff of the school (and the officers above it) read it. */
    public List<Target> targets(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS);
        return targets(schoolId);
    }

    private List<Target> targets(UUID schoolId) {
        return jdbc.sql("""
                SELECT id, subject_group, subject_code, grade, target_percent, due_on, note FROM material_plan_target
                WHERE school_id = ? ORDER BY due_on, grade, subject_code""").param(schoolId)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /** Adds a target, or replaces the one for the same subject and grade. */
    @Transactional
    public Target save(CurrentUser user, UUID schoolId, String subjectGroup, String subjectCode, Integer grade, Integer targetPercent,
            LocalDate dueOn, String note) {
        access.require(user, schoolId, Capability.APPROVE_MATERIALS);
        List<InputError> errors = new ArrayList<>();
        String group = MaterialValidation.clean(subjectGroup);
        if (group.isEmpty()) {
            errors.add(InputError.field("subjectGroup", "materials.error.required"));
        }
        Subject subject = subjectCode == null || subjectCode.isBlank() ? null : curriculum.subject(subjectCode.strip()).orElse(null);
        if (subject == null) {
            errors.add(subjectCode == null || subjectCode.isBlank() ? InputError.field("subjectCode", "materials.error.required")
                    : InputError.field("subjectCode", "materials.error.unknownSubject", subjectCode.strip()));
        }
        if (grade == null || grade < 1 || grade > 12) {
            errors.add(InputError.field("grade", "materials.error.badGrade", String.valueOf(grade)));
        } else if (subject != null && !subject.taughtIn(grade)) {
            errors.add(InputError.field("grade", "materials.error.subjectNotInGrade", subject.nameVi(), grade));
        }
        int percent = targetPercent == null ? 100 : targetPercent;
        if (percent < 1 || percent > 100) {
            errors.add(InputError.field("targetPercent", "materials.error.badPercent", percent));
        }
        if (dueOn == null) {
            errors.add(InputError.field("dueOn", "materials.error.required"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        String cleanNote = note == null || note.isBlank() ? null : MaterialValidation.clean(note);
        UUID id = jdbc.sql("""
                INSERT INTO material_plan_target (school_id, id, subject_group, subject_code, grade, target_percent, due_on, note, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, subject_code, grade) DO UPDATE SET subject_group = EXCLUDED.subject_group,
                    target_percent = EXCLUDED.target_percent, due_on = EXCLUDED.due_on, note = EXCLUDED.note
                RETURNING id""")
                .params(schoolId, Ids.newId(), group, subject.code(), grade, percent, dueOn, cleanNote, user.id()).query(UUID.class).single();
        audit.record("materials.plan.save", schoolId, "material-plan", id.toString(),
                Map.of("subject", subject.code(), "grade", grade, "group", group, "percent", percent, "dueOn", dueOn.toString()));
        return new Target(id, group, subject.code(), grade, percent, dueOn, cleanNote);
    }

    @Transactional
    public void remove(CurrentUser user, UUID schoolId, UUID targetId) {
        access.require(user, schoolId, Capability.APPROVE_MATERIALS);
        int removed = jdbc.sql("DELETE FROM material_plan_target WHERE school_id = ? AND id = ?").params(schoolId, targetId).update();
        if (removed == 0) {
            throw new NotFoundException("target " + targetId);
        }
        audit.record("materials.plan.remove", schoolId, "material-plan", targetId.toString(), Map.of());
    }

    public List<Progress> progress(CurrentUser user, UUID schoolId, LocalDate today) {
        access.require(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS);
        List<Progress> result = new ArrayList<>();
        for (Target target : targets(schoolId)) {
            List<Topic> topics = curriculum.topics(target.subjectCode(), target.grade());
            Set<UUID> covered = new HashSet<>(materials.topicsWithApprovedMaterial(schoolId, target.subjectCode(), target.grade()));
            int coveredCount = (int) topics.stream().filter(t -> covered.contains(t.id())).count();
            int percent = topics.isEmpty() ? 0 : coveredCount * 100 / topics.size();
            boolean met = !topics.isEmpty() && percent >= target.targetPercent();
            String name = curriculum.subject(target.subjectCode()).map(Subject::nameVi).orElse(target.subjectCode());
            result.add(new Progress(target, name, topics.size(), coveredCount, percent, met, !met && today.isAfter(target.dueOn()),
                    java.time.temporal.ChronoUnit.DAYS.between(today, target.dueOn())));
        }
        return result;
    }
}
