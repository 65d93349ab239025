package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A blueprint (ma trận đề kiểm tra) of a school: the paper's subject, grade and time, the banks it draws from, its
 * cells and its specification rows (bảng đặc tả). Validated when stored (see {@link BlueprintCheck}).
 */
public record Blueprint(UUID schoolId, UUID id, String name, String subjectCode, Integer grade, int durationMinutes,
        String cognitiveScheme, BigDecimal totalPoints, List<UUID> bankIds, List<BlueprintCell> cells, List<SpecRow> specs,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Blueprint {
        bankIds = List.copyOf(bankIds);
        cells = List.copyOf(cells);
        specs = specs == null ? List.of() : List.copyOf(specs);
    }

    /** A total of questions and points, with its share of the blueprint's points (in %, two decimals). */
    public record Total(String key, int questions, BigDecimal points, BigDecimal percent) {
    }

    /** Totals per cognitive level, per topic (keyed by {@link BlueprintCell#topicKey()}) and per question type. */
    public record Totals(List<Total> byLevel, List<Total> byTopic, List<Total> byType, int questions, BigDecimal points) {
    }

    public int questionCount() {
        return cells.stream().mapToInt(BlueprintCell::count).sum();
    }

    public BigDecimal points() {
        return cells.stream().map(BlueprintCell::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Totals in the order the levels, topics and types first appear in the cells. */
    public Totals totals() {
        return totals(cells);
    }

    static Totals totals(List<BlueprintCell> cells) {
        Map<String, int[]> levelCount = new LinkedHashMap<>();
        Map<String, BigDecimal> levelPoints = new LinkedHashMap<>();
        Map<String, int[]> topicCount = new LinkedHashMap<>();
        Map<String, BigDecimal> topicPoints = new LinkedHashMap<>();
        Map<String, int[]> typeCount = new LinkedHashMap<>();
        Map<String, BigDecimal> typePoints = new LinkedHashMap<>();
        BigDecimal all = BigDecimal.ZERO;
        int questions = 0;
        for (BlueprintCell c : cells) {
            add(levelCount, levelPoints, String.valueOf(c.level()), c);
            add(topicCount, topicPoints, c.topicKey(), c);
            add(typeCount, typePoints, String.valueOf(c.type()), c);
            all = all.add(c.points());
            questions += c.count();
        }
        return new Totals(lines(levelCount, levelPoints, all), lines(topicCount, topicPoints, all), lines(typeCount, typePoints, all), questions,
                all);
    }

    private static void add(Map<String, int[]> counts, Map<String, BigDecimal> points, String key, BlueprintCell c) {
        counts.computeIfAbsent(key, k -> new int[1])[0] += c.count();
        points.merge(key, c.points(), BigDecimal::add);
    }

    private static List<Total> lines(Map<String, int[]> counts, Map<String, BigDecimal> points, BigDecimal all) {
        return counts.entrySet().stream().map(e -> {
            BigDecimal p = points.get(e.getKey());
            BigDecimal percent = all.signum() == 0 ? BigDecimal.ZERO
                    : p.multiply(BigDecimal.valueOf(100)).divide(all, 2, RoundingMode.HALF_UP);
            return new Total(e.getKey(), e.getValue()[0], p.stripTrailingZeros(), percent);
        }).toList();
    }
}
