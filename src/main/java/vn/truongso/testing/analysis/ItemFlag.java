package vn.truongso.testing.analysis;

/** Why an item deserves a second look; see the thresholds in {@link ItemAnalysis}. */
public enum ItemFlag {
    /** Difficulty (p) above {@link ItemAnalysis#TOO_EASY_ABOVE}: nearly everybody scores, the item tells students apart little. */
    TOO_EASY,
    /** Difficulty (p) below {@link ItemAnalysis#TOO_HARD_BELOW}: nearly nobody scores; check the key and the wording. */
    TOO_HARD,
    /** Discrimination below 0: weaker students do better on it than stronger ones; often a wrong key or an ambiguous item. */
    NEGATIVE_DISCRIMINATION,
    /** Discrimination from 0 up to {@link ItemAnalysis#LOW_DISCRIMINATION_BELOW}: the item hardly separates strong from weak. */
    LOW_DISCRIMINATION
}
