package vn.truongso.testing.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.truongso.testing.analysis.AttemptResponses.Response;

/**
 * Item analysis against figures computed independently. The expected numbers come from a small numpy script (not from
 * this code): population variances ({@code np.var}), {@code np.corrcoef(item, total - item)} for the corrected
 * point-biserial, KR-20 from p·q of the 0/1 items, alpha from the item variances, groups of round(0.27·n) for D, ranked
 * by total with ties in input order:
 *
 * <pre>
 * X = np.array(scores); tot = X.sum(1); n, k = X.shape
 * alpha = k/(k-1) * (1 - X.var(0).sum() / tot.var())
 * p = X.mean(0); kr20 = k/(k-1) * (1 - (p*(1-p)).sum() / tot.var())
 * r_i = np.corrcoef(X[:, i], tot - X[:, i])[0, 1]; sem = tot.std() * sqrt(1 - rel)
 * </pre>
 */
class ItemAnalysisTest {

    private static final double EPS = 1e-9;

    // ------------------------------------------------------------------ dataset 1: 6 students, 4 single-choice items
    //
    //        Q1 key A   Q2 key B   Q3 key C   Q4 key D    total
    //  S1    A  1       B  1       C  1       D  1        4
    //  S2    A  1       B  1       C  1       A  0        3
    //  S3    A  1       B  1       D  0       D  1        3
    //  S4    A  1       C  0       C  1       B  0        2
    //  S5    B  0       B  1       A  0       –  0        1
    //  S6    A  1       D  0       –  0       A  0        1
    //
    // numpy (expected.py, dataset 1):
    //   mean 2.3333333333  sd(pop) 1.1055415968  kr20 0.4242424242 (= alpha)  sem 0.8388704928
    //   item 1 p 0.8333333333 r 0.2335496832 D 0.5
    //   item 2 p 0.6666666667 r 0.1250000000 D 0.5
    //   item 3 p 0.5000000000 r 0.1856953382 D 1.0
    //   item 4 p 0.3333333333 r 0.4330127019 D 0.5
    //   (n = 6: groups of round(1.62) = 2; upper S1, S2; lower S6, S5)

    static List<AnalysisItem> fourItems() {
        return List.of(choice("Q1", "A"), choice("Q2", "B"), choice("Q3", "C"), choice("Q4", "D"));
    }

    static List<AttemptResponses> dataset1() {
        List<AnalysisItem> items = fourItems();
        return List.of(
                attempt(items, "S1", "A", "B", "C", "D"),
                attempt(items, "S2", "A", "B", "C", "A"),
                attempt(items, "S3", "A", "B", "D", "D"),
                attempt(items, "S4", "A", "C", "C", "B"),
                attempt(items, "S5", "B", "B", "A", null),
                attempt(items, "S6", "A", "D", null, "A"));
    }

    @Test
    void dichotomousItemsMatchTheIndependentCalculation() {
        ItemAnalysisResult result = ItemAnalysis.analyse(fourItems(), dataset1());

        TestStatistics test = result.test();
        assertThat(test.attempts()).isEqualTo(6);
        assertThat(test.items()).isEqualTo(4);
        assertThat(test.maxScore()).isEqualByComparingTo("4");
        assertThat(test.mean().get()).isCloseTo(2.3333333333, within(EPS));
        assertThat(test.standardDeviation().get()).isCloseTo(1.1055415968, within(EPS));
        assertThat(test.reliabilityMethod()).isEqualTo(TestStatistics.ReliabilityMethod.KR20);
        assertThat(test.reliability().get()).isCloseTo(0.4242424242, within(EPS));
        assertThat(test.standardErrorOfMeasurement().get()).isCloseTo(0.8388704928, within(EPS));

        double[][] expected = {{0.8333333333, 0.2335496832, 0.5}, {0.6666666667, 0.1250000000, 0.5}, {0.5, 0.1856953382, 1.0},
            {0.3333333333, 0.4330127019, 0.5}};
        for (int i = 0; i < 4; i++) {
            ItemStatistics item = result.items().get(i);
            assertThat(item.dichotomous()).isTrue();
            assertThat(item.difficulty().get()).as("p of Q%d", i + 1).isCloseTo(expected[i][0], within(EPS));
            assertThat(item.discrimination().get()).as("r of Q%d", i + 1).isCloseTo(expected[i][1], within(EPS));
            assertThat(item.upperLowerIndex().get()).as("D of Q%d", i + 1).isCloseTo(expected[i][2], within(EPS));
        }
        // Q2 (r 0.125) and Q3 (r 0.186) discriminate poorly; nothing is too easy (Q1 p 0.83) or too hard.
        assertThat(result.items().get(0).flags()).isEmpty();
        assertThat(result.items().get(1).flags()).containsExactly(ItemFlag.LOW_DISCRIMINATION);
        assertThat(result.items().get(2).flags()).containsExactly(ItemFlag.LOW_DISCRIMINATION);
        assertThat(result.items().get(3).flags()).isEmpty();
    }

