package vn.truongso.questions.exports;

import java.util.List;

import vn.truongso.questions.model.Question;

public final class MoodleXmlExporter implements QuestionExporter {

    @Override
    public String format() {
        return "moodle-xml";
    }

    @Override
    public String mediaType() {
        return "application/octet-stream";
    }

    @Override
    public String extension() {
        return "moodle-xml";
    }

    @Override
    public byte[] export(String title, List<Question> questions, BlobReader blobs) {
        return new byte[0];
    }
}
