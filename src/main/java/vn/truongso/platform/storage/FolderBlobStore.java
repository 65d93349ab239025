package vn.truongso.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.truongso.platform.BlobStore;
import vn.truongso.platform.NotFoundException;

/**
 * The default {@link BlobStore}: a folder in which each blob is the file {@code ab/cd/<sha256>}. Content is first
 * written to a temporary file in the same folder while its hash is computed, then moved into place atomically, so
 * a crash never leaves a half-written blob under a real name and concurrent writers of the same bytes both succeed.
 */
public class FolderBlobStore implements BlobStore, SpooledBlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public FolderBlobStore(Path root) throws IOException {
        this.root = root;
        this.incoming = Files.createDirectories(root.resolve("incoming"));
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String name = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(name);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temporary, target);
            }
            return new StoredBlob(name, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Moves the spooled file into place (atomically when it is on the same file system, else by copying). */
    @Override
    public StoredBlob putSpooled(Path file, String sha256, long size) throws IOException {
        Path target = pathOf(sha256);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(incoming, "spooled-", ".part");
            try {
                Files.move(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                moveIntoPlace(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return new StoredBlob(sha256, size);
    }

    @Override
    public Optional<Long> size(String sha256) {
        try {
            return Optional.of(Files.size(pathOf(sha256)));
        } catch (NoSuchFileException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("blob " + sha256);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        long size = size(sha256).orElseThrow(() -> new NotFoundException("blob " + sha256));
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside a blob of " + size + " bytes");
        }
        SeekableByteChannel channel = Files.newByteChannel(pathOf(sha256));
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    private Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 name: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same bytes first: same name, same content.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
