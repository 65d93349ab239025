package vn.truongso.directory.roster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the temporary passwords of a commit for the committer's one download: AES-256-GCM, bound to the school and the
 * upload (a sealed list copied to another row does not open). The key comes from {@code truongso.roster.credentials-key}
 * or, when that is not set, from a key generated once and kept in the database.
 */
@Component
class CredentialVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final TypeReference<List<RosterCommitResult.Credential>> LIST = new TypeReference<>() {
    };

    private final RosterProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CredentialVault(RosterProperties properties, JdbcClient jdbc, JsonMapper json) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
    }

    byte[] seal(UUID schoolId, UUID uploadId, List<RosterCommitResult.Credential> credentials) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context(schoolId, uploadId));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(credentials));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal credentials", e);
        }
    }

    List<RosterCommitResult.Credential> open(UUID schoolId, UUID uploadId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context(schoolId, uploadId));
            return json.readValue(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), LIST);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open credentials (was the key changed?)", e);
        }
    }

    private static byte[] context(UUID schoolId, UUID uploadId) {
        return ("roster-credentials:" + schoolId + ":" + uploadId).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKeySpec key() {
        String configured = properties.credentialsKey();
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != 32) {
                throw new IllegalStateException("truongso.roster.credentials-key must be the Base64 of 32 bytes");
            }
            return new SecretKeySpec(key, "AES");
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO roster_key (name, value) VALUES ('credentials', ?) ON CONFLICT (name) DO NOTHING").param(fresh).update();
        return new SecretKeySpec(jdbc.sql("SELECT value FROM roster_key WHERE name = 'credentials'").query(byte[].class).single(), "AES");
    }
}
