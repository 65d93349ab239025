package vn.truongso.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where files live. A blob is named by the SHA-256 of its bytes, so the same file uploaded by 500 schools is kept
 * once, and a blob never changes after it is written. Which school owns which file, under what name and type, is
 * recorded by the module that accepted it; the store knows only bytes.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into storage in constant memory and returns its name. More than {@code maxBytes}
     * throws {@link BlobTooLargeException} and leaves nothing behind; storing bytes that are already there costs
     * the transfer but no space.
     */
    StoredBlob put(InputStream content, long maxBytes) throws IOException;

    /** The size of a stored blob, or empty when no blob has that name. */
    Optional<Long> size(String sha256);

    /** Reads a whole blob; {@link NotFoundException} when it is not stored. */
    InputStream open(String sha256) throws IOException;

    /** Reads {@code length} bytes from {@code offset} (HTTP range requests); the range must lie inside the blob. */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /** A blob's name and size. */
    record StoredBlob(String sha256, long size) {
    }

    /** The content was larger than the caller allowed; nothing was stored. */
    final class BlobTooLargeException extends IOException {
        private final long limit;

        public BlobTooLargeException(long limit) {
            super("content exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
