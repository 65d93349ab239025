package vn.truongso.testing.analysis;

import java.util.List;
import java.util.Set;

/**
 * The classical test theory figures of one item over the analysed attempts.
 *
 * @param item the item as given
 * @param attempts how many attempts were analysed (every attempt counts for every item; an omitted item scores what
 *        its response says, zero when there is none)
 * @param meanPoints the mean points earned on the item
 * @param difficulty the p-value: mean points ÷ maximum points, from 0 (nobody scored) to 1 (everybody scored full
 *        marks); for an item scored right/wrong it is the proportion answering correctly
 * @param discrimination the corrected item–total correlation: Pearson's r between the item's points and the rest score
 *        (the total minus this item), which for a right/wrong item is the point-biserial correlation. Correcting
 *        removes the item's own share of the total, which otherwise inflates r on short tests
 * @param upperLowerIndex Kelley's upper–lower index D: mean item points of the 27 % of attempts with the highest total
 *        minus that of the 27 % with the lowest, divided by the maximum points (p upper − p lower for right/wrong items)
 * @param dichotomous whether every analysed score is 0 or the maximum
 * @param options per option, in the item's order, how many attempts chose it and their share of all attempts (a
 *        multiple-response item's shares can add up to more than 1); empty for a non-choice item
 * @param omitted attempts that gave no answer to the item
 * @param omittedShare {@code omitted} ÷ attempts
 * @param flags what a reviewer should look at
 */
public record ItemStatistics(AnalysisItem item, int attempts, Measure meanPoints, Measure difficulty, Measure discrimination,
        Measure upperLowerIndex, boolean dichotomous, List<OptionCount> options, int omitted, Measure omittedShare, Set<ItemFlag> flags) {

    public ItemStatistics {
        options = List.copyOf(options);
        flags = Set.copyOf(flags);
    }

    /** How often one option was chosen. */
    public record OptionCount(AnalysisItem.Option option, int count, Measure share) {
    }
}
