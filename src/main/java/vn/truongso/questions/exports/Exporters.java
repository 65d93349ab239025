package vn.truongso.questions.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The registry of export formats. */
public final class Exporters {

    private static final Map<String, QuestionExporter> BY_FORMAT = new LinkedHashMap<>();

    static {
        for (QuestionExporter e : List.of(new QtiExporter(), new MoodleXmlExporter(), new GiftExporter())) {
            BY_FORMAT.put(e.format(), e);
        }
    }

    private Exporters() {
    }

    public static List<String> formats() {
        return List.copyOf(BY_FORMAT.keySet());
    }

    public static Optional<QuestionExporter> find(String format) {
        return Optional.ofNullable(format == null ? null : BY_FORMAT.get(format.toLowerCase(Locale.ROOT)));
    }
}
