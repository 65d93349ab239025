package vn.truongso.questions.imports;

import java.util.List;

public final class QtiImporter implements QuestionImporter {

    @Override
    public String format() {
        return "qti";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        return new ImportResult(List.of(), List.of());
    }
}
