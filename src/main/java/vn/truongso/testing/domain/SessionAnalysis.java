package vn.truongso.testing.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.CurrentUser;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.testing.analysis.AnalysisItem;
import vn.truongso.testing.analysis.AttemptResponses;
import vn.truongso.testing.analysis.ItemAnalysis;
import vn.truongso.testing.analysis.ItemAnalysisResult;
import vn.truongso.testing.analysis.ItemAnalysisWorkbook;

/**
 * The item analysis (phân tích câu hỏi) of a session from its graded attempts: for every student her latest attempt that
 * is submitted and fully graded (no essay pending), each item's points as graded ({@code test_answer.points}), the
 * options she chose (the stored response's {@code selected}) and the keys of the session's snapshot (a corrected key
 * counts as corrected). Items are the session's questions in the order of its first variant (then any question only
 * another variant has); an item of several variants is one item. Descriptions are not items.
 */
@Component
public class SessionAnalysis {

    /** The analysed session with the analysis itself and the question id behind every item id. */
    public record Analysed(TestSession session, ItemAnalysisResult result) {
    }

    private static final Set<String> CHOICE_TYPES = Set.of("SINGLE_CHOICE", "MULTIPLE_RESPONSE", "TRUE_FALSE");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Supervision supervision;
    private final TestSessions sessions;

    SessionAnalysis(JdbcClient jdbc, JsonMapper json, Supervision supervision, TestSessions sessions) {
        this.jdbc = jdbc;
        this.json = json;
        this.supervision = supervision;
        this.sessions = sessions;
    }

    /** The analysis (MANAGE_TESTS in the session's school; 404 for a session elsewhere). */
    public Analysed analyse(CurrentUser user, UUID schoolId, UUID sessionId) {
        TestSession s = supervision.session(user, schoolId, sessionId);
        Snapshot snapshot = sessions.snapshot(schoolId, sessionId, s.keyVersion());
        List<AnalysisItem> items = items(snapshot);
        Map<String, AnalysisItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));

        List<UUID> attemptIds = jdbc.sql("""
                SELECT DISTINCT ON (student_id) id FROM test_attempt
                WHERE school_id = ? AND session_id = ? AND status = 'SUBMITTED' AND mark IS NOT NULL
                ORDER BY student_id, number DESC""").params(schoolId, sessionId).query(UUID.class).list();
        Map<UUID, Map<String, AttemptResponses.Response>> responses = new LinkedHashMap<>();
        attemptIds.stream().sorted().forEach(id -> responses.put(id, new HashMap<>()));
        if (!attemptIds.isEmpty()) {
            jdbc.sql("""
                    SELECT attempt_id, question_id, response, points FROM test_answer
                    WHERE school_id = ? AND attempt_id = ANY (?::uuid[])""")
                    .params(schoolId, attemptIds.stream().map(UUID::toString).toArray(String[]::new))
                    .query(rs -> {
                        AnalysisItem item = byId.get(rs.getObject(2, UUID.class).toString());
                        if (item == null) {
                            return;
                        }
                        Response r = json.readValue(rs.getString(3), Response.class);
                        Set<String> chosen = new LinkedHashSet<>();
                        if (item.isChoice()) {
                            // Only ids the item offers (a forged id in a stored response is not an option).
                            item.options().stream().map(AnalysisItem.Option::id).filter(r.selected()::contains).forEach(chosen::add);
                        }
                        BigDecimal points = rs.getBigDecimal(4);
                        responses.get(rs.getObject(1, UUID.class)).put(item.id(),
                                new AttemptResponses.Response(points == null ? BigDecimal.ZERO : points, chosen));
                    });
        }
        List<AttemptResponses> attempts = new ArrayList<>();
        responses.forEach((id, byItem) -> attempts.add(new AttemptResponses(id.toString(), byItem)));
        return new Analysed(s, ItemAnalysis.analyse(items, attempts));
    }

    /** The analysis as an .xlsx workbook (summary, items, options). */
    public byte[] workbook(CurrentUser user, UUID schoolId, UUID sessionId) {
        Analysed a = analyse(user, schoolId, sessionId);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ItemAnalysisWorkbook.write(a.session().title(), a.result(), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session's items: the first variant's order, then questions only later variants hold. */
    static List<AnalysisItem> items(Snapshot snapshot) {
        Map<UUID, Snapshot.Item> first = new LinkedHashMap<>();
        new TreeMap<>(snapshot.variants()).values().forEach(list -> list.stream()
                .sorted(java.util.Comparator.comparingInt(Snapshot.Item::position))
                .forEach(i -> first.putIfAbsent(i.questionId(), i)));
        List<AnalysisItem> items = new ArrayList<>();
        int number = 0;
        for (Snapshot.Item item : first.values()) {
            Question q = snapshot.definitions().get(item.questionId());
            if (q == null || "DESCRIPTION".equals(q.type())) {
                continue;
            }
            number++;
            List<AnalysisItem.Option> options = List.of();
            if (CHOICE_TYPES.contains(q.type())) {
                options = new ArrayList<>();
                int i = 0;
                for (Choice c : q.choices()) {
                    boolean key = c.correct() || ("MULTIPLE_RESPONSE".equals(q.type()) && c.fraction() != null && c.fraction().signum() > 0);
                    options.add(new AnalysisItem.Option(c.id(), optionLabel(i++), key));
                }
            }
            items.add(new AnalysisItem(item.questionId().toString(), "Câu " + number, item.points(), options));
        }
        return items;
    }

    /** The message key (i18n/testing) explaining an absent figure, from the analysis' reason constants. */
    public static String reasonKey(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case ItemAnalysis.NO_ATTEMPTS -> "testing.analysis.reason.noAttempts";
            case ItemAnalysis.TOO_FEW_ATTEMPTS -> "testing.analysis.reason.tooFewAttempts";
            case ItemAnalysis.TOO_FEW_ITEMS -> "testing.analysis.reason.tooFewItems";
            case ItemAnalysis.ZERO_MAX_POINTS -> "testing.analysis.reason.zeroMaxPoints";
            case ItemAnalysis.ITEM_WITHOUT_VARIANCE -> "testing.analysis.reason.itemWithoutVariance";
            case ItemAnalysis.REST_WITHOUT_VARIANCE -> "testing.analysis.reason.restWithoutVariance";
            case ItemAnalysis.TOTAL_WITHOUT_VARIANCE -> "testing.analysis.reason.totalWithoutVariance";
            default -> "testing.analysis.reason.undefined";
        };
    }

    private static String optionLabel(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "#" + (index + 1);
    }
}
