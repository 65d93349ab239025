package vn.truongso.testing.analysis;

import java.util.List;

/** The analysis of a test session: the test's figures and each item's, in the items' order. */
public record ItemAnalysisResult(TestStatistics test, List<ItemStatistics> items) {

    public ItemAnalysisResult {
        items = List.copyOf(items);
    }
}
