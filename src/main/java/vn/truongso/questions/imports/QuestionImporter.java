package vn.truongso.questions.imports;

/**
 * Reads one file format into question drafts and every problem found, located by question number or line. An
 * importer never stores anything; {@link ImportPipeline} validates the drafts with their types and the import
 * service commits them all or nothing. A new format (the Word .docx importer) is one more implementation listed in
 * {@link ImportPipeline}.
 */
public interface QuestionImporter {

    /** The format code of the API: {@code gift}, {@code aiken}, {@code moodle-xml}, {@code qti}, {@code xlsx}. */
    String format();

    ImportResult parse(ImportSource source);
}
