package vn.truongso.testing.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Classical test theory item analysis of a test session (phân tích câu hỏi): each item's difficulty, discrimination
 * and option choices, and the test's reliability. A pure computation over graded attempts; it reads nothing and keeps
 * nothing.
 *
 * <p>Conventions, stated once:
 * <ul>
 * <li>Every attempt counts for every item; an omitted item scores the points its response says (zero when none).</li>
 * <li>Discrimination is the <em>corrected</em> item–total correlation (item vs. total minus the item); for items scored
 * right/wrong it is the point-biserial correlation. The upper–lower index uses the uncorrected total to rank attempts
 * (Kelley's 27 % groups), and breaks ties in total by the order the attempts were given in.</li>
 * <li>Variances divide by the number of attempts (the analysed attempts are the whole group); KR-20 is used when every
 * item is scored right/wrong with the same maximum, where it equals Cronbach's alpha, and alpha otherwise.</li>
 * <li>A figure that is undefined (no variance, too few attempts or items) is absent with a reason: never NaN.</li>
 * </ul>
 */
public final class ItemAnalysis {

    // Rules of thumb of classical test theory (e.g. Ebel & Frisbie, Essentials of Educational Measurement, 1991, and
    // common item-analysis guides): items answered correctly by more than 90 % or fewer than 20 % of students tell
    // students apart poorly and are reviewed; a discrimination index of 0.40 and above is very good, 0.30–0.39 good,
    // 0.20–0.29 marginal (revise), below 0.20 poor (revise or drop), and a negative one usually means a wrong key or an
    // ambiguous item.

    /** Items with difficulty p above this are flagged {@link ItemFlag#TOO_EASY}. */
    public static final double TOO_EASY_ABOVE = 0.90;
    /** Items with difficulty p below this are flagged {@link ItemFlag#TOO_HARD}. */
    public static final double TOO_HARD_BELOW = 0.20;
    /** Items with discrimination below 0 are flagged {@link ItemFlag#NEGATIVE_DISCRIMINATION}. */
    public static final double NEGATIVE_DISCRIMINATION_BELOW = 0.0;
    /** Items with discrimination from 0 up to (excluding) this are flagged {@link ItemFlag#LOW_DISCRIMINATION}. */
    public static final double LOW_DISCRIMINATION_BELOW = 0.20;
    /** The share of attempts in each of the upper and lower groups of the upper–lower index (Kelley, 1939). */
    public static final double EXTREME_GROUP_SHARE = 0.27;

    // Why a figure is absent (stable texts a user interface can translate).
    public static final String NO_ATTEMPTS = "no attempts to analyse";
    public static final String TOO_FEW_ATTEMPTS = "needs at least two attempts";
    public static final String TOO_FEW_ITEMS = "needs at least two items";
    public static final String ZERO_MAX_POINTS = "the item's maximum points is zero";
    public static final String ITEM_WITHOUT_VARIANCE = "every attempt scored the same on this item";
    public static final String REST_WITHOUT_VARIANCE = "every attempt scored the same on the other items";
    public static final String TOTAL_WITHOUT_VARIANCE = "every attempt has the same total score";
    public static final String UNDEFINED = "undefined for these scores";

    private ItemAnalysis() {
    }

    /**
     * Analyses the attempts of a test.
     *
     * @throws IllegalArgumentException when a response names an item or an option the test does not have, or its points
     *         fall outside 0..maximum (graded input is expected)
     */
    public static ItemAnalysisResult analyse(List<AnalysisItem> items, List<AttemptResponses> attempts) {
        int k = items.size();
        int n = attempts.size();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < k; i++) {
            if (itemIndex.put(items.get(i).id(), i) != null) {
                throw new IllegalArgumentException("item " + items.get(i).id() + " is listed twice");
            }
        }
        Set<String> attemptIds = new HashSet<>();
        // points[a][i] exactly, for the constancy checks; the statistics use doubles.
        BigDecimal[][] points = new BigDecimal[n][k];
        BigDecimal[] totals = new BigDecimal[n];
        boolean[][] omitted = new boolean[n][k];
        List<List<Set<String>>> chosen = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            AttemptResponses attempt = attempts.get(a);
            if (!attemptIds.add(attempt.attemptId())) {
                throw new IllegalArgumentException("attempt " + attempt.attemptId() + " is listed twice");
            }
            for (String itemId : attempt.byItem().keySet()) {
                if (!itemIndex.containsKey(itemId)) {
                    throw new IllegalArgumentException("attempt " + attempt.attemptId() + " answers item " + itemId + " the test does not have");
                }
            }
            List<Set<String>> choices = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < k; i++) {
                AnalysisItem item = items.get(i);
                AttemptResponses.Response response = attempt.byItem().get(item.id());
                BigDecimal earned = response == null ? BigDecimal.ZERO : response.points();
                if (earned.signum() < 0 || earned.compareTo(item.maxPoints()) > 0) {
                    throw new IllegalArgumentException("attempt " + attempt.attemptId() + " earned " + earned.toPlainString() + " on item "
                            + item.id() + " (maximum " + item.maxPoints().toPlainString() + ")");
                }
                Set<String> options = response == null ? Set.of() : response.chosen();
                for (String option : options) {
                    if (!item.hasOption(option)) {
                        throw new IllegalArgumentException("attempt " + attempt.attemptId() + " chose option " + option + " that item "
                                + item.id() + " does not have");
                    }
                }
                points[a][i] = earned;
                omitted[a][i] = response == null || (item.isChoice() && options.isEmpty());
                choices.add(options);
                total = total.add(earned);
            }
            chosen.add(choices);
            totals[a] = total;
        }

        double[] total = new double[n];
        for (int a = 0; a < n; a++) {
            total[a] = totals[a].doubleValue();
        }
        Integer[] ranked = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Highest total first; equal totals keep the given order (Arrays.sort of objects is stable).
        java.util.Arrays.sort(ranked, Comparator.comparing((Integer a) -> totals[a]).reversed());
        boolean totalsVary = varies(totals);

        List<ItemStatistics> itemStatistics = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            itemStatistics.add(item(items.get(i), i, n, points, omitted, chosen, total, ranked, totalsVary));
        }
        return new ItemAnalysisResult(test(items, itemStatistics, n, points, total, totalsVary), itemStatistics);
    }

    private static ItemStatistics item(AnalysisItem item, int i, int n, BigDecimal[][] points, boolean[][] omitted,
            List<List<Set<String>>> chosen, double[] total, Integer[] ranked, boolean totalsVary) {
        double max = item.maxPoints().doubleValue();
        BigDecimal[] column = new BigDecimal[n];
        double[] x = new double[n];
        BigDecimal sum = BigDecimal.ZERO;
        boolean dichotomous = item.maxPoints().signum() > 0;
        int omittedCount = 0;
        for (int a = 0; a < n; a++) {
            column[a] = points[a][i];
            x[a] = column[a].doubleValue();
            sum = sum.add(column[a]);
            dichotomous &= column[a].signum() == 0 || column[a].compareTo(item.maxPoints()) == 0;
            omittedCount += omitted[a][i] ? 1 : 0;
        }

        Measure mean = n == 0 ? Measure.absent(NO_ATTEMPTS) : Measure.of(sum.doubleValue() / n, UNDEFINED);
        Measure difficulty;
        if (n == 0) {
            difficulty = Measure.absent(NO_ATTEMPTS);
        } else if (max == 0) {
            difficulty = Measure.absent(ZERO_MAX_POINTS);
        } else {
            difficulty = Measure.of(sum.doubleValue() / (n * max), UNDEFINED);
        }

        Measure discrimination;
        if (n == 0) {
            discrimination = Measure.absent(NO_ATTEMPTS);
        } else if (n < 2) {
            discrimination = Measure.absent(TOO_FEW_ATTEMPTS);
        } else if (!varies(column)) {
            discrimination = Measure.absent(ITEM_WITHOUT_VARIANCE);
        } else {
            BigDecimal[] restExact = new BigDecimal[n];
            double[] rest = new double[n];
            for (int a = 0; a < n; a++) {
                BigDecimal r = BigDecimal.ZERO;
                for (int j = 0; j < points[a].length; j++) {
                    if (j != i) {
                        r = r.add(points[a][j]);
                    }
                }
                restExact[a] = r;
                rest[a] = r.doubleValue();
            }
            discrimination = varies(restExact) ? Measure.of(clamp(correlation(x, rest)), UNDEFINED) : Measure.absent(REST_WITHOUT_VARIANCE);
        }

        Measure upperLower;
        if (n == 0) {
            upperLower = Measure.absent(NO_ATTEMPTS);
        } else if (n < 2) {
            upperLower = Measure.absent(TOO_FEW_ATTEMPTS);
        } else if (max == 0) {
            upperLower = Measure.absent(ZERO_MAX_POINTS);
        } else if (!totalsVary) {
            upperLower = Measure.absent(TOTAL_WITHOUT_VARIANCE);
        } else {
            int group = extremeGroupSize(n);
            double upper = 0;
            double lower = 0;
            for (int g = 0; g < group; g++) {
                upper += x[ranked[g]];
                lower += x[ranked[n - 1 - g]];
            }
            upperLower = Measure.of((upper - lower) / (group * max), UNDEFINED);
        }

        List<ItemStatistics.OptionCount> options = new ArrayList<>();
        if (item.isChoice()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            item.options().forEach(o -> counts.put(o.id(), 0));
            for (int a = 0; a < n; a++) {
                for (String option : chosen.get(a).get(i)) {
                    counts.merge(option, 1, Integer::sum);
                }
            }
            for (AnalysisItem.Option option : item.options()) {
                int count = counts.get(option.id());
                options.add(new ItemStatistics.OptionCount(option, count, share(count, n)));
            }
        }

        // Flags compare figures snapped to 9 decimals, so floating-point noise (r = -1e-17 for an r of exactly 0) flags nothing.
        Set<ItemFlag> flags = EnumSet.noneOf(ItemFlag.class);
        if (difficulty.isPresent() && snap(difficulty.get()) > TOO_EASY_ABOVE) {
            flags.add(ItemFlag.TOO_EASY);
        }
        if (difficulty.isPresent() && snap(difficulty.get()) < TOO_HARD_BELOW) {
            flags.add(ItemFlag.TOO_HARD);
        }
        if (discrimination.isPresent() && snap(discrimination.get()) < NEGATIVE_DISCRIMINATION_BELOW) {
            flags.add(ItemFlag.NEGATIVE_DISCRIMINATION);
        } else if (discrimination.isPresent() && snap(discrimination.get()) < LOW_DISCRIMINATION_BELOW) {
            flags.add(ItemFlag.LOW_DISCRIMINATION);
        }
        return new ItemStatistics(item, n, mean, difficulty, discrimination, upperLower, n > 0 && dichotomous, options, omittedCount,
                share(omittedCount, n), flags);
    }

    private static TestStatistics test(List<AnalysisItem> items, List<ItemStatistics> statistics, int n, BigDecimal[][] points, double[] total,
            boolean totalsVary) {
        int k = items.size();
        BigDecimal maxScore = items.stream().map(AnalysisItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean kr20 = k > 0 && statistics.stream().allMatch(ItemStatistics::dichotomous)
                && items.stream().map(AnalysisItem::maxPoints).allMatch(m -> m.compareTo(items.getFirst().maxPoints()) == 0);
        TestStatistics.ReliabilityMethod method = kr20 ? TestStatistics.ReliabilityMethod.KR20 : TestStatistics.ReliabilityMethod.CRONBACH_ALPHA;
        if (n == 0) {
            return new TestStatistics(0, k, maxScore, Measure.absent(NO_ATTEMPTS), Measure.absent(NO_ATTEMPTS), method,
                    Measure.absent(NO_ATTEMPTS), Measure.absent(NO_ATTEMPTS));
        }
        double mean = mean(total);
        double sd = Math.sqrt(variance(total));
        Measure reliability;
        if (k < 2) {
            reliability = Measure.absent(TOO_FEW_ITEMS);
        } else if (n < 2) {
            reliability = Measure.absent(TOO_FEW_ATTEMPTS);
        } else if (!totalsVary) {
            reliability = Measure.absent(TOTAL_WITHOUT_VARIANCE);
        } else {
            double[][] columns = new double[k][n];
            for (int a = 0; a < n; a++) {
                for (int i = 0; i < k; i++) {
                    columns[i][a] = points[a][i].doubleValue();
                }
            }
            reliability = Measure.of(kr20 ? kr20(columns, items.getFirst().maxPoints().doubleValue()) : cronbachAlpha(columns), UNDEFINED);
        }
        Measure sem = reliability.isPresent() ? Measure.of(sd * Math.sqrt(Math.max(0, 1 - reliability.get())), UNDEFINED) : reliability;
        return new TestStatistics(n, k, maxScore, Measure.of(mean, UNDEFINED), Measure.of(sd, UNDEFINED), method, reliability, sem);
    }

    /** Cronbach's alpha of the item columns (points), with population variances: k/(k−1) · (1 − Σ var(item) / var(total)). */
    static double cronbachAlpha(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        double[] total = new double[n];
        double itemVariances = 0;
        for (double[] column : columns) {
            itemVariances += variance(column);
            for (int a = 0; a < n; a++) {
                total[a] += column[a];
            }
        }
        return k / (k - 1.0) * (1 - itemVariances / variance(total));
    }

    /**
     * KR-20 of right/wrong items all worth {@code max}: k/(k−1) · (1 − Σ p·q / var(number right)), computed on the
     * items as 0/1 (the result does not depend on the common weight).
     */
    static double kr20(double[][] columns, double max) {
        int k = columns.length;
        int n = columns[0].length;
        double[] right = new double[n];
        double pq = 0;
        for (double[] column : columns) {
            int correct = 0;
            for (int a = 0; a < n; a++) {
                if (column[a] == max) {
                    correct++;
                    right[a]++;
                }
            }
            double p = correct / (double) n;
            pq += p * (1 - p);
        }
        return k / (k - 1.0) * (1 - pq / variance(right));
    }

    /** The size of each of the upper and lower groups: 27 % of the attempts rounded, at least 1, at most half. */
    static int extremeGroupSize(int n) {
        return Math.min(n / 2, Math.max(1, (int) Math.round(EXTREME_GROUP_SHARE * n)));
    }

    private static Measure share(int count, int n) {
        return n == 0 ? Measure.absent(NO_ATTEMPTS) : Measure.of(count / (double) n, UNDEFINED);
    }

    private static boolean varies(BigDecimal[] values) {
        for (BigDecimal value : values) {
            if (value.compareTo(values[0]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population variance (divides by n), two-pass for accuracy. */
    static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / values.length;
    }

    /** Pearson's correlation of two columns that both vary. */
    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int a = 0; a < x.length; a++) {
            sxy += (x[a] - mx) * (y[a] - my);
            sxx += (x[a] - mx) * (x[a] - mx);
            syy += (y[a] - my) * (y[a] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double snap(double value) {
        return Math.rint(value * 1e9) / 1e9;
    }

    /** Rounding can push |r| a hair over 1. */
    private static double clamp(double r) {
        return Double.isFinite(r) ? Math.max(-1, Math.min(1, r)) : r;
    }
}
