package vn.truongso.testing.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The attempt token: a stateless, HMAC-SHA256-signed statement "this attempt of this student of this school, until
 * then". Saving an answer needs no HTTP session and no account lookup, only this check and one SQL statement.
 *
 * <p>The key is {@code truongso.testing.token-key} (hex, for several instances behind a load balancer) or else a
 * random key kept in {@code <data-dir>/testing/attempt-token.key}, so a restart keeps every token valid. With no data
 * dir (the test suite) the key lives in memory.
 */
@Component
public class AttemptTokens {

    private static final Logger log = LoggerFactory.getLogger(AttemptTokens.class);
    private static final int PAYLOAD = 16 + 16 + 16 + 8;
    private static final int MAC_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public record Claims(UUID attemptId, UUID schoolId, UUID studentId, Instant expires) {
    }

    /** Initialised once; every signature works on a clone (cheaper than looking the algorithm up and keying it again). */
    private final Mac prototype;

    AttemptTokens(@Value("${truongso.testing.token-key:}") String configured, @Value("${truongso.data-dir:}") String dataDir) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            this.prototype.init(new SecretKeySpec(keyBytes(configured, dataDir), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issue(Claims claims) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
        put(payload, claims.attemptId());
        put(payload, claims.schoolId());
        put(payload, claims.studentId());
        payload.putLong(claims.expires().getEpochSecond());
        byte[] bytes = payload.array();
        byte[] token = Arrays.copyOf(bytes, PAYLOAD + MAC_BYTES);
        System.arraycopy(mac(bytes), 0, token, PAYLOAD, MAC_BYTES);
        return ENCODER.encodeToString(token);
    }

    /** The claims of a genuine, unexpired token; otherwise {@link AttemptTokenRefused}. */
    public Claims verify(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new AttemptTokenRefused("no attempt token");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw new AttemptTokenRefused("attempt token is not base64url");
        }
        if (bytes.length != PAYLOAD + MAC_BYTES) {
            throw new AttemptTokenRefused("attempt token has the wrong length");
        }
        byte[] expected = mac(Arrays.copyOf(bytes, PAYLOAD));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC_BYTES))) {
            throw new AttemptTokenRefused("attempt token signature does not match");
        }
        ByteBuffer payload = ByteBuffer.wrap(bytes, 0, PAYLOAD);
        Claims claims = new Claims(get(payload), get(payload), get(payload), Instant.ofEpochSecond(payload.getLong()));
        if (!now.isBefore(claims.expires())) {
            throw new AttemptTokenRefused("attempt token expired");
        }
        return claims;
    }

    /** A keyed digest of an exam-ticket code: what the database keeps, useless without this key. */
    byte[] ticketDigest(String code) {
        return mac(("ticket:" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] data) {
        try {
            return ((Mac) prototype.clone()).doFinal(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ByteBuffer b, UUID id) {
        b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID get(ByteBuffer b) {
        return new UUID(b.getLong(), b.getLong());
    }

    private static byte[] keyBytes(String configured, String dataDir) {
        if (StringUtils.hasText(configured)) {
            byte[] k = HexFormat.of().parseHex(configured.strip());
            if (k.length < 32) {
                throw new IllegalStateException("truongso.testing.token-key must be at least 32 bytes (64 hex digits)");
            }
            return k;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        if (!StringUtils.hasText(dataDir)) {
            return fresh;
        }
        Path file = Path.of(dataDir, "testing", "attempt-token.key");
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
            Files.write(temp, HexFormat.of().formatHex(fresh).getBytes());
            try {
                // Never replace an existing key: a second instance starting at the same moment keeps the first one's.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // fall through to read the winner's key
            } catch (UnsupportedOperationException | IOException noLinks) {
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Attempt tokens are signed with the key in {}", file);
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the attempt-token key in " + file, e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return HexFormat.of().parseHex(Files.readString(file).strip());
    }
}
