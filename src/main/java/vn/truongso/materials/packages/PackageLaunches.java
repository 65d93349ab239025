package vn.truongso.materials.packages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * Launch tokens: a random 256-bit token per launch, kept only as its SHA-256, valid for a lesson's length, bound to one
 * (school, package, attempt). The sandboxed content presents it in the URL path on every request; it replaces the
 * session cookie, which an opaque-origin frame neither has nor should have. Stored in the database, so any instance
 * behind the load balancer can check it.
 */
@Service
public class PackageLaunches {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PackageAttempts attempts;
    private final PackageProperties properties;

    PackageLaunches(JdbcClient jdbc, PackageAttempts attempts, PackageProperties properties) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.properties = properties;
    }

    /** A launch of one item: the token, the attempt it tracks, and where the content starts. */
    public record Launch(UUID attemptId, String itemId, String token, Instant expiresAt, String contentUrl) {
    }

    /**
     * What a valid token opens: the attempt of the learner's school ({@code schoolId}) at the package of the school that
     * owns it ({@code packageSchoolId}; the same school unless the package is shared beyond it).
     */
    public record ActiveLaunch(UUID schoolId, UUID packageId, UUID attemptId, UUID accountId, UUID packageSchoolId) {
    }

    @Transactional
    public Launch launch(ContentPackage p, UUID accountId, String itemId) {
        return launch(p, p.schoolId(), accountId, itemId);
    }

    /**
     * A launch by a learner of {@code learnerSchoolId}, which may be another school than the package's when it is
     * shared at district or city level: the attempt and the token are the learner's school's.
     */
    @Transactional
    public Launch launch(ContentPackage p, UUID learnerSchoolId, UUID accountId, String itemId) {
        PackageStructure.Item item = itemId == null || itemId.isBlank() ? p.structure().firstLaunchable() : p.structure().item(itemId);
        if (item == null) {
            throw new BadInputException(InputError.field("item", "packages.item.unknown", itemId));
        }
        UUID attemptId = attempts.open(learnerSchoolId, p.schoolId(), p.id(), accountId, item.id());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(properties.launchTokenLifetime());
        jdbc.sql("DELETE FROM content_package_launch WHERE school_id = ? AND expires_at < now() - interval '1 day'").param(learnerSchoolId).update();
        jdbc.sql("""
                INSERT INTO content_package_launch (school_id, token_sha256, package_id, attempt_id, account_id, expires_at, package_school_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(learnerSchoolId, sha256(token), p.id(), attemptId, accountId, java.sql.Timestamp.from(expires), p.schoolId()).update();
        String url = contentUrl(p, token, item);
        if (p.standard() == PackageStandard.CMI5 && !ManifestReader.isAbsoluteUrl(item.launchPath())) {
            url = url + (url.contains("?") ? "&" : "?") + cmi5Parameters(p, token, item, attemptId, accountId);
        }
        return new Launch(attemptId, item.id(), token, expires, url);
    }

    /** The xAPI identity of a learner: an account on this platform, named by the account's id (no personal data). */
    public static final String ACTOR_HOME_PAGE = "https://truongso.vn";

    static String actorJson(UUID accountId) {
        return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + ACTOR_HOME_PAGE + "\",\"name\":\"" + accountId + "\"}}";
    }

    /**
     * The cmi5 launch parameters: the xAPI endpoint and the fetch URL under this launch's isolated path, the actor, the
     * registration (the learner's attempt) and the AU's activity id.
     */
    String cmi5Parameters(ContentPackage p, String token, PackageStructure.Item item, UUID attemptId, UUID accountId) {
        String origin;
        if (properties.separateContentOrigin()) {
            origin = properties.contentOrigin().replaceAll("/+$", "");
        } else {
            try {
                origin = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            } catch (IllegalStateException noRequest) {
                origin = "";
            }
        }
        String base = origin + base(p.schoolId(), p.id(), token) + PlayerContent.RESERVED;
        return "endpoint=" + enc(base + "xapi/") + "&fetch=" + enc(base + "cmi5/fetch") + "&actor=" + enc(actorJson(accountId))
                + "&registration=" + attemptId + "&activityId=" + enc(item.id());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The cmi5 fetch: the first call on a launch issues the xAPI auth token (its hash kept on the launch); any later
     * call answers empty, as cmi5 requires the token be handed out once.
     */
    @Transactional
    public Optional<String> fetchCmi5Token(ActiveLaunch launch, String launchToken) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String auth = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int updated = jdbc.sql("""
                UPDATE content_package_launch SET cmi5_auth_sha256 = ?, cmi5_fetched_at = now()
                WHERE school_id = ? AND token_sha256 = ? AND cmi5_fetched_at IS NULL""")
                .params(sha256(auth), launch.schoolId(), sha256(launchToken)).update();
        return updated == 1 ? Optional.of(auth) : Optional.empty();
    }

    /** The launch whose path token and xAPI auth token (from the Authorization header) both match. */
    public Optional<ActiveLaunch> resolveXapi(UUID packageSchoolId, UUID packageId, String launchToken, String auth) {
        if (auth == null || auth.length() != 43) {
            return Optional.empty();
        }
        return resolve(packageSchoolId, packageId, launchToken).filter(l -> jdbc.sql("""
                SELECT count(*) FROM content_package_launch WHERE school_id = ? AND token_sha256 = ? AND cmi5_auth_sha256 = ?""")
                .params(l.schoolId(), sha256(launchToken), sha256(auth)).query(Long.class).single() == 1);
    }

    public Optional<ActiveLaunch> resolve(UUID schoolId, UUID packageId, String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT school_id, attempt_id, account_id FROM content_package_launch
                WHERE token_sha256 = ? AND package_school_id = ? AND package_id = ? AND expires_at > now()""")
                .params(sha256(token), schoolId, packageId)
                .query((rs, n) -> new ActiveLaunch(rs.getObject(1, UUID.class), packageId, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        schoolId)).optional();
    }

    /** The path prefix of a launch's content, ending with '/'. */
    static String base(UUID schoolId, UUID packageId, String token) {
        return "/play/" + schoolId + "/" + packageId + "/" + token + "/";
    }

    String contentUrl(ContentPackage p, String token, PackageStructure.Item item) {
        if (ManifestReader.isAbsoluteUrl(item.launchPath())) {
            return item.launchPath();
        }
        String origin = properties.separateContentOrigin() ? properties.contentOrigin().replaceAll("/+$", "") : "";
        String path = List.of(item.launchPath().split("/")).stream().map(s -> UriUtils.encodePathSegment(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
        return origin + base(p.schoolId(), p.id(), token) + path + (item.parameters() == null ? "" : "?" + item.parameters());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
