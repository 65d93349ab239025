package vn.truongso.questions.papers;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.Ids;
import vn.truongso.questions.domain.BankInput;
import vn.truongso.questions.domain.Banks;
import vn.truongso.questions.domain.Questions;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/** Banks of classified questions written through the module's own repositories, for the API tests. */
@Component
class PaperFixtures {

    private final Banks banks;
    private final Questions questions;
    private final TransactionTemplate tx;

    PaperFixtures(Banks banks, Questions questions, TransactionTemplate tx) {
        this.banks = banks;
        this.questions = questions;
        this.tx = tx;
    }

    UUID bank(UUID schoolId, String name) {
        UUID id = Ids.newId();
        tx.executeWithoutResult(s -> banks.insert(schoolId, id, new BankInput(name, null, "TOAN", 6, null, "BHV"), Ids.newId(), now()));
        return id;
    }

    /** n questions of a type in a chapter (the category) at a level; returns their ids. */
    List<UUID> add(UUID schoolId, UUID bankId, String chapter, String level, String type, int n) {
        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            int position = questions.nextPosition(schoolId, bankId);
            for (int i = 0; i < n; i++) {
                UUID id = Ids.newId();
                questions.insert(schoolId, id, bankId, position++, question(type, chapter + " " + level + " " + i, chapter, level), null, Ids.newId(),
                        now());
                ids.add(id);
            }
        });
        return ids;
    }

    static Question question(String type, String text, String chapter, String level) {
        Question.Builder b = Question.builder(type).stem("Câu hỏi " + text).category("Toán 6/" + chapter)
                .classification(new Classification("TOAN", 6, null, null, "BHV", level, null, null, List.of()));
        switch (type) {
            case QuestionTypes.SINGLE_CHOICE -> b.choice("A", "ĐÚNG " + text, true).choice("B", "sai một", false).choice("C", "sai hai", false)
                    .choice("D", "sai ba", false);
            case QuestionTypes.TRUE_FALSE_CLUSTER -> b.choice("a", "ý một", true).choice("b", "ý hai", false).choice("c", "ý ba", true)
                    .choice("d", "ý bốn", false);
            case QuestionTypes.SHORT_ANSWER -> b.number(new NumericAnswer(new java.math.BigDecimal("12.5"), null, null, null, false));
            case QuestionTypes.ESSAY -> b.rubric(Content.plain("Hướng dẫn chấm " + text));
            default -> {
            }
        }
        return b.build();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
