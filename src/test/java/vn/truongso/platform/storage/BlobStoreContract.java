package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.truongso.platform.BlobStore;
import vn.truongso.platform.BlobStore.BlobTooLargeException;
import vn.truongso.platform.BlobStore.StoredBlob;
import vn.truongso.platform.NotFoundException;

/** What every {@link BlobStore} must do; each implementation's test extends this with a real store. */
abstract class BlobStoreContract {

    /** A store for one test, empty. */
    abstract BlobStore store() throws Exception;

    /** How many complete blobs the store holds (temporary and incomplete uploads must not count, nor exist). */
    abstract long storedBlobs() throws Exception;

    /** Whether anything half-written (a temporary file, an unfinished multipart upload) is left. */
    abstract boolean leftovers() throws Exception;

    @Test
    void contentIsNamedByItsSha256AndIdenticalContentIsStoredOnce() throws Exception {
        BlobStore store = store();
        StoredBlob first = store.put(utf8("phân số"), 1000);
        StoredBlob second = store.put(utf8("phân số"), 1000);
        assertThat(first.sha256()).isEqualTo(sha256("phân số".getBytes(StandardCharsets.UTF_8)));
        assertThat(second).isEqualTo(first);
        assertThat(storedBlobs()).isEqualTo(1);
        assertThat(store.size(first.sha256())).contains((long) "phân số".getBytes(StandardCharsets.UTF_8).length);
        try (InputStream in = store.open(first.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("phân số");
        }
    }

    @Test
    void contentOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        BlobStore store = store();
        assertThatThrownBy(() -> store.put(utf8("0123456789A"), 10)).isInstanceOf(BlobTooLargeException.class);
        assertThat(storedBlobs()).isZero();
        assertThat(leftovers()).isFalse();
    }

    @Test
    void readsRanges() throws Exception {
        BlobStore store = store();
        StoredBlob blob = store.put(utf8("0123456789"), 100);
        try (InputStream in = store.open(blob.sha256(), 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
        }
        try (InputStream in = store.open(blob.sha256(), 9, 1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("9");
        }
        try (InputStream in = store.open(blob.sha256(), 10, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.open(blob.sha256(), 8, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(blob.sha256(), -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownBlobIsNotFound() throws Exception {
        BlobStore store = store();
        String unknown = "0".repeat(64);
        assertThat(store.size(unknown)).isEmpty();
        assertThat(store.size("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> store.open(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.open(unknown, 0, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storesLargeContentStreamedFromAGenerator() throws Exception {
        BlobStore store = store();
        long size = 12L * 1024 * 1024 + 12345;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        StoredBlob blob = store.put(new GeneratedStream(size, 7, expected), size);
        assertThat(blob.size()).isEqualTo(size);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = store.open(blob.sha256())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.update(buffer, 0, n);
            }
        }
        assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(blob.sha256());
        // a range across the boundary of two 5 MB parts
        byte[] whole = new GeneratedStream(size, 7, null).readNBytes((int) (5L * 1024 * 1024 + 10));
        try (InputStream in = store.open(blob.sha256(), 5L * 1024 * 1024 - 10, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(whole, 5 * 1024 * 1024 - 10, 5 * 1024 * 1024 + 10));
        }
        assertThat(leftovers()).isFalse();
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** {@code size} pseudo-random bytes generated on the fly (never held in memory), optionally hashed as read. */
    static final class GeneratedStream extends InputStream {
        private final Random random;
        private final MessageDigest digest;
        private long remaining;

        GeneratedStream(long size, long seed, MessageDigest digest) {
            this.random = new Random(seed);
            this.digest = digest;
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            if (digest != null) {
                digest.update(chunk);
            }
            remaining -= n;
            return n;
        }
    }
}
