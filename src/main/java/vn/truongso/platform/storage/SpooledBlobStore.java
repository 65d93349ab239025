package vn.truongso.platform.storage;

import java.io.IOException;
import java.nio.file.Path;

import vn.truongso.platform.BlobStore;

/**
 * A store that can take a local file whose hash the caller has already computed, so an upload is not spooled
 * twice. Package-private on purpose: only {@link StreamingFileIntake}, which computed the hash itself while
 * spooling, may name content without the store hashing it again.
 */
interface SpooledBlobStore {

    /** Stores {@code file} (which the store may move away) as the blob {@code sha256} of {@code size} bytes. */
    BlobStore.StoredBlob putSpooled(Path file, String sha256, long size) throws IOException;
}
