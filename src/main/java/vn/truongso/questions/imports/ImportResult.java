package vn.truongso.questions.imports;

import java.util.List;

import vn.truongso.questions.model.Problem;

/** What a file holds: the parsed questions and every problem; the file may be committed only without problems. */
public record ImportResult(List<ParsedQuestion> questions, List<Problem> problems) {

    public ImportResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && !questions.isEmpty();
    }
}
