package vn.truongso.materials.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.Reach;
import vn.truongso.materials.VersionStatus;

/** The materials of every school, kept with JdbcClient: loads a whole {@link Material} and saves what changed. */
@Repository
public class Materials {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Materials(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Material> find(UUID schoolId, UUID materialId) {
        var head = jdbc.sql("""
                SELECT school_id, id, phong_id, so_id, created_by, created_at, reach, live_version_id, row_version, unit_appraisal,
                    unit_appraiser_ids, unit_appraisal_round
                FROM material WHERE school_id = ? AND id = ?""").params(schoolId, materialId)
                .query((rs, n) -> new Object[] {rs.getObject("phong_id", UUID.class), rs.getObject("so_id", UUID.class),
                        rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(), Reach.valueOf(rs.getString("reach")),
                        rs.getObject("live_version_id", UUID.class), rs.getInt("row_version"),
                        new UnitAppraisal(UnitAppraisal.State.valueOf(rs.getString("unit_appraisal")), uuids(rs.getArray("unit_appraiser_ids")),
                                rs.getInt("unit_appraisal_round"))})
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get();
        Map<UUID, List<Appraisal>> appraisals = new HashMap<>();
        List<Appraisal> unitAppraisals = new ArrayList<>();
        for (Appraisal a : appraisals(schoolId, materialId)) {
            if (a.level() == Appraisal.Level.SCHOOL) {
                appraisals.computeIfAbsent(a.versionId(), k -> new ArrayList<>()).add(a);
            } else {
                unitAppraisals.add(a);
            }
        }
        List<MaterialVersion> versions = jdbc.sql("""
                SELECT * FROM material_version WHERE school_id = ? AND material_id = ? ORDER BY number""")
                .params(schoolId, materialId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new MaterialVersion(id, rs.getInt("number"), rs.getObject("created_by", UUID.class),
                            rs.getTimestamp("created_at").toInstant(), VersionStatus.valueOf(rs.getString("status")), content(rs),
                            uuids(rs.getArray("appraiser_ids")), rs.getInt("appraisal_round"), appraisals.getOrDefault(id, List.of()));
                }).list();
        Material material = new Material(schoolId, materialId, (UUID) h[0], (UUID) h[1], (UUID) h[2], (Instant) h[3], (Reach) h[4],
                (UUID) h[5], (Integer) h[6], versions);
        material.restoreUnitAppraisal((UnitAppraisal) h[7], unitAppraisals);
        return Optional.of(material);
    }

