package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.model.Response;
import vn.truongso.testing.domain.Grading;
import vn.truongso.testing.domain.Snapshot;

/** Grading of every question type through the questions module's scoring, the paper's points, and the 10-point mark. */
class GradingTest {

    static final Question SINGLE = Question.builder("SINGLE_CHOICE").stem("2+2?").choice("A", "3", false).choice("B", "4", true)
            .choice("C", "5", false).build();
    static final Question MULTI = Question.builder("MULTIPLE_RESPONSE").stem("chẵn?").choice("A", "2", true).choice("B", "4", true)
            .choice("C", "3", false).build();
    static final Question TF = Question.builder("TRUE_FALSE").stem("Đất tròn").choice("true", "Đúng", true).choice("false", "Sai", false).build();
    static final Question CLUSTER = Question.builder("TRUE_FALSE_CLUSTER").stem("Mệnh đề").choice("a", "2 chẵn", true).choice("b", "3 chẵn", false)
            .choice("c", "5 nguyên tố", true).choice("d", "9 nguyên tố", false).build();
    static final Question SHORT = Question.builder("SHORT_ANSWER").stem("Thủ đô?").choice("A", "Hà Nội", true).build();
    static final Question NUMBER = Question.builder("SHORT_ANSWER").stem("π?")
            .number(new NumericAnswer(new BigDecimal("3.14"), new BigDecimal("0.01"), null, null, false)).build();
    static final Question MATCH = Question.builder("MATCHING").stem("Ghép").pair("1", "Hà Nội", "Việt Nam").pair("2", "Paris", "Pháp").build();
    static final Question ORDER = Question.builder("ORDERING").stem("Xếp").choice("A", "một", true).choice("B", "hai", true).choice("C", "ba", true)
            .build();
    static final Question CLOZE = Question.builder("CLOZE").stem(Content.plain("Hà Nội là [[g1]] của [[g2]]."))
            .gap(new Gap("g1", List.of(Choice.of("x", "thủ đô", true), Choice.of("y", "tỉnh", false)), true))
            .gap(new Gap("g2", List.of(Choice.of("v", "Việt Nam", true)), false)).build();
    static final Question ESSAY = Question.builder("ESSAY").stem("Viết").rubric(Content.plain("Ý 1: 1 điểm")).points("2").build();

    static Snapshot snapshot(Question... qs) {
        Map<UUID, Question> defs = new LinkedHashMap<>();
        List<Snapshot.Item> items = new java.util.ArrayList<>();
        int i = 0;
        for (Question q : qs) {
            UUID id = new UUID(0, ++i);
            defs.put(id, q);
            items.add(new Snapshot.Item(i, id, q.points(), List.of()));
        }
        return new Snapshot(UUID.randomUUID(), 1, defs, Map.of("", items));
    }

    static Grading.Result grade(Question q, Response r) {
        Snapshot s = snapshot(q);
        UUID id = s.variants().get("").getFirst().questionId();
        return Grading.grade(s, s.variants().get(""), Map.of(id, new Grading.Answer(r, null)));
    }

    @Test
    void everyObjectiveTypeScoresRightAndWrong() {
        assertThat(grade(SINGLE, Response.select("B")).points()).isEqualByComparingTo("1");
        assertThat(grade(SINGLE, Response.select("A")).points()).isEqualByComparingTo("0");
        assertThat(grade(MULTI, Response.select("A", "B")).points()).isEqualByComparingTo("1");
        assertThat(grade(MULTI, Response.select("A")).points()).isEqualByComparingTo("0");
        assertThat(grade(TF, Response.select("true")).points()).isEqualByComparingTo("1");
        assertThat(grade(TF, Response.select("false")).points()).isEqualByComparingTo("0");
        assertThat(grade(SHORT, Response.text("hà nội")).points()).isEqualByComparingTo("1");
        assertThat(grade(SHORT, Response.text("Huế")).points()).isEqualByComparingTo("0");
        assertThat(grade(NUMBER, Response.text("3.145")).points()).isEqualByComparingTo("1");
        assertThat(grade(NUMBER, Response.text("3.2")).points()).isEqualByComparingTo("0");
        assertThat(grade(MATCH, Response.values(Map.of("1", "Việt Nam", "2", "Pháp"))).points()).isEqualByComparingTo("1");
        assertThat(grade(MATCH, Response.values(Map.of("1", "Việt Nam", "2", "Việt Nam"))).points()).isLessThan(BigDecimal.ONE);
        assertThat(grade(ORDER, Response.select("A", "B", "C")).points()).isEqualByComparingTo("1");
        assertThat(grade(ORDER, Response.select("B", "A", "C")).points()).isEqualByComparingTo("0");
        assertThat(grade(CLOZE, Response.values(Map.of("g1", "x", "g2", "Việt Nam"))).points()).isEqualByComparingTo("1");
        assertThat(grade(CLOZE, Response.values(Map.of("g1", "y", "g2", "Việt Nam"))).points()).isEqualByComparingTo("0.5");
    }

