package vn.truongso.questions.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.questions.QuestionBanks;

/** The module's public read surface, over the bank repository. */
@Component
class JdbcQuestionBanks implements QuestionBanks {

    private final Banks banks;

    JdbcQuestionBanks(Banks banks) {
        this.banks = banks;
    }

    @Override
    public List<BankSummary> banksOf(UUID schoolId) {
        return banks.ofSchool(schoolId).stream()
                .map(b -> new BankSummary(b.id(), b.name(), b.subjectCode(), b.grade(), b.status(), b.questionCount())).toList();
    }
}
