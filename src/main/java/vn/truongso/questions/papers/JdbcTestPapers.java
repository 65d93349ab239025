package vn.truongso.questions.papers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.truongso.questions.TestPapers;

/** The module's {@link TestPapers} over the stored papers: what the testing engine runs. */
@Component
class JdbcTestPapers implements TestPapers {

    private final Papers papers;

    JdbcTestPapers(Papers papers) {
        this.papers = papers;
    }

    @Override
    public Optional<Paper> find(UUID schoolId, UUID paperId) {
        return papers.find(schoolId, paperId).map(h -> new Paper(h.id(), h.title(), h.totalPoints(),
                papers.variants(schoolId, paperId).stream().map(v -> new Variant(v.code(),
                        v.items().stream().map(i -> new PaperItem(i.questionId(), i.points(), i.optionOrder())).toList())).toList()));
    }

    @Override
    public List<PaperSummary> list(UUID schoolId) {
        return papers.ofSchool(schoolId).stream().map(h -> new PaperSummary(h.id(), h.title(), h.totalPoints(), h.codes())).toList();
    }
}
