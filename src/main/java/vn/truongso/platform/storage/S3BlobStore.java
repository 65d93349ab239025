package vn.truongso.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.utils.IoUtils;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.NotFoundException;

/**
 * A {@link BlobStore} in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Garage, SeaweedFS…), one object per
 * blob under the key {@code <prefix><first two hex digits>/<sha256>}.
 *
 * <p>The name of a blob is the hash of its bytes, which is known only once they have all been read. This store
 * spools the upload to a local temporary file while hashing it (constant memory), then asks the bucket whether
 * that key already exists (the same file from another school: nothing is sent) and otherwise uploads the file
 * straight to its final key, in one request up to {@code partSize} and as a multipart upload above it (each part
 * read from the file, so memory stays constant at any size). The alternative, uploading under a temporary key and
 * copying to the final one, would need no local disk but costs a server-side copy of every blob (and a multipart
 * copy above 5 GB), leaves orphaned temporary objects after a crash, and sends duplicates over the network.
 * An aborted upload is aborted on the bucket too; a blob appears under its name only when complete.
 */
public class S3BlobStore implements BlobStore, SpooledBlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;
    private final long partSize;

    public S3BlobStore(S3Client s3, String bucket, String prefix, Path spoolDir, long partSize) throws IOException {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.spool = Files.createDirectories(spoolDir);
        this.partSize = partSize;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        Path temporary = Files.createTempFile(spool, "s3-upload-", ".part");
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String name = HexFormat.of().formatHex(digest.digest());
            if (size(name).isEmpty()) {
                upload(temporary, size, keyOf(name));
            }
            return new StoredBlob(name, size);
        } catch (SdkException e) {
            throw new IOException("S3 upload failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public StoredBlob putSpooled(Path file, String sha256, long size) throws IOException {
        try {
            if (size(sha256).isEmpty()) {
                upload(file, size, keyOf(sha256));
            }
            return new StoredBlob(sha256, size);
        } catch (SdkException e) {
            throw new IOException("S3 upload failed: " + e.getMessage(), e);
        }
    }

    private void upload(Path file, long size, String key) {
        if (size <= partSize) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(file));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                long from = offset;
                int partNumber = number;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(() -> region(file, from, length), length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}, opened afresh for each (re)try of a part. */
    private static InputStream region(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Long> size(String sha256) {
        String key;
        try {
            key = keyOf(sha256);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("blob " + sha256);
        } catch (SdkException e) {
            throw new IOException("S3 read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        long size = size(sha256).orElseThrow(() -> new NotFoundException("blob " + sha256));
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside a blob of " + size + " bytes");
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String key = keyOf(sha256);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return new BoundedInputStream(s3.getObject(b -> b.bucket(bucket).key(key).range(range)), length);
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("blob " + sha256);
        } catch (SdkException e) {
            throw new IOException("S3 read failed: " + e.getMessage(), e);
        }
    }

    String keyOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 name: " + sha256);
        }
        return prefix + sha256.substring(0, 2) + "/" + sha256;
    }

    @Override
    public void close() {
        IoUtils.closeQuietly(s3, log);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
