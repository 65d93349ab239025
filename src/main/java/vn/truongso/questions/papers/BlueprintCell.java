package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.UUID;

import vn.truongso.platform.VietnameseText;

/**
 * One cell of a blueprint (ma trận đề): a topic (a curriculum topic, or a free chapter label when the curriculum has no
 * topics yet) × a cognitive level × a question type, asking for {@code count} questions of {@code pointsEach} points.
 */
public record BlueprintCell(UUID topicId, String chapter, String level, String type, int count, BigDecimal pointsEach) {

    public BlueprintCell {
        chapter = chapter == null || chapter.isBlank() ? null : VietnameseText.clean(chapter);
        pointsEach = pointsEach == null ? BigDecimal.ZERO : pointsEach;
    }

    /** The key of the cell's topic: the curriculum topic id, else the folded chapter label. */
    public String topicKey() {
        return topicId != null ? topicId.toString() : chapter == null ? "" : "chapter:" + VietnameseText.fold(chapter);
    }

    public BigDecimal points() {
        return pointsEach.multiply(BigDecimal.valueOf(count));
    }
}
