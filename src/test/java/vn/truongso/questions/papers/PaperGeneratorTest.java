package vn.truongso.questions.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.truongso.platform.Ids;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/** The generator on its own: a pool built in memory, every property the blueprint asks for checked on the result. */
class PaperGeneratorTest {

    static final UUID T1 = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID T2 = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final List<UUID> OUTCOMES = List.of(Ids.newId(), Ids.newId(), Ids.newId());

    final List<PaperGenerator.Candidate> pool = new ArrayList<>();
    final Map<UUID, Question> defs = new HashMap<>();

    /** n questions of a topic, level and type, spread over the three outcomes. */
    void add(UUID topic, String level, String type, int n, boolean recent) {
        for (int i = 0; i < n; i++) {
            UUID id = Ids.newId();
            UUID outcome = OUTCOMES.get(i % OUTCOMES.size());
            pool.add(new PaperGenerator.Candidate(id, type, topic, Set.of(), outcome, level, recent));
            Question.Builder b = Question.builder(type).stem("Câu " + id);
            if (QuestionTypes.SINGLE_CHOICE.equals(type)) {
                b.choice("A", "đúng", true).choice("B", "sai 1", false).choice("C", "sai 2", false).choice("D", "Tất cả các đáp án trên", false);
            } else if (QuestionTypes.TRUE_FALSE_CLUSTER.equals(type)) {
                b.choice("a", "x", true).choice("b", "y", false).choice("c", "z", true).choice("d", "w", false);
            }
            defs.put(id, b.build());
        }
    }

    static BlueprintCell cell(UUID topic, String level, String type, int count, String points) {
        return new BlueprintCell(topic, null, level, type, count, new BigDecimal(points));
    }

