package vn.truongso.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.FileIntake;
import vn.truongso.platform.FileType;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VirusScanner;

/**
 * {@link FileIntake} that spools each upload to a local file first (hashing it on the way, in constant memory),
 * checks it there, and hands it to the {@link BlobStore} only once it is accepted.
 *
 * <p>Why spool instead of storing first and checking afterwards: a blob is shared by every owner of the same bytes,
 * so a refused upload must never be deleted from the store (another school may own that content) and must never be
 * left there either. Checking a private local copy satisfies both. The accepted spool file then becomes the blob
 * (the folder store moves it into place, the S3 store uploads it without spooling again), so content is written
 * locally once, and not kept at all when the store already holds that hash (the same file from another school).
 */
public class StreamingFileIntake implements FileIntake {

    static final String FIELD = "file";
    private static final Logger log = LoggerFactory.getLogger(StreamingFileIntake.class);
    private static final int BUFFER = 64 * 1024;

    private final BlobStore blobs;
    private final VirusScanner scanner;
    private final Path spool;
    private final TextExtractor text;

    public StreamingFileIntake(BlobStore blobs, VirusScanner scanner, Path spoolDir, int textLimit) throws IOException {
        this.blobs = blobs;
        this.scanner = scanner;
        this.spool = Files.createDirectories(spoolDir);
        this.text = new TextExtractor(blobs, spool, textLimit);
    }

    @Override
    public AcceptedFile accept(InputStream content, String fileName, long maxBytes, Set<FileType> allowed) {
        String name = cleanName(fileName);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(spool, "intake-", ".part");
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw refused("storage.file.tooLarge", name, humanSize(maxBytes));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw refused("storage.file.empty", name);
            }
            ContentDetector.Detected detected = ContentDetector.detect(temporary);
            Set<FileType> promised = ContentDetector.promisedBy(name);
            if (promised != null && !promised.contains(detected.type())) {
                throw refused("storage.file.contradicts", name, extensionOf(name), detected.type().label());
            }
            if (!allowed.contains(detected.type())) {
                throw refused("storage.file.typeNotAllowed", name, detected.type().label(),
                        allowed.stream().sorted().map(FileType::label).collect(Collectors.joining(", ")));
            }
            Optional<String> threat;
            try (InputStream in = Files.newInputStream(temporary)) {
                threat = scanner.findThreat(in, size);
            }
            if (threat.isPresent()) {
                log.warn("Refused upload {} ({} bytes): virus scanner found {}", name, size, threat.get());
                throw refused("storage.file.infected", name, threat.get());
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (blobs instanceof SpooledBlobStore spooled) {
                spooled.putSpooled(temporary, sha256, size);
            } else if (blobs.size(sha256).isEmpty()) {
                try (InputStream in = Files.newInputStream(temporary)) {
                    BlobStore.StoredBlob stored = blobs.put(in, maxBytes);
                    if (!stored.sha256().equals(sha256)) {
                        throw new IOException("the store named the content " + stored.sha256() + ", expected " + sha256);
                    }
                }
            }
            return new AcceptedFile(sha256, size, detected.mediaType(), name, detected.type());
        } catch (IOException e) {
            throw new UncheckedIOException("could not take in the upload " + name, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    log.warn("Could not delete the spool file {}", temporary, e);
                }
            }
        }
    }

    @Override
    public String extractText(AcceptedFile file) {
        return text.extract(file);
    }

    private static BadInputException refused(String code, Object... args) {
        return new BadInputException(InputError.field(FIELD, code, args));
    }

    /** The base name as typed (browsers may send a full Windows path), NFC, without control characters. */
    static String cleanName(String fileName) {
        if (fileName == null) {
            return "file";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String clean = Normalizer.normalize(base, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return "file";
        }
        return clean.length() > 255 ? clean.substring(0, 255) : clean;
    }

    private static String extensionOf(String name) {
        return name.substring(name.lastIndexOf('.'));
    }

    /** "25 MB", "512 KB" or "10 B": language-neutral, for the messages. */
    static String humanSize(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            return bytes / (1024L * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
