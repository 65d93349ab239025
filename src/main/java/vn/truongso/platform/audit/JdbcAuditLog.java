package vn.truongso.platform.audit;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.CurrentUser;

@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(String action, UUID orgUnitId, String subjectType, String subjectId, Map<String, ?> detail) {
        var user = CurrentUser.find();
        write(user.map(CurrentUser::id).orElse(null), user.map(CurrentUser::username).orElse("system"), action, orgUnitId,
                subjectType, subjectId, detail);
    }

    /** For events that happen before anyone is signed in, such as a failed sign-in. */
    void recordAs(UUID actorId, String actorName, String action, UUID orgUnitId, Map<String, ?> detail) {
        write(actorId, actorName, action, orgUnitId, "account", actorId == null ? null : actorId.toString(), detail);
    }

    private void write(UUID actorId, String actorName, String action, UUID orgUnitId, String subjectType, String subjectId,
            Map<String, ?> detail) {
        jdbc.sql("""
                INSERT INTO audit_event (actor_id, actor_name, action, org_unit_id, subject_type, subject_id, detail, client_address)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""")
                .params(actorId, actorName, action, orgUnitId, subjectType, subjectId,
                        json.writeValueAsString(detail == null ? Map.of() : detail), clientAddress())
                .update();
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
