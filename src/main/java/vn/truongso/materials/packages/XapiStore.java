package vn.truongso.materials.packages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;

/**
 * The small xAPI store a cmi5 AU needs: its statements, checked and kept per learner's attempt, and its activity state
 * documents. Each statement also moves the attempt's completion, success and score, which the tracking view reads.
 */
@Repository
public class XapiStore {

    static final String VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String VERB_PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String VERB_FAILED = "http://adlnet.gov/expapi/verbs/failed";
    private static final int MAX_STATEMENT_CHARS = 256 * 1024;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    XapiStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Checks statements sent by the launched learner's AU: an object per statement, the actor the launched learner,
     * a verb with an id, an object with an id, and a UUID id when one is given. Every fault is located by the
     * statement's index ("statements[2].actor").
     */
    List<JsonNode> check(JsonNode body, UUID accountId, String forcedId) {
        List<JsonNode> statements = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(statements::add);
        } else if (body != null && body.isObject()) {
            statements.add(body);
        }
        List<InputError> errors = new ArrayList<>();
        if (statements.isEmpty()) {
            errors.add(InputError.field("statements", "packages.xapi.noStatement"));
        }
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String at = statements.size() == 1 && !body.isArray() ? "statement" : "statements[" + i + "]";
            if (!s.isObject()) {
                errors.add(InputError.field(at, "packages.xapi.notAnObject"));
                continue;
            }
            JsonNode account = s.path("actor").path("account");
            if (!PackageLaunches.ACTOR_HOME_PAGE.equals(account.path("homePage").asString(null))
                    || !accountId.toString().equals(account.path("name").asString(null))) {
                errors.add(InputError.field(at + ".actor", "packages.xapi.wrongActor"));
            }
            String verb = s.path("verb").path("id").asString(null);
            if (verb == null || verb.isBlank()) {
                errors.add(InputError.field(at + ".verb.id", "packages.xapi.verbRequired"));
            }
            String object = s.path("object").path("id").asString(null);
            if (object == null || object.isBlank()) {
                errors.add(InputError.field(at + ".object.id", "packages.xapi.objectRequired"));
            }
            String id = s.path("id").asString(null);
            if (id != null && !isUuid(id)) {
                errors.add(InputError.field(at + ".id", "packages.xapi.badId", id));
            }
            if (forcedId != null && id != null && !forcedId.equalsIgnoreCase(id)) {
                errors.add(InputError.field(at + ".id", "packages.xapi.idMismatch", id, forcedId));
            }
            if (s.toString().length() > MAX_STATEMENT_CHARS) {
                errors.add(InputError.field(at, "packages.xapi.tooLarge"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return statements;
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Stores checked statements for the attempt and derives its completion (completed), success (passed / failed)
     * and score (result.score scaled and raw). A statement id already stored for this attempt is kept as it was
     * (xAPI statements are immutable). Returns the ids.
     */
    @Transactional
    public List<UUID> store(UUID schoolId, UUID attemptId, UUID accountId, List<JsonNode> statements, String forcedId) {
        List<UUID> ids = new ArrayList<>();
        for (JsonNode s : statements) {
            String given = forcedId != null ? forcedId : s.path("id").asString(null);
            UUID id = given == null ? Ids.newId() : UUID.fromString(given);
            String verb = s.path("verb").path("id").asString();
            int inserted = jdbc.sql("""
                    INSERT INTO xapi_statement (school_id, id, attempt_id, account_id, verb, statement) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT (school_id, id) DO NOTHING""")
                    .params(schoolId, id, attemptId, accountId, verb, json.writeValueAsString(s)).update();
            ids.add(id);
            if (inserted == 1) {
                derive(schoolId, attemptId, verb, s.path("result"));
            }
        }
        return ids;
    }

    private void derive(UUID schoolId, UUID attemptId, String verb, JsonNode result) {
        String completion = VERB_COMPLETED.equals(verb) || result.path("completion").asBoolean(false) ? "completed" : null;
        String success = VERB_PASSED.equals(verb) ? "passed" : VERB_FAILED.equals(verb) ? "failed" : null;
        BigDecimal scaled = decimal(result.path("score").path("scaled"));
        BigDecimal raw = decimal(result.path("score").path("raw"));
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE.negate()) < 0 || scaled.compareTo(BigDecimal.ONE) > 0)) {
            throw new BadInputException(InputError.field("result.score.scaled", "packages.xapi.badScaled", scaled.toPlainString()));
        }
        jdbc.sql("""
                UPDATE content_package_attempt SET completion_status = COALESCE(?, completion_status), success_status = COALESCE(?, success_status),
                    score_scaled = COALESCE(?, score_scaled), score_raw = COALESCE(?, score_raw), commits = commits + 1, updated_at = now()
                WHERE school_id = ? AND id = ?""")
                .params(completion, success, scaled, raw, schoolId, attemptId).update();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return node.decimalValue();
    }

    public List<JsonNode> statements(UUID schoolId, UUID attemptId) {
        return jdbc.sql("SELECT statement::text FROM xapi_statement WHERE school_id = ? AND attempt_id = ? ORDER BY stored_at, id")
                .params(schoolId, attemptId).query(String.class).list().stream().map(json::readTree).toList();
    }

    public record StateDocument(String contentType, String document) {
    }

    Optional<StateDocument> state(UUID schoolId, UUID attemptId, String activityId, String stateId) {
        return jdbc.sql("SELECT content_type, document FROM xapi_state WHERE school_id = ? AND attempt_id = ? AND activity_id = ? AND state_id = ?")
                .params(schoolId, attemptId, activityId, stateId).query((rs, n) -> new StateDocument(rs.getString(1), rs.getString(2))).optional();
    }

    void putState(UUID schoolId, UUID attemptId, String activityId, String stateId, String contentType, String document) {
        jdbc.sql("""
                INSERT INTO xapi_state (school_id, attempt_id, activity_id, state_id, content_type, document) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, attempt_id, activity_id, state_id)
                DO UPDATE SET content_type = EXCLUDED.content_type, document = EXCLUDED.document, updated_at = now()""")
                .params(schoolId, attemptId, activityId, stateId, contentType, document).update();
    }
}
