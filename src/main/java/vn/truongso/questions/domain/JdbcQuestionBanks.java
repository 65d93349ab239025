package vn.truongso.questions.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.model.Question;

/** The module's public read surface, over the bank and question repositories. */
@Component
class JdbcQuestionBanks implements QuestionBanks {

    private final Banks banks;
    private final Questions questions;
    private final JdbcClient jdbc;

    JdbcQuestionBanks(Banks banks, Questions questions, JdbcClient jdbc) {
        this.banks = banks;
        this.questions = questions;
        this.jdbc = jdbc;
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

    @Override
    public List<PracticeSetSummary> practiceSetsOf(UUID schoolId) {
        return jdbc.sql("""
                SELECT s.id, s.title, (SELECT count(*) FROM practice_set_question q WHERE q.school_id = s.school_id AND q.set_id = s.id)
                FROM practice_set s WHERE s.school_id = ? ORDER BY s.created_at DESC""").param(schoolId)
                .query((rs, i) -> new PracticeSetSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).list();
    }

    @Override
    public List<UUID> practiceSetQuestionIds(UUID schoolId, UUID setId) {
        return jdbc.sql("SELECT question_id FROM practice_set_question WHERE school_id = ? AND set_id = ? ORDER BY position")
                .params(schoolId, setId).query(UUID.class).list();
    }
}
