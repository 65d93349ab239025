package vn.truongso.platform;

import java.io.InputStream;
import java.util.Set;

/**
 * The one way an uploaded file enters storage. {@link #accept} streams the content in constant memory to a local
 * spool file while hashing it, detects the type from the bytes (magic numbers; for ZIP-based Office files and
 * packages, the entries), checks the name's extension against the content, scans for viruses when a scanner is
 * configured, and only then hands the content to the {@link BlobStore}. A refused upload therefore never reaches
 * the store: nothing is registered, and content that other owners already share is never touched.
 */
public interface FileIntake {

    /**
     * Accepts {@code content} (read to its end, not closed) named {@code fileName} by the user.
     *
     * @throws BadInputException with one {@code InputError.field("file", "storage.file.…", fileName, …)} when the
     *         content is empty, larger than {@code maxBytes}, of a type not in {@code allowed}, of a type the name's
     *         extension contradicts (a ".docx" that is a PDF), or infected
     * @throws java.io.UncheckedIOException when reading the upload or writing storage fails (not the user's fault)
     */
    AcceptedFile accept(InputStream content, String fileName, long maxBytes, Set<FileType> allowed);

    /**
     * The text inside a PDF, DOCX or PPTX (for search), NFC-normalised and cut at the configured number of
     * characters ({@code truongso.intake.text-limit}); the empty string for other types and for files that cannot
     * be read. Never throws for a corrupt file.
     */
    String extractText(AcceptedFile file);
}
