package vn.truongso.questions.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where an importer puts an embedded file (image, audio): it answers the reference to write in the question's HTML,
 * {@code blob:SHA256}. The preview only hashes; the commit stores through the platform BlobStore.
 */
@FunctionalInterface
public interface Attachments {

    String PREFIX = "blob:";

    String attach(String name, byte[] bytes);

    Attachments HASH_ONLY = (name, bytes) -> PREFIX + sha256(bytes);

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
