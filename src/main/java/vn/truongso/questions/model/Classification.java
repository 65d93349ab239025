package vn.truongso.questions.model;

import java.util.List;
import java.util.UUID;

/**
 * Where a question sits in the curriculum: subject code, grade, topic (chủ đề/chương), required outcome (yêu cầu cần
 * đạt), cognitive level (mức độ nhận thức) within a scheme, difficulty 1–5, source and free tags.
 */
public record Classification(String subjectCode, Integer grade, UUID topicId, UUID outcomeId, String cognitiveScheme,
        String cognitiveLevel, Integer difficulty, String source, List<String> tags) {

    public static final Classification NONE = new Classification(null, null, null, null, null, null, null, null, List.of());

    public Classification {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Classification withTags(List<String> newTags) {
        return new Classification(subjectCode, grade, topicId, outcomeId, cognitiveScheme, cognitiveLevel, difficulty, source, newTags);
    }

    public Classification withDefaults(Classification defaults) {
        if (defaults == null) {
            return this;
        }
        return new Classification(subjectCode != null ? subjectCode : defaults.subjectCode, grade != null ? grade : defaults.grade,
                topicId != null ? topicId : defaults.topicId, outcomeId != null ? outcomeId : defaults.outcomeId,
                cognitiveScheme != null ? cognitiveScheme : defaults.cognitiveScheme,
                cognitiveLevel != null ? cognitiveLevel : defaults.cognitiveLevel, difficulty != null ? difficulty : defaults.difficulty,
                source != null ? source : defaults.source, tags.isEmpty() ? defaults.tags : tags);
    }
}