    /** The 2025 exam's true/false cluster: 1/2/3/4 right judgements earn 0.1/0.25/0.5/1 of the points. */
    @ParameterizedTest
    @CsvSource({"false,true,false,true,0", "true,true,false,true,0.1", "true,false,false,true,0.25", "true,false,true,true,0.5",
            "true,false,true,false,1"})
    void theTrueFalseClusterEarnsPartialCredit(String a, String b, String c, String d, String share) {
        assertThat(grade(CLUSTER, Response.values(Map.of("a", a, "b", b, "c", c, "d", d))).points()).isEqualByComparingTo(share);
    }

    @Test
    void anEssayWaitsForTheTeacherAndThenCounts() {
        Grading.Result pending = grade(ESSAY, Response.text("Mùa thu..."));
        assertThat(pending.pendingEssays()).isEqualTo(1);
        assertThat(pending.mark()).isNull();
        Snapshot s = snapshot(ESSAY);
        UUID id = s.variants().get("").getFirst().questionId();
        Grading.Result graded = Grading.grade(s, s.variants().get(""), Map.of(id, new Grading.Answer(Response.text("Mùa thu..."), new BigDecimal("1.5"))));
        assertThat(graded.mark()).isEqualByComparingTo("7.5");
        // An empty essay earns nothing and needs nobody.
        assertThat(grade(ESSAY, Response.text("  ")).pendingEssays()).isZero();
    }

    @Test
    void thePapersPointsWeighTheItemsAndTheMarkIsOnTheTenPointScale() {
        Snapshot base = snapshot(SINGLE, CLUSTER, SHORT);
        List<Snapshot.Item> weighted = base.variants().get("").stream()
                .map(i -> new Snapshot.Item(i.position(), i.questionId(), i.position() == 2 ? new BigDecimal("1.5") : new BigDecimal("0.25"), List.of()))
                .toList();
        Map<UUID, Grading.Answer> answers = Map.of(weighted.get(0).questionId(), new Grading.Answer(Response.select("B"), null),
                weighted.get(1).questionId(), new Grading.Answer(Response.values(Map.of("a", "true", "b", "false", "c", "true", "d", "true")), null));
        Grading.Result r = Grading.grade(base, weighted, answers);
        // 0.25 + 1.5 × 0.5 = 1.0 of 2.0 → 5.0
        assertThat(r.points()).isEqualByComparingTo("1.0");
        assertThat(r.maxPoints()).isEqualByComparingTo("2.0");
        assertThat(r.mark()).isEqualByComparingTo("5.0");
        assertThat(r.items()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource({"29,40,7.3", "7.25,10,7.3", "7.24,10,7.2", "1,3,3.3", "2,3,6.7", "0,5,0.0", "40,40,10.0", "0.05,1,0.5", "0.04,1,0.4",
            "9.375,10,9.4", "3,0,0.0"})
    void marksAreRoundedHalfUpToOneDecimal(String points, String max, String mark) {
        BigDecimal m = Grading.mark(new BigDecimal(points), new BigDecimal(max));
        assertThat(m).isEqualByComparingTo(mark);
        assertThat(m.scale()).isEqualTo(1);
    }
}
