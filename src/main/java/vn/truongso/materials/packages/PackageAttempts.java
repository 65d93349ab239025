package vn.truongso.materials.packages;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Ids;

/**
 * Learners' SCORM tracking data per (school, package, learner, item): the data model as committed (JSON), and the
 * status, score and time that reports read as columns. A commit merges what the content set since the last one; the
 * next launch starts from the stored data (suspend data, location), with {@code entry = resume} after a suspend.
 */
@Repository
public class PackageAttempts {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PackageAttempts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The learner's attempt at the item, created on the first launch. */
    UUID open(UUID schoolId, UUID packageSchoolId, UUID packageId, UUID accountId, String itemId) {
        return jdbc.sql("""
                INSERT INTO content_package_attempt (school_id, id, package_id, account_id, item_id, package_school_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, package_id, account_id, item_id) DO UPDATE SET item_id = EXCLUDED.item_id
                RETURNING id""")
                .params(schoolId, Ids.newId(), packageId, accountId, itemId, packageSchoolId).query(UUID.class).single();
    }

    public Optional<Attempt> find(UUID schoolId, UUID attemptId) {
        return jdbc.sql("SELECT * FROM content_package_attempt WHERE school_id = ? AND id = ?").params(schoolId, attemptId)
                .query(this::map).optional();
    }

    public Optional<Attempt> find(UUID schoolId, UUID packageId, UUID accountId, String itemId) {
        return jdbc.sql("SELECT * FROM content_package_attempt WHERE school_id = ? AND package_id = ? AND account_id = ? AND item_id = ?")
                .params(schoolId, packageId, accountId, itemId).query(this::map).optional();
    }

    public List<Attempt> ofPackage(UUID schoolId, UUID packageId) {
        return jdbc.sql("SELECT * FROM content_package_attempt WHERE school_id = ? AND package_id = ? ORDER BY updated_at DESC LIMIT 2000")
                .params(schoolId, packageId).query(this::map).list();
    }

    /**
     * Merges a commit into the attempt. On the content's LMSFinish/Terminate, the session time is added to the total
     * time and cleared, as SCORM asks.
     */
    @Transactional
    public Attempt commit(UUID schoolId, UUID attemptId, PackageStandard standard, Map<String, String> values, boolean finished) {
        var errors = ScormData.check(standard, values);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        Attempt current = jdbc.sql("SELECT * FROM content_package_attempt WHERE school_id = ? AND id = ? FOR UPDATE")
                .params(schoolId, attemptId).query(this::map).optional().orElseThrow();
        Map<String, String> cmi = new LinkedHashMap<>(current.cmi());
        cmi.putAll(values);
        BigDecimal total = current.totalSeconds();
        String sessionKey = standard == PackageStandard.SCORM_12 ? "cmi.core.session_time" : "cmi.session_time";
        if (finished) {
            total = total.add(ScormData.seconds(cmi.remove(sessionKey)));
        }
        String serialized = json.writeValueAsString(cmi);
        if (serialized.length() > 4_000_000) {
            throw new BadInputException(vn.truongso.platform.InputError.general("packages.tracking.tooLarge"));
        }
        String lessonStatus = standard == PackageStandard.SCORM_12 ? cmi.get("cmi.core.lesson_status") : null;
        BigDecimal raw = ScormData.decimal(cmi.get(standard == PackageStandard.SCORM_12 ? "cmi.core.score.raw" : "cmi.score.raw"));
        BigDecimal scaled = standard == PackageStandard.SCORM_12 ? null : ScormData.decimal(cmi.get("cmi.score.scaled"));
        jdbc.sql("""
                UPDATE content_package_attempt SET cmi = CAST(? AS jsonb), lesson_status = ?, completion_status = ?, success_status = ?,
                    score_raw = ?, score_scaled = ?, total_seconds = ?, commits = commits + 1, updated_at = now()
                WHERE school_id = ? AND id = ?""")
                .params(serialized, lessonStatus, cmi.get("cmi.completion_status"), cmi.get("cmi.success_status"), raw, scaled, total,
                        schoolId, attemptId)
                .update();
        return find(schoolId, attemptId).orElseThrow();
    }

    /** The data model the runtime starts from: the learner's stored values plus the read-only elements of this launch. */
    static Map<String, String> initialValues(Attempt attempt, PackageStandard standard, PackageStructure.Item item, String learnerId,
            String learnerName) {
        Map<String, String> values = new HashMap<>(attempt.cmi());
        values.keySet().removeIf(k -> k.equals("cmi.core.exit") || k.equals("cmi.exit") || k.equals("cmi.core.session_time")
                || k.equals("cmi.session_time") || k.equals("adl.nav.request"));
        String exit = attempt.cmi().getOrDefault(standard == PackageStandard.SCORM_12 ? "cmi.core.exit" : "cmi.exit", "");
        String entry = exit.equals("suspend") ? "resume" : attempt.commits() == 0 ? "ab-initio" : "";
        String launchData = item.launchData() == null ? "" : item.launchData().trim();
        if (standard == PackageStandard.SCORM_12) {
            values.put("cmi.core.student_id", learnerId);
            values.put("cmi.core.student_name", learnerName);
            values.putIfAbsent("cmi.core.lesson_status", "not attempted");
            values.putIfAbsent("cmi.core.lesson_location", "");
            values.putIfAbsent("cmi.suspend_data", "");
            values.put("cmi.core.credit", "credit");
            values.put("cmi.core.entry", entry);
            values.put("cmi.core.lesson_mode", "normal");
            values.put("cmi.core.total_time", ScormData.timespan12(attempt.totalSeconds()));
            values.put("cmi.launch_data", launchData);
            values.put("cmi.comments_from_lms", "");
            values.put("cmi.student_data.mastery_score", item.masteryScore() == null ? "" : item.masteryScore());
            values.put("cmi.student_data.max_time_allowed", "");
            values.put("cmi.student_data.time_limit_action", "");
        } else {
            values.put("cmi._version", "1.0");
            values.put("cmi.learner_id", learnerId);
            values.put("cmi.learner_name", learnerName);
            values.putIfAbsent("cmi.completion_status", "unknown");
            values.putIfAbsent("cmi.success_status", "unknown");
            values.put("cmi.credit", "credit");
            values.put("cmi.entry", entry);
            values.put("cmi.mode", "normal");
            values.put("cmi.total_time", ScormData.duration(attempt.totalSeconds()));
            values.put("cmi.launch_data", launchData);
            values.put("cmi.max_time_allowed", "");
            values.put("cmi.time_limit_action", "continue,no message");
            if (item.masteryScore() != null) {
                values.put("cmi.scaled_passing_score", item.masteryScore());
            }
            values.put("adl.nav.request", "_none_");
            values.put("adl.nav.request_valid.continue", "unknown");
            values.put("adl.nav.request_valid.previous", "unknown");
        }
        return values;
    }

    private Attempt map(ResultSet rs, int n) throws SQLException {
        return new Attempt(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("package_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getString("item_id"), json.readValue(rs.getString("cmi"), MAP),
                rs.getString("lesson_status"), rs.getString("completion_status"), rs.getString("success_status"), rs.getBigDecimal("score_raw"),
                rs.getBigDecimal("score_scaled"), rs.getBigDecimal("total_seconds"), rs.getInt("commits"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
