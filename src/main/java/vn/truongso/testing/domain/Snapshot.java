package vn.truongso.testing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import vn.truongso.questions.QuestionHtml;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Question;

/**
 * A session's questions as they were when it was created (only key corrections change them, raising
 * {@code keyVersion}), and its variants (mã đề): '' alone for a bank source. It also remembers the safe HTML of each
 * text it has shown: sanitising 200 fragments for every student starting at the exam minute cost more than the start.
 */
public record Snapshot(UUID sessionId, int keyVersion, Map<UUID, Question> definitions, Map<String, List<Item>> variants,
        Map<Content, String> safeHtml) {

    public Snapshot(UUID sessionId, int keyVersion, Map<UUID, Question> definitions, Map<String, List<Item>> variants) {
        this(sessionId, keyVersion, definitions, variants, new ConcurrentHashMap<>());
    }

    /** One question of a variant, with the points the session gives it and its option order ([] = stored order). */
    public record Item(int position, UUID questionId, BigDecimal points, List<String> optionOrder) {
    }

    /** The definition with the points of the item (a paper may weigh a question differently from the bank). */
    public Question scoredAs(Item item) {
        Question q = definitions.get(item.questionId());
        return q.points().compareTo(item.points()) == 0 ? q : q.toBuilder().points(item.points()).build();
    }

    /** The text as safe HTML for the student's page, question images pointing at the test's media path. */
    public String html(Content content) {
        return safeHtml.computeIfAbsent(content, c -> QuestionHtml.toSafeHtml(c, ref -> QuestionView.MEDIA_PREFIX + ref.substring("blob:".length())));
    }
}
