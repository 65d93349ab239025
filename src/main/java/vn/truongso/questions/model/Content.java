package vn.truongso.questions.model;

/**
 * A piece of question text and the markup it is written in: {@code plain}, {@code html}, {@code markdown} or
 * {@code moodle} (Moodle's auto-format). Formulas are kept as LaTeX between {@code \( \)} or {@code $$ $$} and
 * rendered in the browser; images are {@code <img src="blob:SHA256">} references to the platform BlobStore; tables
 * and audio are HTML.
 */
public record Content(String format, String text) {

    public static final String PLAIN = "plain";
    public static final String HTML = "html";
    public static final String MARKDOWN = "markdown";
    public static final String MOODLE = "moodle";

    public Content {
        format = format == null ? PLAIN : format;
        text = text == null ? "" : text;
    }

    public static Content plain(String text) {
        return new Content(PLAIN, text);
    }

    public static Content html(String text) {
        return new Content(HTML, text);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
