package vn.truongso.questions.papers;

import java.util.List;
import java.util.UUID;

import vn.truongso.platform.VietnameseText;

/**
 * A row of the specification table (bảng đặc tả): for a topic × cognitive level, what the questions must test, as
 * required outcomes (yêu cầu cần đạt) of the curriculum and/or a free description. The generator draws a cell's
 * questions across these outcomes first.
 */
public record SpecRow(UUID topicId, String chapter, String level, String description, List<UUID> outcomeIds) {

    public SpecRow {
        chapter = chapter == null || chapter.isBlank() ? null : VietnameseText.clean(chapter);
        description = description == null || description.isBlank() ? null : VietnameseText.clean(description);
        outcomeIds = outcomeIds == null ? List.of() : List.copyOf(outcomeIds);
    }

    public String topicKey() {
        return new BlueprintCell(topicId, chapter, level, null, 0, null).topicKey();
    }
}
