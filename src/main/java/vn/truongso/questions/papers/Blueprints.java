package vn.truongso.questions.papers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The blueprint and blueprint_bank tables. */
@Repository
class Blueprints {

    private static final String SELECT = """
            SELECT b.*, ARRAY(SELECT bb.bank_id FROM blueprint_bank bb WHERE bb.school_id = b.school_id AND bb.blueprint_id = b.id
                              ORDER BY bb.position) AS bank_ids
            FROM blueprint b""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Blueprints(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Blueprint> ofSchool(UUID schoolId) {
        return jdbc.sql(SELECT + " WHERE b.school_id = ? ORDER BY b.updated_at DESC, b.id").param(schoolId).query((rs, n) -> row(rs)).list();
    }

    Optional<Blueprint> find(UUID schoolId, UUID id) {
        return jdbc.sql(SELECT + " WHERE b.school_id = ? AND b.id = ?").params(schoolId, id).query((rs, n) -> row(rs)).optional();
    }

    void insert(UUID schoolId, UUID id, BlueprintInput in, UUID createdBy, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO blueprint (school_id, id, name, subject_code, grade, duration_minutes, cognitive_scheme, total_points, cells, specs,
                                       created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)""")
                .params(schoolId, id, in.name(), in.subjectCode(), in.grade(), in.durationMinutes(), in.cognitiveScheme(), in.totalPoints(),
                        json.writeValueAsString(in.cells()), json.writeValueAsString(in.specs()), createdBy, now, now)
                .update();
        insertBanks(schoolId, id, in.bankIds());
    }

    void update(UUID schoolId, UUID id, BlueprintInput in, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE blueprint SET name = ?, subject_code = ?, grade = ?, duration_minutes = ?, cognitive_scheme = ?, total_points = ?,
                                     cells = CAST(? AS jsonb), specs = CAST(? AS jsonb), updated_at = ?
                WHERE school_id = ? AND id = ?""")
                .params(in.name(), in.subjectCode(), in.grade(), in.durationMinutes(), in.cognitiveScheme(), in.totalPoints(),
                        json.writeValueAsString(in.cells()), json.writeValueAsString(in.specs()), now, schoolId, id)
                .update();
        jdbc.sql("DELETE FROM blueprint_bank WHERE school_id = ? AND blueprint_id = ?").params(schoolId, id).update();
        insertBanks(schoolId, id, in.bankIds());
    }

    void delete(UUID schoolId, UUID id) {
        jdbc.sql("DELETE FROM blueprint WHERE school_id = ? AND id = ?").params(schoolId, id).update();
    }

    private void insertBanks(UUID schoolId, UUID id, List<UUID> bankIds) {
        int position = 0;
        for (UUID bankId : bankIds) {
            jdbc.sql("INSERT INTO blueprint_bank (school_id, blueprint_id, bank_id, position) VALUES (?, ?, ?, ?)")
                    .params(schoolId, id, bankId, position++).update();
        }
    }

    private Blueprint row(ResultSet rs) throws SQLException {
        UUID[] banks = (UUID[]) rs.getArray("bank_ids").getArray();
        List<BlueprintCell> cells = json.readValue(rs.getString("cells"), new TypeReference<List<BlueprintCell>>() { });
        List<SpecRow> specs = json.readValue(rs.getString("specs"), new TypeReference<List<SpecRow>>() { });
        int g = rs.getInt("grade");
        Integer grade = rs.wasNull() ? null : g;
        return new Blueprint(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("subject_code"), grade, rs.getInt("duration_minutes"), rs.getString("cognitive_scheme"),
                rs.getBigDecimal("total_points").stripTrailingZeros(), new ArrayList<>(Arrays.asList(banks)), cells, specs,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
