package vn.truongso.materials.packages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.truongso.platform.InputError;

/**
 * The server's side of the SCORM data model: which elements content may store (the runtime script checks every call;
 * the server checks again, since a commit is just an HTTP request), and the conversions reports need (status, score,
 * session time in seconds).
 */
final class ScormData {

    static final int MAX_VALUE_LENGTH = 64000;

    private static final Pattern WRITABLE_12 = Pattern.compile("cmi\\.core\\.(lesson_location|lesson_status|exit|session_time|score\\.(raw|min|max))"
            + "|cmi\\.(suspend_data|comments)"
            + "|cmi\\.objectives\\.\\d{1,4}\\.(id|status|score\\.(raw|min|max))"
            + "|cmi\\.student_preference\\.(audio|language|speed|text)"
            + "|cmi\\.interactions\\.\\d{1,4}\\.(id|time|type|weighting|student_response|result|latency|objectives\\.\\d{1,4}\\.id"
            + "|correct_responses\\.\\d{1,4}\\.pattern)");
    private static final Pattern WRITABLE_2004 = Pattern.compile("cmi\\.(completion_status|success_status|location|suspend_data|exit|session_time"
            + "|progress_measure|score\\.(scaled|raw|min|max))"
            + "|cmi\\.comments_from_learner\\.\\d{1,4}\\.(comment|location|timestamp)"
            + "|cmi\\.learner_preference\\.(audio_level|language|delivery_speed|audio_captioning)"
            + "|cmi\\.objectives\\.\\d{1,4}\\.(id|success_status|completion_status|progress_measure|description|score\\.(scaled|raw|min|max))"
            + "|cmi\\.interactions\\.\\d{1,4}\\.(id|type|timestamp|weighting|learner_response|result|latency|description"
            + "|objectives\\.\\d{1,4}\\.id|correct_responses\\.\\d{1,4}\\.pattern)"
            + "|adl\\.nav\\.request");
    private static final Map<String, Set<String>> VOCABULARIES = Map.of(
            "cmi.core.lesson_status", Set.of("passed", "completed", "failed", "incomplete", "browsed"),
            "cmi.core.exit", Set.of("", "time-out", "suspend", "logout"),
            "cmi.completion_status", Set.of("completed", "incomplete", "not attempted", "unknown"),
            "cmi.success_status", Set.of("passed", "failed", "unknown"),
            "cmi.exit", Set.of("", "time-out", "suspend", "logout", "normal"));
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,10}(\\.\\d{1,7})?|\\.\\d{1,7})");
    private static final Pattern TIMESPAN_12 = Pattern.compile("(\\d{2,4}):(\\d{2}):(\\d{2}(\\.\\d{1,2})?)");
    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d{1,2})?)S)?)?");

    private ScormData() {
    }

    /** Every problem of a commit's values, each naming its element. */
    static List<InputError> check(PackageStandard standard, Map<String, String> values) {
        List<InputError> errors = new ArrayList<>();
        Pattern writable = standard == PackageStandard.SCORM_12 ? WRITABLE_12 : WRITABLE_2004;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            if (!writable.matcher(key).matches()) {
                errors.add(InputError.field(key, "packages.tracking.badValue", key, abbreviate(value)));
            } else if (value.length() > MAX_VALUE_LENGTH
                    || (VOCABULARIES.containsKey(key) && !VOCABULARIES.get(key).contains(value))
                    || (key.matches("cmi\\.(core\\.)?score\\.(raw|min|max|scaled)|cmi\\.progress_measure") && !value.isEmpty()
                            && !DECIMAL.matcher(value).matches())
                    || (key.equals("cmi.score.scaled") && !value.isEmpty() && new BigDecimal(value).abs().compareTo(BigDecimal.ONE) > 0)
                    || (key.equals("cmi.core.session_time") && !TIMESPAN_12.matcher(value).matches())
                    || (key.equals("cmi.session_time") && !validDuration(value))
                    || (standard == PackageStandard.SCORM_12 && key.equals("cmi.suspend_data") && value.length() > 4096)) {
                errors.add(InputError.field(key, "packages.tracking.badValue", key, abbreviate(value)));
            }
        }
        return errors;
    }

    static boolean validDuration(String value) {
        return value.length() > 1 && !value.endsWith("T") && DURATION.matcher(value).matches();
    }

    /** Seconds of a SCORM 1.2 timespan (HHHH:MM:SS.SS) or a SCORM 2004 duration (PnYnMnDTnHnMnS); zero if unreadable. */
    static BigDecimal seconds(String value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        Matcher m = TIMESPAN_12.matcher(value);
        if (m.matches()) {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(3600)).add(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(60)))
                    .add(new BigDecimal(m.group(3)));
        }
        m = DURATION.matcher(value);
        if (validDuration(value) && m.matches()) {
            BigDecimal total = BigDecimal.ZERO;
            long[] factors = {365L * 86400, 30L * 86400, 86400, 3600, 60};
            for (int i = 0; i < 5; i++) {
                if (m.group(i + 1) != null) {
                    total = total.add(new BigDecimal(m.group(i + 1)).multiply(BigDecimal.valueOf(factors[i])));
                }
            }
            if (m.group(6) != null) {
                total = total.add(new BigDecimal(m.group(6)));
            }
            return total;
        }
        return BigDecimal.ZERO;
    }

    /** Seconds as a SCORM 1.2 CMITimespan (HHHH:MM:SS.SS). */
    static String timespan12(BigDecimal seconds) {
        long whole = seconds.longValue();
        int hundredths = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(2).intValue();
        return String.format("%04d:%02d:%02d.%02d", whole / 3600, (whole % 3600) / 60, whole % 60, hundredths);
    }

    /** Seconds as a SCORM 2004 duration (PTnHnMnS). */
    static String duration(BigDecimal seconds) {
        long whole = seconds.longValue();
        BigDecimal rest = seconds.subtract(BigDecimal.valueOf(whole - whole % 60)).stripTrailingZeros();
        return "PT" + (whole / 3600) + "H" + ((whole % 3600) / 60) + "M" + rest.toPlainString() + "S";
    }

    static BigDecimal decimal(String value) {
        return value == null || value.isEmpty() || !DECIMAL.matcher(value).matches() ? null : new BigDecimal(value);
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
