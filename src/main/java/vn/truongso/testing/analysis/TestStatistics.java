package vn.truongso.testing.analysis;

import java.math.BigDecimal;

/**
 * Figures of the whole test over the analysed attempts. Variances divide by the number of attempts (the attempts of a
 * session are the whole group analysed, not a sample of a larger one); with that convention KR-20 and Cronbach's alpha
 * agree exactly on right/wrong items.
 *
 * @param attempts analysed attempts
 * @param items items of the test
 * @param maxScore the sum of the items' maximum points
 * @param mean mean total score
 * @param standardDeviation standard deviation of the total scores
 * @param reliabilityMethod KR-20 when every item is right/wrong, else Cronbach's alpha
 * @param reliability the internal-consistency coefficient (can be negative on an incoherent test, and is reported so)
 * @param standardErrorOfMeasurement SD × √(1 − reliability), in points
 */
public record TestStatistics(int attempts, int items, BigDecimal maxScore, Measure mean, Measure standardDeviation,
        ReliabilityMethod reliabilityMethod, Measure reliability, Measure standardErrorOfMeasurement) {

    public enum ReliabilityMethod {
        /** Kuder–Richardson formula 20, for items scored right/wrong: k/(k−1) · (1 − Σ p·q / σ²). */
        KR20,
        /** Cronbach's alpha, for any scoring: k/(k−1) · (1 − Σ σ²(item) / σ²(total)). */
        CRONBACH_ALPHA
    }
}
