package vn.truongso.questions.imports;

import java.util.List;

public final class AikenImporter implements QuestionImporter {

    @Override
    public String format() {
        return "aiken";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        return new ImportResult(List.of(), List.of());
    }
}