    /**
     * Writes the material, its new and changed versions, the transitions recorded since it was loaded and the new
     * appraisals. Two users moving the same material at once: the second save fails rather than overwrite the first.
     */
    public void save(Material material) {
        if (material.rowVersion() < 0) {
            jdbc.sql("""
                    INSERT INTO material (school_id, id, phong_id, so_id, reach, live_version_id, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, NULL, ?, ?)""")
                    .params(material.schoolId(), material.id(), material.phongId(), material.soId(), material.reach().name(),
                            material.createdBy(), Timestamp.from(material.createdAt()))
                    .update();
        }
        for (MaterialVersion v : material.versions()) {
            MaterialContent c = v.content();
            if (v.isNew) {
                jdbc.sql("""
                        INSERT INTO material_version (school_id, id, material_id, number, status, title, description, kind, subject_code,
                            grades, topic_ids, outcome_ids, competencies, language, licence, authors, link_url, appraiser_ids, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(material.schoolId(), v.id(), material.id(), v.number(), v.status().name(), c.title(), c.description(),
                                c.kind().name(), c.subjectCode(), c.grades().toArray(Integer[]::new), c.topicIds().toArray(UUID[]::new),
                                c.outcomeIds().toArray(UUID[]::new), c.competencies().toArray(String[]::new), c.language(), c.licence(),
                                c.authors().toArray(String[]::new), c.linkUrl(), v.appraiserIds().toArray(UUID[]::new), v.createdBy(),
                                Timestamp.from(v.createdAt()))
                        .update();
                v.isNew = false;
            } else {
                jdbc.sql("""
                        UPDATE material_version SET status = ?, title = ?, description = ?, kind = ?, subject_code = ?, grades = ?,
                            topic_ids = ?, outcome_ids = ?, competencies = ?, language = ?, licence = ?, authors = ?, link_url = ?,
                            appraiser_ids = ?, appraisal_round = ?, updated_at = now()
                        WHERE school_id = ? AND id = ?""")
                        .params(v.status().name(), c.title(), c.description(), c.kind().name(), c.subjectCode(),
                                c.grades().toArray(Integer[]::new), c.topicIds().toArray(UUID[]::new), c.outcomeIds().toArray(UUID[]::new),
                                c.competencies().toArray(String[]::new), c.language(), c.licence(), c.authors().toArray(String[]::new),
                                c.linkUrl(), v.appraiserIds().toArray(UUID[]::new), v.appraisalRound(), material.schoolId(), v.id())
                        .update();
            }
        }
        int updated = jdbc.sql("""
                UPDATE material SET reach = ?, live_version_id = ?, unit_appraisal = ?, unit_appraiser_ids = ?, unit_appraisal_round = ?,
                    updated_at = now(), row_version = row_version + 1
                WHERE school_id = ? AND id = ? AND row_version = ?""")
                .params(material.reach().name(), material.liveVersionId().orElse(null), material.unitAppraisal().state().name(),
                        material.unitAppraisal().appraiserIds().toArray(UUID[]::new), material.unitAppraisal().round(), material.schoolId(),
                        material.id(), Math.max(material.rowVersion(), 0))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("material " + material.id() + " was changed by someone else");
        }
        for (Transition t : material.recorded()) {
            jdbc.sql("""
                    INSERT INTO material_transition (school_id, id, material_id, version_id, action, from_state, to_state, actor_id, actor_name,
                        comment, at, row_version, changed_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(material.schoolId(), t.id(), material.id(), t.versionId(), t.action().name(), t.fromState(), t.toState(),
                            t.actor().id(), t.actor().name(), t.comment(), Timestamp.from(t.at()), Math.max(material.rowVersion(), 0) + 1,
                            t.action() == Action.EDIT ? material.changedFields(t.id()).toArray(String[]::new) : null)
                    .update();
        }
        for (Appraisal a : material.newAppraisals()) {
            jdbc.sql("""
                    INSERT INTO material_appraisal (school_id, id, material_id, version_id, level, round, appraiser_id, appraiser_name, recommendation,
                        comment, criteria, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""")
                    .params(material.schoolId(), a.id(), material.id(), a.versionId(), a.level().name(), a.round(), a.appraiser().id(),
                            a.appraiser().name(), a.recommendation().name(), a.comment(), json.writeValueAsString(a.criteria()),
                            Timestamp.from(a.at()))
                    .update();
        }
    }

    /** What was done to a material after it was at {@code rowVersion}: who, when, which move, which fields an edit changed. */
    public List<EditConflictException.Change> changesSince(UUID schoolId, UUID materialId, int rowVersion) {
        return jdbc.sql("""
                SELECT actor_name, at, action, changed_fields FROM material_transition
                WHERE school_id = ? AND material_id = ? AND row_version > ? ORDER BY at, id""")
                .params(schoolId, materialId, rowVersion)
                .query((rs, n) -> new EditConflictException.Change(rs.getString(1), rs.getTimestamp(2).toInstant(), Action.valueOf(rs.getString(3)),
                        strings(rs.getArray(4))))
                .list();
    }

    /** The history of a material, oldest first. */
    public List<Transition> history(UUID schoolId, UUID materialId) {
        return jdbc.sql("""
                SELECT * FROM material_transition WHERE school_id = ? AND material_id = ? ORDER BY at, id""")
                .params(schoolId, materialId)
                .query((rs, n) -> new Transition(rs.getObject("id", UUID.class), rs.getObject("version_id", UUID.class),
                        Action.valueOf(rs.getString("action")), rs.getString("from_state"), rs.getString("to_state"),
                        new Actor(rs.getObject("actor_id", UUID.class), rs.getString("actor_name")), rs.getString("comment"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    public List<Appraisal> appraisals(UUID schoolId, UUID materialId) {
        return jdbc.sql("SELECT * FROM material_appraisal WHERE school_id = ? AND material_id = ? ORDER BY at, id")
                .params(schoolId, materialId)
                .query((rs, n) -> new Appraisal(rs.getObject("id", UUID.class), rs.getObject("version_id", UUID.class),
                        Appraisal.Level.valueOf(rs.getString("level")), rs.getInt("round"), new Actor(rs.getObject("appraiser_id", UUID.class),
                        rs.getString("appraiser_name")), Appraisal.Recommendation.valueOf(rs.getString("recommendation")),
                        rs.getString("comment"), json.readValue(rs.getString("criteria"), new TypeReference<List<Appraisal.CriterionVerdict>>() {
                        }), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** One row of a list: the version shown and the material's state. */
    public record Listed(UUID schoolId, UUID id, UUID versionId, int versionNumber, String title, String description, MaterialKind kind,
            String subjectCode, List<Integer> grades, VersionStatus status, Reach reach, boolean live, UUID createdBy, Instant updatedAt,
            long views, long downloads) {
    }

    /** Filters of a list; null means any. */
    public record Filter(String subjectCode, Integer grade, MaterialKind kind, VersionStatus status, String text) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /**
     * Materials of a school as one of its roles sees them. {@code staffView}: the version in progress (else the live one)
     * of every material; otherwise only the live version of materials whose reach is at least {@code minimumReach}.
     */
    public List<Listed> ofSchool(UUID schoolId, boolean staffView, List<Reach> reaches, Filter filter, int limit) {
        String versionJoin = staffView
                ? "JOIN LATERAL (SELECT * FROM material_version v WHERE v.school_id = m.school_id AND v.material_id = m.id "
                        + "ORDER BY (v.status IN ('DRAFT','SUBMITTED','UNDER_APPRAISAL','RETURNED','APPRAISED')) DESC, "
                        + "(v.id = m.live_version_id) DESC, v.number DESC LIMIT 1) v ON true"
                : "JOIN material_version v ON v.school_id = m.school_id AND v.id = m.live_version_id";
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m " + versionJoin + " WHERE m.school_id = :school");
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        if (reaches != null) {
            sql.append(" AND m.reach IN (:reaches)");
            params.put("reaches", reaches.stream().map(Enum::name).toList());
        }
        return filtered(sql, params, filter, limit);
    }

    /**
     * Materials shared to a district or a city (other schools' included), live versions only: those shared in the
     * Phòng {@code phongId}, and those shared at the city level of the Sở {@code soId}.
     */
    public List<Listed> shared(UUID phongId, UUID soId, Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.id = m.live_version_id "
                + "WHERE ((m.phong_id = :phong AND m.reach IN ('SHARED_DISTRICT','PROPOSED_CITY','SHARED_CITY')) "
                + "OR (m.so_id = :so AND m.reach = 'SHARED_CITY'))");
        Map<String, Object> params = new HashMap<>();
        params.put("phong", phongId);
        params.put("so", soId);
        return filtered(sql, params, filter, limit);
    }

    /** Materials before a Phòng (proposed to it, or shared by it) or a Sở (proposed to it or shared at city level). */
    public List<Listed> beforeUnit(boolean district, UUID unitId, List<Reach> reaches, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.id = m.live_version_id WHERE "
                + (district ? "m.phong_id" : "m.so_id") + " = :unit AND m.reach IN (:reaches)");
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unitId);
        params.put("reaches", reaches.stream().map(Enum::name).toList());
        return filtered(sql, params, Filter.none(), limit);
    }

    /** Versions of the school in a given status (the inbox of the group head and the principal). */
    public List<Listed> withVersionStatus(UUID schoolId, List<VersionStatus> statuses, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.material_id = m.id "
                + "WHERE m.school_id = :school AND v.status IN (:statuses)");
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolId);
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        return filtered(sql, params, Filter.none(), limit);
    }

    /** Versions under appraisal in which the user is a named appraiser who has not yet given her appraisal. */
    public List<Listed> awaitingAppraisalBy(UUID userId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.material_id = m.id "
                + "WHERE v.status = 'UNDER_APPRAISAL' AND :user = ANY (v.appraiser_ids) AND NOT EXISTS (SELECT 1 FROM material_appraisal a "
                + "WHERE a.school_id = v.school_id AND a.version_id = v.id AND a.round = v.appraisal_round AND a.appraiser_id = :user)");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        return filtered(sql, params, Filter.none(), limit);
    }

    /** Proposals under appraisal at a Phòng or Sở in which the user is a named appraiser who has not yet given hers. */
    public List<Listed> awaitingUnitAppraisalBy(UUID userId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.id = m.live_version_id "
                + "WHERE m.unit_appraisal = 'UNDER_APPRAISAL' AND m.unit_appraiser_ids @> ARRAY[CAST(:user AS uuid)] "
                + "AND NOT EXISTS (SELECT 1 FROM material_appraisal a WHERE a.school_id = m.school_id AND a.material_id = m.id "
                + "AND a.level <> 'SCHOOL' AND a.round = m.unit_appraisal_round AND a.appraiser_id = :user)");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        return filtered(sql, params, Filter.none(), limit);
    }

    /** The user's own versions that wait for her: returned with comments, or drafts not yet submitted. */
    public List<Listed> authoredWaiting(UUID userId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.school_id, m.id, m.reach, m.live_version_id, m.view_count, m.download_count, "
                + "m.created_by, m.updated_at, v.id AS version_id, v.number, v.title, v.description, v.kind, v.subject_code, v.grades, v.status "
                + "FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.material_id = m.id "
                + "WHERE v.created_by = :user AND v.status IN ('RETURNED', 'DRAFT')");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        return filtered(sql, params, Filter.none(), limit);
    }

    /** Live materials of a school whose reach is at least PUBLISHED... as the plan counts them: approved, not archived. */
    public List<UUID> topicsWithApprovedMaterial(UUID schoolId, String subjectCode, int grade) {
        return jdbc.sql("""
                SELECT DISTINCT t FROM material m JOIN material_version v ON v.school_id = m.school_id AND v.id = m.live_version_id,
                    unnest(v.topic_ids) AS t
                WHERE m.school_id = ? AND m.reach <> 'ARCHIVED' AND v.subject_code = ? AND ? = ANY (v.grades)""")
                .params(schoolId, subjectCode, grade).query(UUID.class).list();
    }

    public void countView(UUID schoolId, UUID materialId) {
        jdbc.sql("UPDATE material SET view_count = view_count + 1 WHERE school_id = ? AND id = ?").params(schoolId, materialId).update();
    }

    public void countDownload(UUID schoolId, UUID materialId) {
        jdbc.sql("UPDATE material SET download_count = download_count + 1 WHERE school_id = ? AND id = ?").params(schoolId, materialId).update();
    }

    public record Counters(long views, long downloads) {
    }

    public Counters counters(UUID schoolId, UUID materialId) {
        return jdbc.sql("SELECT view_count, download_count FROM material WHERE school_id = ? AND id = ?").params(schoolId, materialId)
                .query((rs, n) -> new Counters(rs.getLong(1), rs.getLong(2))).single();
    }

    private List<Listed> filtered(StringBuilder sql, Map<String, Object> params, Filter filter, int limit) {
        if (filter.subjectCode() != null && !filter.subjectCode().isBlank()) {
            sql.append(" AND v.subject_code = :subject");
            params.put("subject", filter.subjectCode().strip().toUpperCase());
        }
        if (filter.grade() != null) {
            sql.append(" AND :grade = ANY (v.grades)");
            params.put("grade", filter.grade());
        }
        if (filter.kind() != null) {
            sql.append(" AND v.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            sql.append(" AND v.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (v.title ILIKE :text OR v.description ILIKE :text)");
            params.put("text", "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY m.updated_at DESC, m.id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> listed(rs)).list();
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        UUID versionId = rs.getObject("version_id", UUID.class);
        return new Listed(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), versionId, rs.getInt("number"),
                rs.getString("title"), rs.getString("description"), MaterialKind.valueOf(rs.getString("kind")), rs.getString("subject_code"),
                ints(rs.getArray("grades")), VersionStatus.valueOf(rs.getString("status")), Reach.valueOf(rs.getString("reach")),
                versionId.equals(rs.getObject("live_version_id", UUID.class)), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("view_count"), rs.getLong("download_count"));
    }

    private static MaterialContent content(ResultSet rs) throws SQLException {
        return new MaterialContent(rs.getString("title"), rs.getString("description"), MaterialKind.valueOf(rs.getString("kind")),
                rs.getString("subject_code"), ints(rs.getArray("grades")), uuids(rs.getArray("topic_ids")), uuids(rs.getArray("outcome_ids")),
                strings(rs.getArray("competencies")), rs.getString("language"), rs.getString("licence"), strings(rs.getArray("authors")),
                rs.getString("link_url"));
    }

    static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
