package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.truongso.platform.BlobStore;
import vn.truongso.platform.BlobStore.StoredBlob;

class FolderBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() throws Exception {
        return new FolderBlobStore(root);
    }

    @Override
    long storedBlobs() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("incoming"))).count();
        }
    }

    @Override
    boolean leftovers() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("incoming"))) {
            return files.findAny().isPresent();
        }
    }

    @Test
    void aBlobIsAFileNamedByItsHashInTwoLevelsOfFolders() throws Exception {
        StoredBlob blob = store().put(utf8("phân số"), 1000);
        assertThat(root.resolve(blob.sha256().substring(0, 2)).resolve(blob.sha256().substring(2, 4)).resolve(blob.sha256()))
                .isRegularFile();
    }
}
