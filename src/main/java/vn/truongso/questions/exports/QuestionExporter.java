package vn.truongso.questions.exports;

import java.util.List;

import vn.truongso.questions.model.Question;

/** Writes questions in one file format. Images referenced as {@code blob:SHA256} are read through {@link BlobReader}. */
public interface QuestionExporter {

    /** The format code of the API: {@code gift}, {@code moodle-xml}, {@code qti}. */
    String format();

    String mediaType();

    String extension();

    byte[] export(String title, List<Question> questions, BlobReader blobs);

    /** Reads an attached file's bytes by its SHA-256 name (for formats that embed or package files). */
    @FunctionalInterface
    interface BlobReader {
        byte[] read(String sha256);

        BlobReader NONE = sha -> null;
    }
}
