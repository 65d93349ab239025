package vn.truongso.materials.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Ids;
import vn.truongso.platform.InputError;

/**
 * Imports a package zip: checks the archive (zip slip, zip bomb, encryption), reads and validates the manifest, then
 * stores every file in the content-addressed {@link BlobStore} (the same package uploaded by 100 schools is stored
 * once) and, in one transaction, the package row, its file index and the audit entry. A refused package leaves no
 * row; blobs already written for it are harmless (content-addressed, shared, collectable).
 */
@Service
public class PackageImporter {

    private final ContentPackages packages;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PackageProperties limits;

    PackageImporter(ContentPackages packages, BlobStore blobs, AuditLog audit, TransactionTemplate transaction, PackageProperties limits) {
        this.packages = packages;
        this.blobs = blobs;
        this.audit = audit;
        this.transaction = transaction;
        this.limits = limits;
    }

    /**
     * Reads and validates the package without storing anything. Every entry is inflated (into nothing), so the preview
     * refuses what the import would refuse, a zip bomb with lying sizes included.
     */
    public PackageStructure preview(InputStream upload) throws IOException {
        return preview(upload, null);
    }

    public PackageStructure preview(InputStream upload, String fileName) throws IOException {
        Path temp = spool(upload, null);
        try {
            return ManifestReader.read(PackageArchive.read(temp, fileName, limits, PackageArchive.DISCARD));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Validates and stores the package for the school; the caller has checked the user may import there. */
    public ContentPackage importPackage(UUID schoolId, UUID accountId, InputStream upload) throws IOException {
        return importPackage(schoolId, accountId, upload, null);
    }

    public ContentPackage importPackage(UUID schoolId, UUID accountId, InputStream upload, String fileName) throws IOException {
        MessageDigest digest = sha256();
        Path temp = spool(upload, digest);
        try {
            long limit = limits.maxUncompressed().toBytes();
            PackageArchive archive = PackageArchive.read(temp, fileName, limits, (path, content) -> {
                try {
                    BlobStore.StoredBlob blob = blobs.put(content, limit);
                    return new PackageFile(path, blob.sha256(), MediaTypes.of(path), blob.size());
                } catch (BlobStore.BlobTooLargeException e) {
                    throw new BadInputException(InputError.field("file", "packages.zip.tooLarge", limits.maxUncompressed().toMegabytes()));
                }
            });
            PackageStructure structure = ManifestReader.read(archive);
            List<PackageFile> files = archive.files();
            long total = files.stream().mapToLong(PackageFile::size).sum();
            ContentPackage stored = new ContentPackage(schoolId, Ids.newId(), structure.title().isBlank() ? "—" : structure.title(),
                    structure.standard(), structure.version(), structure.firstLaunchable().launchPath(), structure, files.size(), total,
                    HexFormat.of().formatHex(digest.digest()), accountId, Instant.now());
            transaction.executeWithoutResult(status -> {
                packages.insert(stored, files);
                var detail = new LinkedHashMap<String, Object>();
                detail.put("title", stored.title());
                detail.put("standard", stored.standard().name());
                detail.put("version", stored.version());
                detail.put("files", files.size());
                detail.put("bytes", stored.totalBytes());
                detail.put("archiveSha256", stored.archiveSha256());
                audit.record("content-package.imported", schoolId, "content_package", stored.id().toString(), detail);
            });
            return stored;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Imports a package zip that is already stored as a blob, such as a file attached to a learning material. */
    public ContentPackage importStored(UUID schoolId, UUID accountId, String sha256, String fileName) {
        try (InputStream stored = blobs.open(sha256)) {
            return importPackage(schoolId, accountId, stored, fileName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path spool(InputStream upload, MessageDigest digest) throws IOException {
        Path temp = Files.createTempFile("truongso-package-", ".zip");
        try (InputStream in = digest == null ? upload : new DigestInputStream(upload, digest);
                OutputStream out = Files.newOutputStream(temp)) {
            long copied = in.transferTo(out);
            if (copied == 0) {
                throw new BadInputException(InputError.field("file", "packages.zip.empty"));
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
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
