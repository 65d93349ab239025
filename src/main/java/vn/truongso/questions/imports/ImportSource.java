package vn.truongso.questions.imports;

/** A file to import and where its embedded images and audio go. */
public record ImportSource(String filename, byte[] bytes, Attachments attachments) {

    public ImportSource {
        bytes = bytes == null ? new byte[0] : bytes;
        attachments = attachments == null ? Attachments.HASH_ONLY : attachments;
    }

    public static ImportSource of(String filename, byte[] bytes) {
        return new ImportSource(filename, bytes, Attachments.HASH_ONLY);
    }
}
