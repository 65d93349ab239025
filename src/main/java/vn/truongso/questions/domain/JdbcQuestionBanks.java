package vn.truongso.questions.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.model.Question;

/** The module's public read surface, over the bank and question repositories. */
@Component
class JdbcQuestionBanks implements QuestionBanks {

    private final Banks banks;
    private final Questions questions;

    JdbcQuestionBanks(Banks banks, Questions questions) {
        this.banks = banks;
        this.questions = questions;
    }

    @Override
    public List<BankSummary> banksOf(UUID schoolId) {
        return banks.ofSchool(schoolId).stream()
                .map(b -> new BankSummary(b.id(), b.name(), b.subjectCode(), b.grade(), b.status(), b.questionCount(), b.cognitiveScheme())).toList();
    }

    @Override
    public List<UUID> questionIds(UUID schoolId, UUID bankId) {
        return questions.ofBank(schoolId, bankId).stream().map(StoredQuestion::id).toList();
    }

    @Override
    public Map<UUID, Question> questions(UUID schoolId, Collection<UUID> ids) {
        Map<UUID, Question> byId = new LinkedHashMap<>();
        questions.findAll(schoolId, ids).forEach(q -> byId.put(q.id(), q.question()));
        return byId;
    }
}