    List<BlueprintCell> cells() {
        return List.of(cell(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 6, "0.25"), cell(T2, "HIEU", QuestionTypes.SINGLE_CHOICE, 6, "0.25"),
                cell(T1, "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 2, "1"), cell(T2, "VAN_DUNG", QuestionTypes.SHORT_ANSWER, 4, "0.5"),
                cell(T1, "VAN_DUNG", QuestionTypes.ESSAY, 1, "3"));
    }

    void fullPool() {
        add(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 20, false);
        add(T2, "HIEU", QuestionTypes.SINGLE_CHOICE, 20, false);
        add(T1, "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 6, false);
        add(T2, "VAN_DUNG", QuestionTypes.SHORT_ANSWER, 8, false);
        add(T1, "VAN_DUNG", QuestionTypes.ESSAY, 3, false);
        // noise that fits no cell
        add(T2, "BIET", QuestionTypes.SINGLE_CHOICE, 10, false);
        add(T1, "BIET", QuestionTypes.SHORT_ANSWER, 10, false);
    }

    List<PaperGenerator.Variant> generate(PaperGenerator.Mode mode, long seed, List<String> codes) {
        return PaperGenerator.generate(new PaperGenerator.Request(cells(), List.of(), codes, mode, seed), pool, ids -> {
            Map<UUID, Question> m = new HashMap<>();
            ids.forEach(id -> m.put(id, defs.get(id)));
            return m;
        });
    }

    PaperGenerator.Candidate candidate(UUID id) {
        return pool.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyCellIsFilledWithoutRepeatsAndVariantsShareTheQuestionsInAnotherOrder() {
        fullPool();
        List<PaperGenerator.Variant> variants = generate(PaperGenerator.Mode.SAME, 42, List.of("101", "102", "103", "104"));
        assertThat(variants).extracting(PaperGenerator.Variant::code).containsExactly("101", "102", "103", "104");
        Set<UUID> first = variants.getFirst().items().stream().map(PaperGenerator.Item::questionId).collect(Collectors.toSet());
        for (PaperGenerator.Variant v : variants) {
            List<UUID> ids = v.items().stream().map(PaperGenerator.Item::questionId).toList();
            assertThat(ids).hasSize(19).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).isEqualTo(first);
            for (BlueprintCell c : cells()) {
                long n = ids.stream().map(this::candidate).filter(q -> q.fits(c)).count();
                assertThat(n).as(c.toString()).isEqualTo(c.count());
            }
            BigDecimal total = v.items().stream().map(PaperGenerator.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo("10");
            // the parts: I single choice, II clusters, III short answers, IV essays, in that order
            assertThat(v.items().stream().map(PaperGenerator.Item::part).toList()).isSorted();
            assertThat(v.items().stream().filter(i -> i.part() == 1).allMatch(i -> i.type().equals(QuestionTypes.SINGLE_CHOICE))).isTrue();
            assertThat(v.items().stream().filter(i -> i.part() == 2).allMatch(i -> i.type().equals(QuestionTypes.TRUE_FALSE_CLUSTER))).isTrue();
            assertThat(v.items().stream().filter(i -> i.part() == 3).allMatch(i -> i.type().equals(QuestionTypes.SHORT_ANSWER))).isTrue();
            assertThat(v.items().stream().filter(i -> i.part() == 4).allMatch(i -> i.type().equals(QuestionTypes.ESSAY))).isTrue();
            for (PaperGenerator.Item i : v.items()) {
                if (i.type().equals(QuestionTypes.SINGLE_CHOICE)) {
                    assertThat(i.optionOrder()).containsExactlyInAnyOrder("A", "B", "C", "D");
                    assertThat(i.optionOrder().get(3)).as("'all of the above' keeps its place").isEqualTo("D");
                } else {
                    assertThat(i.optionOrder()).isEmpty();
                }
            }
        }
        Set<List<UUID>> orders = variants.stream().map(v -> v.items().stream().map(PaperGenerator.Item::questionId).toList())
                .collect(Collectors.toSet());
        assertThat(orders).as("every variant has its own order").hasSize(4);
        Set<List<String>> optionOrders = variants.stream().map(v -> v.items().stream().flatMap(i -> i.optionOrder().stream()).toList())
                .collect(Collectors.toSet());
        assertThat(optionOrders).as("options are shuffled per variant").hasSizeGreaterThan(1);
    }

    @Test
    void theSameSeedGivesTheSamePaperAndAnotherSeedAnotherOne() {
        fullPool();
        List<String> codes = List.of("101", "102");
        assertThat(generate(PaperGenerator.Mode.SAME, 7, codes)).isEqualTo(generate(PaperGenerator.Mode.SAME, 7, codes));
        assertThat(generate(PaperGenerator.Mode.FRESH, 7, codes)).isEqualTo(generate(PaperGenerator.Mode.FRESH, 7, codes));
        assertThat(generate(PaperGenerator.Mode.SAME, 8, codes)).isNotEqualTo(generate(PaperGenerator.Mode.SAME, 7, codes));
    }

    @Test
    void aFreshDrawPerVariantTakesOtherQuestions() {
        fullPool();
        List<PaperGenerator.Variant> variants = generate(PaperGenerator.Mode.FRESH, 3, List.of("A1", "A2"));
        Set<UUID> a = variants.get(0).items().stream().map(PaperGenerator.Item::questionId).collect(Collectors.toSet());
        Set<UUID> b = variants.get(1).items().stream().map(PaperGenerator.Item::questionId).collect(Collectors.toSet());
        assertThat(a).hasSize(19);
        assertThat(b).hasSize(19).isNotEqualTo(a);
    }

    @Test
    void aCellsQuestionsSpreadAcrossTheOutcomes() {
        fullPool();
        PaperGenerator.Variant v = generate(PaperGenerator.Mode.SAME, 11, List.of("101")).getFirst();
        // 6 questions of the first cell from 3 outcomes: two of each
        Map<UUID, Long> perOutcome = v.items().stream().map(i -> candidate(i.questionId()))
                .filter(c -> c.fits(cells().getFirst())).collect(Collectors.groupingBy(PaperGenerator.Candidate::outcomeId, Collectors.counting()));
        assertThat(perOutcome.values()).containsOnly(2L);
    }

    @Test
    void requiredOutcomesOfTheSpecificationComeFirst() {
        add(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 30, false);
        UUID wanted = OUTCOMES.get(2);
        List<BlueprintCell> one = List.of(cell(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 10, "1"));
        PaperGenerator.Variant v = PaperGenerator.generate(new PaperGenerator.Request(one,
                List.of(new SpecRow(T1, null, "BIET", "Nhận biết phân số", List.of(wanted))), List.of("101"), PaperGenerator.Mode.SAME, 5), pool,
                ids -> Map.of()).getFirst();
        long fromWanted = v.items().stream().filter(i -> wanted.equals(candidate(i.questionId()).outcomeId())).count();
        assertThat(fromWanted).isGreaterThanOrEqualTo(3);
    }

    @Test
    void recentlyUsedQuestionsAreTakenOnlyWhenTheOthersRunOut() {
        add(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 5, false);
        add(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 10, true);
        List<BlueprintCell> one = List.of(cell(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 7, "1"));
        PaperGenerator.Variant v = PaperGenerator.generate(new PaperGenerator.Request(one, List.of(), List.of("101"), PaperGenerator.Mode.SAME, 9),
                pool, ids -> Map.of()).getFirst();
        assertThat(v.items().stream().filter(i -> !candidate(i.questionId()).recent()).count()).isEqualTo(5);
        assertThat(v.items()).hasSize(7);
    }

    @Test
    void aShortBankNamesEveryShortCellWithWhatItNeedsAndHas() {
        add(T1, "BIET", QuestionTypes.SINGLE_CHOICE, 20, false);
        add(T2, "HIEU", QuestionTypes.SINGLE_CHOICE, 2, false);
        add(T1, "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 6, false);
        add(T1, "VAN_DUNG", QuestionTypes.ESSAY, 0, false);
        assertThatThrownBy(() -> generate(PaperGenerator.Mode.SAME, 1, List.of("101"))).isInstanceOfSatisfying(PaperGenerator.ShortageException.class,
                e -> assertThat(e.shortages()).extracting(s -> s.cellIndex() + ":" + s.needed() + ":" + s.available())
                        .containsExactly("1:6:2", "3:4:0", "4:1:0"));
    }

    @Test
    void aChapterCellMatchesTheQuestionsCategoryOrTags() {
        UUID a = Ids.newId();
        UUID b = Ids.newId();
        pool.add(new PaperGenerator.Candidate(a, QuestionTypes.SINGLE_CHOICE, null, PaperGenerator.Candidate.chapterKeys("Toán 6/Chương 1. Phân số",
                List.of()), null, "BIET", false));
        pool.add(new PaperGenerator.Candidate(b, QuestionTypes.SINGLE_CHOICE, null, PaperGenerator.Candidate.chapterKeys(null,
                List.of("chuong 1. phan so")), null, "BIET", false));
        List<BlueprintCell> one = List.of(new BlueprintCell(null, "Chương 1. Phân số", "BIET", QuestionTypes.SINGLE_CHOICE, 2, BigDecimal.ONE));
        PaperGenerator.Variant v = PaperGenerator.generate(new PaperGenerator.Request(one, List.of(), List.of("101"), PaperGenerator.Mode.SAME, 1),
                pool, ids -> Map.of()).getFirst();
        assertThat(v.items()).extracting(PaperGenerator.Item::questionId).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void allOfTheAboveLikeOptionsArePinned() {
        assertThat(PaperGenerator.pinned(Choice.of("D", "Tất cả các đáp án trên đều đúng.", false))).isTrue();
        assertThat(PaperGenerator.pinned(Choice.of("D", "Cả A và B", false))).isTrue();
        assertThat(PaperGenerator.pinned(Choice.of("D", "Không có đáp án nào đúng", false))).isTrue();
        assertThat(PaperGenerator.pinned(Choice.of("D", "None of the above", false))).isTrue();
        assertThat(PaperGenerator.pinned(Choice.of("D", "Cá heo", false))).isFalse();
        assertThat(PaperGenerator.pinned(Choice.of("D", "<p>Tất cả đều sai</p>", false))).isTrue();
    }

    @Test
    void aNumberedChapterAlsoAnswersToItsNumberAlone() {
        assertThat(PaperGenerator.Candidate.chapterKeys("Toán 6/Chương 1. Phân số", List.of("Ôn tập")))
                .contains("toan 6/chuong 1. phan so", "chuong 1. phan so", "chuong 1", "on tap").doesNotContain("chuong 1. phan", "chuong");
        assertThat(PaperGenerator.Candidate.chapterKeys("CHỦ ĐỀ IV: Hình học", List.of())).contains("chu de iv");
        assertThat(PaperGenerator.Candidate.chapterKeys("Chương trình 1", List.of())).containsExactly("chuong trinh 1");
        assertThat(PaperGenerator.Candidate.chapterKeys("Chương 12", List.of())).doesNotContain("chuong 1");
    }
}
