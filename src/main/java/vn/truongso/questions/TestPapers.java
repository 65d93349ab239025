package vn.truongso.questions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Test papers (đề kiểm tra) built from a blueprint (ma trận đề), as the testing engine takes them: each variant (mã đề)
 * is an ordered list of questions with the points the paper gives them and the order their options are shown in.
 */
public interface TestPapers {

    /** One question of a variant. {@code optionOrder} lists choice ids in display order; empty keeps the stored order. */
    record PaperItem(UUID questionId, BigDecimal points, List<String> optionOrder) {
        public PaperItem {
            optionOrder = optionOrder == null ? List.of() : List.copyOf(optionOrder);
        }
    }

    /** A variant (mã đề), e.g. code "101". */
    record Variant(String code, List<PaperItem> items) {
        public Variant {
            items = List.copyOf(items);
        }
    }

    record Paper(UUID id, String title, BigDecimal totalPoints, List<Variant> variants) {
        public Paper {
            variants = List.copyOf(variants);
        }
    }

    /** The school's paper with its variants; empty when it is not the school's. */
    Optional<Paper> find(UUID schoolId, UUID paperId);

    /** A paper as a picker lists it: title, total points and its variant codes. */
    record PaperSummary(UUID id, String title, BigDecimal totalPoints, List<String> codes) {
        public PaperSummary {
            codes = List.copyOf(codes);
        }
    }

    /** The school's papers, newest first (for choosing one, e.g. when a test session is made from a paper). */
    default List<PaperSummary> list(UUID schoolId) {
        return List.of();
    }
}
