package vn.truongso.platform;

/**
 * A file that {@link FileIntake} accepted and stored: its blob name (SHA-256) and size in the {@link BlobStore},
 * the media type and {@link FileType} detected from its content, and the cleaned name the user gave it.
 */
public record AcceptedFile(String sha256, long size, String mediaType, String fileName, FileType type) {
}
