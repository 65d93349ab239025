package vn.truongso.questions.exports;

import java.util.List;

import vn.truongso.questions.model.Question;

public final class QtiExporter implements QuestionExporter {

    @Override
    public String format() {
        return "qti";
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public String extension() {
        return "qti";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        return new byte[0];
    }
}