    @Test
    void optionDistributionCountsEveryChoiceAndTheOmitted() {
        ItemAnalysisResult result = ItemAnalysis.analyse(fourItems(), dataset1());

        // Q3: A 1 (S5), B 0, C 3 (S1, S2, S4), D 1 (S3), omitted 1 (S6).
        ItemStatistics q3 = result.items().get(2);
        assertThat(q3.options()).extracting(o -> o.option().label(), ItemStatistics.OptionCount::count, o -> o.option().key())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 1, false), org.assertj.core.groups.Tuple.tuple("B", 0, false),
                        org.assertj.core.groups.Tuple.tuple("C", 3, true), org.assertj.core.groups.Tuple.tuple("D", 1, false));
        assertThat(q3.options().get(2).share().get()).isCloseTo(0.5, within(EPS));
        assertThat(q3.options().get(1).share().get()).isZero();
        assertThat(q3.omitted()).isEqualTo(1);
        assertThat(q3.omittedShare().get()).isCloseTo(1 / 6.0, within(EPS));
        // Q4: A 2 (S2, S6), B 1, C 0, D 2, omitted 1 (S5).
        assertThat(result.items().get(3).options()).extracting(ItemStatistics.OptionCount::count).containsExactly(2, 1, 0, 2);
        assertThat(result.items().get(3).omitted()).isEqualTo(1);
        // Every attempt is counted once per single-choice item: chosen + omitted = attempts.
        for (ItemStatistics item : result.items()) {
            assertThat(item.options().stream().mapToInt(ItemStatistics.OptionCount::count).sum() + item.omitted()).isEqualTo(6);
        }
    }

    // ------------------------------------------------------------------ dataset 2: partial credit (alpha)
    //
    //        Q1 (max 1)  Q2 essay (max 2)  Q3 short (max 1.5)  total
    //  S1    1           2                 1.5                 4.5
    //  S2    1           1                 1.0                 3.0
    //  S3    0           2                 0.5                 2.5
    //  S4    1           0                 0.5                 1.5
    //  S5    0           1                 0.0                 1.0
    //
    // numpy: mean 2.5  sd(pop) 1.2247448714  alpha 0.44  sem 0.9165151390
    //   item 1 mean 0.6 p 0.6 r 0.1147078669 D 1.0
    //   item 2 mean 1.2 p 0.6 r 0.0576390418 D 0.5
    //   item 3 mean 0.7 p 0.4666666667 r 0.8910421112 D 1.0
    //   (n = 5: groups of round(1.35) = 1; upper S1, lower S5)

    @Test
    void partialCreditItemsUseCronbachsAlpha() {
        List<AnalysisItem> items = List.of(new AnalysisItem("Q1", "Câu 1", new BigDecimal("1"), null),
                new AnalysisItem("Q2", "Câu 2", new BigDecimal("2"), null), new AnalysisItem("Q3", "Câu 3", new BigDecimal("1.5"), null));
        String[][] points = {{"1", "2", "1.5"}, {"1", "1", "1.0"}, {"0", "2", "0.5"}, {"1", "0", "0.5"}, {"0", "1", "0.0"}};
        List<AttemptResponses> attempts = new ArrayList<>();
        for (int a = 0; a < points.length; a++) {
            Map<String, Response> byItem = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                byItem.put("Q" + (i + 1), Response.points(points[a][i]));
            }
            attempts.add(new AttemptResponses("S" + (a + 1), byItem));
        }

        ItemAnalysisResult result = ItemAnalysis.analyse(items, attempts);

        assertThat(result.test().reliabilityMethod()).isEqualTo(TestStatistics.ReliabilityMethod.CRONBACH_ALPHA);
        assertThat(result.test().mean().get()).isCloseTo(2.5, within(EPS));
        assertThat(result.test().standardDeviation().get()).isCloseTo(1.2247448714, within(EPS));
        assertThat(result.test().reliability().get()).isCloseTo(0.44, within(EPS));
        assertThat(result.test().standardErrorOfMeasurement().get()).isCloseTo(0.9165151390, within(EPS));
        double[][] expected = {{0.6, 0.6, 0.1147078669, 1.0}, {1.2, 0.6, 0.0576390418, 0.5}, {0.7, 0.4666666667, 0.8910421112, 1.0}};
        for (int i = 0; i < 3; i++) {
            ItemStatistics item = result.items().get(i);
            assertThat(item.meanPoints().get()).isCloseTo(expected[i][0], within(EPS));
            assertThat(item.difficulty().get()).isCloseTo(expected[i][1], within(EPS));
            assertThat(item.discrimination().get()).isCloseTo(expected[i][2], within(EPS));
            assertThat(item.upperLowerIndex().get()).isCloseTo(expected[i][3], within(EPS));
            assertThat(item.options()).isEmpty();
            assertThat(item.omitted()).isZero();
        }
        assertThat(result.items().get(0).dichotomous()).isTrue();
        assertThat(result.items().get(1).dichotomous()).isFalse();
    }

    // ------------------------------------------------------------------ flags
    //
    // Dataset 1 plus Q5 (key A) that the weaker half gets right and the stronger half wrong:
    //   Q5 scores S1..S6: 0 0 0 1 1 1
    // numpy: kr20 -1.6176470588 (an incoherent test: reported as is, not hidden), sem 1.1118053387
    //   item 1 r 0.0 ; item 2 r -0.3429971703 ; item 5 r -0.9045340337, D -1.0

    @Test
    void flagsTooEasyTooHardAndNegativeDiscrimination() {
        List<AnalysisItem> items = new ArrayList<>(fourItems());
        items.add(choice("Q5", "A"));
        List<AttemptResponses> attempts = List.of(
                attempt(items, "S1", "A", "B", "C", "D", "B"),
                attempt(items, "S2", "A", "B", "C", "A", "C"),
                attempt(items, "S3", "A", "B", "D", "D", null),
                attempt(items, "S4", "A", "C", "C", "B", "A"),
                attempt(items, "S5", "B", "B", "A", null, "A"),
                attempt(items, "S6", "A", "D", null, "A", "A"));
        ItemAnalysisResult result = ItemAnalysis.analyse(items, attempts);

        assertThat(result.test().reliability().get()).isCloseTo(-1.6176470588, within(EPS));
        assertThat(result.test().standardErrorOfMeasurement().get()).isCloseTo(1.1118053387, within(EPS));
        ItemStatistics q5 = result.items().get(4);
        assertThat(q5.discrimination().get()).isCloseTo(-0.9045340337, within(EPS));
        assertThat(q5.upperLowerIndex().get()).isCloseTo(-1.0, within(EPS));
        assertThat(q5.flags()).containsExactly(ItemFlag.NEGATIVE_DISCRIMINATION);
        assertThat(result.items().get(1).flags()).containsExactly(ItemFlag.NEGATIVE_DISCRIMINATION);
        // r of exactly 0 (up to floating-point noise) is low, not negative.
        assertThat(result.items().get(0).discrimination().get()).isCloseTo(0.0, within(EPS));
        assertThat(result.items().get(0).flags()).containsExactly(ItemFlag.LOW_DISCRIMINATION);

        // Everybody right: too easy (p 1 > 0.9), discrimination absent. Nobody right: too hard (p 0 < 0.2).
        List<AnalysisItem> extremes = List.of(choice("E", "A"), choice("H", "A"), choice("M", "A"));
        List<AttemptResponses> extremeAttempts = List.of(attempt(extremes, "S1", "A", "B", "A"), attempt(extremes, "S2", "A", "C", "B"),
                attempt(extremes, "S3", "A", "B", "A"), attempt(extremes, "S4", "A", null, "B"));
        ItemAnalysisResult easyHard = ItemAnalysis.analyse(extremes, extremeAttempts);
        assertThat(easyHard.items().get(0).flags()).containsExactly(ItemFlag.TOO_EASY);
        assertThat(easyHard.items().get(0).discrimination().absentReason()).isEqualTo(ItemAnalysis.ITEM_WITHOUT_VARIANCE);
        assertThat(easyHard.items().get(1).flags()).containsExactly(ItemFlag.TOO_HARD);
        assertThat(easyHard.items().get(1).difficulty().get()).isZero();
    }

    @Test
    void thresholdsAreTheClassicalRulesOfThumb() {
        assertThat(ItemAnalysis.TOO_EASY_ABOVE).isEqualTo(0.9);
        assertThat(ItemAnalysis.TOO_HARD_BELOW).isEqualTo(0.2);
        assertThat(ItemAnalysis.NEGATIVE_DISCRIMINATION_BELOW).isZero();
        assertThat(ItemAnalysis.LOW_DISCRIMINATION_BELOW).isEqualTo(0.2);
        // Exactly 9 of 10 right is p = 0.9: not above the threshold, so not flagged.
        List<AnalysisItem> items = List.of(choice("Q1", "A"), choice("Q2", "A"));
        List<AttemptResponses> attempts = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            attempts.add(attempt(items, "S" + a, a < 9 ? "A" : "B", a % 2 == 0 ? "A" : "B"));
        }
        var result = ItemAnalysis.analyse(items, attempts);
        assertThat(result.items().getFirst().difficulty().get()).isEqualTo(0.9);
        assertThat(result.items().getFirst().flags()).doesNotContain(ItemFlag.TOO_EASY);
    }

    // ------------------------------------------------------------------ properties

    @Test
    void identicalItemsHaveReliabilityOneAndPerfectDiscrimination() {
        // Three copies of one item: alpha = KR-20 = 1, SEM 0, each item correlates 1 with the rest.
        List<AnalysisItem> items = List.of(choice("Q1", "A"), choice("Q2", "A"), choice("Q3", "A"));
        List<AttemptResponses> attempts = List.of(attempt(items, "S1", "A", "A", "A"), attempt(items, "S2", "B", "B", "B"),
                attempt(items, "S3", "A", "A", "A"), attempt(items, "S4", "A", "A", "A"));
        var result = ItemAnalysis.analyse(items, attempts);
        assertThat(result.test().reliability().get()).isCloseTo(1.0, within(EPS));
        assertThat(result.test().standardErrorOfMeasurement().get()).isCloseTo(0.0, within(EPS));
        assertThat(result.items()).allSatisfy(item -> assertThat(item.discrimination().get()).isCloseTo(1.0, within(EPS)));

        // The same with partial credit (alpha).
        double[][] columns = {{0, 0.5, 2, 1.5}, {0, 0.5, 2, 1.5}, {0, 0.5, 2, 1.5}};
        assertThat(ItemAnalysis.cronbachAlpha(columns)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void kr20EqualsAlphaOnRightWrongItemsAndIgnoresTheCommonWeight() {
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + random.nextInt(40);
            int k = 2 + random.nextInt(10);
            double[][] columns = new double[k][n];
            double[][] weighted = new double[k][n];
            for (int i = 0; i < k; i++) {
                for (int a = 0; a < n; a++) {
                    columns[i][a] = random.nextDouble() < 0.3 + 0.05 * i ? 1 : 0;
                    weighted[i][a] = columns[i][a] * 0.25;
                }
            }
            double alpha = ItemAnalysis.cronbachAlpha(columns);
            if (Double.isFinite(alpha)) {
                assertThat(ItemAnalysis.kr20(columns, 1)).isCloseTo(alpha, within(1e-9));
                assertThat(ItemAnalysis.kr20(weighted, 0.25)).isCloseTo(alpha, within(1e-9));
                assertThat(ItemAnalysis.cronbachAlpha(weighted)).isCloseTo(alpha, within(1e-9));
            }
        }
    }

    @Test
    void statisticsStayInTheirRangesOnRandomData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int k = 1 + random.nextInt(8);
            List<AnalysisItem> items = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                items.add(choice("Q" + i, "ABCD".substring(i % 4, i % 4 + 1)));
            }
            List<AttemptResponses> attempts = new ArrayList<>();
            int n = random.nextInt(30);
            for (int a = 0; a < n; a++) {
                String[] choices = new String[k];
                for (int i = 0; i < k; i++) {
                    int c = random.nextInt(5);
                    choices[i] = c == 4 ? null : "ABCD".substring(c, c + 1);
                }
                attempts.add(attempt(items, "S" + a, choices));
            }
            var result = ItemAnalysis.analyse(items, attempts);
            for (ItemStatistics item : result.items()) {
                if (item.difficulty().isPresent()) {
                    assertThat(item.difficulty().get()).isBetween(0.0, 1.0);
                }
                if (item.discrimination().isPresent()) {
                    assertThat(item.discrimination().get()).isBetween(-1.0, 1.0);
                }
                if (item.upperLowerIndex().isPresent()) {
                    assertThat(item.upperLowerIndex().get()).isBetween(-1.0, 1.0);
                }
                assertThat(item.options().stream().mapToInt(ItemStatistics.OptionCount::count).sum() + item.omitted()).isEqualTo(n);
            }
            if (result.test().reliability().isPresent()) {
                assertThat(result.test().reliability().get()).isLessThanOrEqualTo(1.0 + EPS);
            }
        }
    }

    @Test
    void upperLowerGroupsAreTwentySevenPercentRoundedAtLeastOneAtMostHalf() {
        assertThat(ItemAnalysis.extremeGroupSize(2)).isEqualTo(1);
        assertThat(ItemAnalysis.extremeGroupSize(3)).isEqualTo(1);
        assertThat(ItemAnalysis.extremeGroupSize(6)).isEqualTo(2);   // 1.62
        assertThat(ItemAnalysis.extremeGroupSize(100)).isEqualTo(27);
        assertThat(ItemAnalysis.extremeGroupSize(41)).isEqualTo(11); // 11.07
    }

    // ------------------------------------------------------------------ edge cases: absent, never NaN

    @Test
    void noAttemptsGivesAbsentFiguresWithAReason() {
        var result = ItemAnalysis.analyse(fourItems(), List.of());
        assertThat(result.test().mean().isPresent()).isFalse();
        assertThat(result.test().reliability().absentReason()).isEqualTo(ItemAnalysis.NO_ATTEMPTS);
        ItemStatistics q1 = result.items().getFirst();
        assertThat(q1.difficulty().absentReason()).isEqualTo(ItemAnalysis.NO_ATTEMPTS);
        assertThat(q1.discrimination().isPresent()).isFalse();
        assertThat(q1.omittedShare().isPresent()).isFalse();
        assertThat(q1.options()).allSatisfy(o -> assertThat(o.share().isPresent()).isFalse());
        assertThat(q1.flags()).isEmpty();
    }

    @Test
    void oneStudentHasDifficultyButNoDiscriminationOrReliability() {
        var result = ItemAnalysis.analyse(fourItems(), List.of(attempt(fourItems(), "S1", "A", "C", "C", null)));
        ItemStatistics q1 = result.items().getFirst();
        assertThat(q1.difficulty().get()).isEqualTo(1.0);
        assertThat(q1.discrimination().absentReason()).isEqualTo(ItemAnalysis.TOO_FEW_ATTEMPTS);
        assertThat(q1.upperLowerIndex().absentReason()).isEqualTo(ItemAnalysis.TOO_FEW_ATTEMPTS);
        assertThat(result.test().mean().get()).isEqualTo(2.0);
        assertThat(result.test().standardDeviation().get()).isZero();
        assertThat(result.test().reliability().absentReason()).isEqualTo(ItemAnalysis.TOO_FEW_ATTEMPTS);
        assertThat(result.test().standardErrorOfMeasurement().isPresent()).isFalse();
    }

    @Test
    void everythingOmittedIsAbsentNotNaN() {
        List<AttemptResponses> attempts = List.of(attempt(fourItems(), "S1", null, null, null, null), attempt(fourItems(), "S2", null, null, null, null),
                new AttemptResponses("S3", Map.of("Q1", new Response(BigDecimal.ZERO, Set.of()))));
        var result = ItemAnalysis.analyse(fourItems(), attempts);
        for (ItemStatistics item : result.items()) {
            assertThat(item.difficulty().get()).isZero();
            assertThat(item.discrimination().absentReason()).isEqualTo(ItemAnalysis.ITEM_WITHOUT_VARIANCE);
            assertThat(item.upperLowerIndex().absentReason()).isEqualTo(ItemAnalysis.TOTAL_WITHOUT_VARIANCE);
            assertThat(item.omitted()).isEqualTo(3);
            assertThat(item.omittedShare().get()).isEqualTo(1.0);
            assertThat(item.flags()).containsExactly(ItemFlag.TOO_HARD);
        }
        assertThat(result.test().reliability().absentReason()).isEqualTo(ItemAnalysis.TOTAL_WITHOUT_VARIANCE);
        assertThat(result.test().standardDeviation().get()).isZero();
    }

    @Test
    void constantDecimalScoresCountAsNoVarianceDespiteFloatingPoint() {
        // 0.1 + 0.1 + 0.1 is not 3 × 0.1 in doubles; the constancy check is exact, so no spurious r appears.
        List<AnalysisItem> items = List.of(new AnalysisItem("Q1", "Câu 1", new BigDecimal("0.5"), null),
                new AnalysisItem("Q2", "Câu 2", new BigDecimal("1"), null));
        List<AttemptResponses> attempts = List.of(
                new AttemptResponses("S1", Map.of("Q1", Response.points("0.1"), "Q2", Response.points("1"))),
                new AttemptResponses("S2", Map.of("Q1", Response.points("0.1"), "Q2", Response.points("0"))),
                new AttemptResponses("S3", Map.of("Q1", Response.points("0.1"), "Q2", Response.points("0.5"))));
        var result = ItemAnalysis.analyse(items, attempts);
        assertThat(result.items().get(0).discrimination().absentReason()).isEqualTo(ItemAnalysis.ITEM_WITHOUT_VARIANCE);
        assertThat(result.items().get(1).discrimination().absentReason()).isEqualTo(ItemAnalysis.REST_WITHOUT_VARIANCE);
        assertThat(result.items().get(0).difficulty().get()).isCloseTo(0.2, within(EPS));
    }

    @Test
    void singleItemTestHasNoReliability() {
        List<AnalysisItem> items = List.of(choice("Q1", "A"));
        var result = ItemAnalysis.analyse(items, List.of(attempt(items, "S1", "A"), attempt(items, "S2", "B")));
        assertThat(result.test().reliability().absentReason()).isEqualTo(ItemAnalysis.TOO_FEW_ITEMS);
        assertThat(result.items().getFirst().discrimination().absentReason()).isEqualTo(ItemAnalysis.REST_WITHOUT_VARIANCE);
        assertThat(result.items().getFirst().upperLowerIndex().get()).isEqualTo(1.0);
    }

    @Test
    void multipleResponseSharesCountEachOption() {
        AnalysisItem item = new AnalysisItem("M", "Câu 1", BigDecimal.ONE, List.of(new AnalysisItem.Option("a", "A", true),
                new AnalysisItem.Option("b", "B", true), new AnalysisItem.Option("c", "C", false)));
        var result = ItemAnalysis.analyse(List.of(item), List.of(
                new AttemptResponses("S1", Map.of("M", Response.chose("1", "a", "b"))),
                new AttemptResponses("S2", Map.of("M", Response.chose("0.5", "a", "c"))),
                new AttemptResponses("S3", Map.of())));
        assertThat(result.items().getFirst().options()).extracting(ItemStatistics.OptionCount::count).containsExactly(2, 1, 1);
        assertThat(result.items().getFirst().omitted()).isEqualTo(1);
        assertThat(result.items().getFirst().dichotomous()).isFalse();
        assertThat(result.test().reliabilityMethod()).isEqualTo(TestStatistics.ReliabilityMethod.CRONBACH_ALPHA);
    }

    @Test
    void refusesResponsesTheTestCannotHave() {
        assertThatThrownBy(() -> ItemAnalysis.analyse(fourItems(), List.of(new AttemptResponses("S1", Map.of("Q9", Response.points("1"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q9");
        assertThatThrownBy(() -> ItemAnalysis.analyse(fourItems(), List.of(new AttemptResponses("S1", Map.of("Q1", Response.chose("1", "Z"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option Z");
        assertThatThrownBy(() -> ItemAnalysis.analyse(fourItems(), List.of(new AttemptResponses("S1", Map.of("Q1", Response.points("1.5"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum 1");
        assertThatThrownBy(() -> ItemAnalysis.analyse(fourItems(), List.of(attempt(fourItems(), "S1", "A", "A", "A", "A"), attempt(fourItems(), "S1", "A", "A", "A", "A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void roundingForDisplayIsHalfUp() {
        assertThat(new Measure(0.125, null).rounded(2)).isEqualByComparingTo("0.13");
        assertThat(new Measure(-0.3429971703, null).rounded(2)).isEqualByComparingTo("-0.34");
        assertThat(Measure.absent("x").rounded(2)).isNull();
        assertThat(Measure.of(Double.NaN, "undefined").isPresent()).isFalse();
        assertThatThrownBy(() -> new Measure(Double.POSITIVE_INFINITY, null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ builders

    /** A single-choice item worth 1 point with options A–D (ids "Qn-A", ...) and the given key letter. */
    static AnalysisItem choice(String id, String key) {
        List<AnalysisItem.Option> options = new ArrayList<>();
        for (String letter : List.of("A", "B", "C", "D")) {
            options.add(new AnalysisItem.Option(id + "-" + letter, letter, letter.equals(key)));
        }
        return new AnalysisItem(id, "Câu " + id.substring(1), BigDecimal.ONE, options);
    }

    /** An attempt choosing these letters of the items in order (null: omitted), scored 1 when the letter is the key. */
    static AttemptResponses attempt(List<AnalysisItem> items, String id, String... letters) {
        Map<String, Response> byItem = new HashMap<>();
        for (int i = 0; i < letters.length; i++) {
            if (letters[i] != null) {
                AnalysisItem item = items.get(i);
                String option = item.id() + "-" + letters[i];
                boolean key = item.options().stream().anyMatch(o -> o.id().equals(option) && o.key());
                byItem.put(item.id(), Response.chose(key ? "1" : "0", option));
            }
        }
        return new AttemptResponses(id, byItem);
    }
}
