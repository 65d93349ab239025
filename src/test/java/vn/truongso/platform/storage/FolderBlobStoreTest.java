package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.truongso.platform.BlobStore.BlobTooLargeException;
import vn.truongso.platform.BlobStore.StoredBlob;
import vn.truongso.platform.NotFoundException;

class FolderBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void namesContentByItsSha256AndStoresIdenticalContentOnce() throws Exception {
        FolderBlobStore store = new FolderBlobStore(root);
        StoredBlob first = store.put(stream("phân số"), 1000);
        StoredBlob second = store.put(stream("phân số"), 1000);

        assertThat(first.sha256()).isEqualTo(sha256Hex("phân số"));
        assertThat(second).isEqualTo(first);
        assertThat(first.size()).isEqualTo("phân số".getBytes(StandardCharsets.UTF_8).length);
        assertThat(storedFiles()).isEqualTo(1);
        try (InputStream in = store.open(first.sha256())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("phân số");
        }
    }

    @Test
    void refusesContentOverTheLimitAndLeavesNothingBehind() throws Exception {
        FolderBlobStore store = new FolderBlobStore(root);
        assertThatThrownBy(() -> store.put(stream("0123456789A"), 10)).isInstanceOf(BlobTooLargeException.class);
        assertThat(storedFiles()).isZero();
        assertThat(Files.list(root.resolve("incoming"))).isEmpty();
    }

    @Test
    void readsARange() throws Exception {
        FolderBlobStore store = new FolderBlobStore(root);
        StoredBlob blob = store.put(stream("0123456789"), 100);
        try (InputStream in = store.open(blob.sha256(), 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
        }
        assertThatThrownBy(() -> store.open(blob.sha256(), 8, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownBlobIsNotFound() throws Exception {
        FolderBlobStore store = new FolderBlobStore(root);
        String absent = "0".repeat(64);
        assertThat(store.size(absent)).isEmpty();
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private long storedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("incoming"))).count();
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
