package vn.truongso.materials.domain;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * How a school appraises (quy chế thẩm định): by the group head alone or by a council, and the rubric's criteria. A
 * school that has set nothing appraises alone with the default rubric.
 */
@Repository
public class AppraisalSettings {

    /** Accuracy, alignment with the required outcomes, pedagogy, technical quality, copyright. */
    public static final List<String> DEFAULT_RUBRIC = List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public record Settings(boolean council, List<String> rubric) {
        public Settings {
            rubric = List.copyOf(rubric);
        }
    }

    private final JdbcClient jdbc;

    AppraisalSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings of(UUID schoolId) {
        return jdbc.sql("SELECT appraisal_mode, rubric FROM material_settings WHERE school_id = ?").param(schoolId)
                .query((rs, n) -> new Settings("COUNCIL".equals(rs.getString(1)), Materials.strings(rs.getArray(2))))
                .optional().orElse(new Settings(false, DEFAULT_RUBRIC));
    }

    /** Criteria are upper-case codes (the pages name the default ones; a school's own are shown as written). */
    public Settings save(UUID schoolId, boolean council, List<String> rubric) {
        List<String> criteria = rubric == null ? List.of() : rubric.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (criteria.isEmpty()) {
            throw new BadInputException(InputError.field("rubric", "materials.error.required"));
        }
        for (String c : criteria) {
            if (!CODE.matcher(c).matches()) {
                throw new BadInputException(InputError.field("rubric", "materials.error.badCriterion", c));
            }
        }
        jdbc.sql("""
                INSERT INTO material_settings (school_id, appraisal_mode, rubric) VALUES (?, ?, ?)
                ON CONFLICT (school_id) DO UPDATE SET appraisal_mode = EXCLUDED.appraisal_mode, rubric = EXCLUDED.rubric, updated_at = now()""")
                .params(schoolId, council ? "COUNCIL" : "SINGLE", criteria.toArray(String[]::new)).update();
        return new Settings(council, criteria);
    }
}
