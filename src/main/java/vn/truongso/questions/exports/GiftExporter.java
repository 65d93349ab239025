package vn.truongso.questions.exports;

import java.util.List;

import vn.truongso.questions.model.Question;

public final class GiftExporter implements QuestionExporter {

    @Override
    public String format() {
        return "gift";
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public String extension() {
        return "gift";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        return new byte[0];
    }
}
