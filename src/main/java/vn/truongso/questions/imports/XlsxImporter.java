package vn.truongso.questions.imports;

import java.util.List;

public final class XlsxImporter implements QuestionImporter {

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public ImportResult parse(ImportSource source) {
        return new ImportResult(List.of(), List.of());
    }
}
