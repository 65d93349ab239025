package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a teacher sends to create or change a blueprint. {@code totalPoints} defaults to 10 (the 10-point scale) and
 * {@code cognitiveScheme} to Biết/Hiểu/Vận dụng.
 */
public record BlueprintInput(String name, String subjectCode, Integer grade, Integer durationMinutes, String cognitiveScheme,
        BigDecimal totalPoints, List<UUID> bankIds, List<BlueprintCell> cells, List<SpecRow> specs) {

    public BlueprintInput {
        bankIds = bankIds == null ? List.of() : List.copyOf(bankIds);
        cells = cells == null ? List.of() : List.copyOf(cells);
        specs = specs == null ? List.of() : List.copyOf(specs);
    }
}
