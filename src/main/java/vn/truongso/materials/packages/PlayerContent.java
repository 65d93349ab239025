package vn.truongso.materials.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.web.BilingualMessages;

/**
 * Serves package content to the player's frame under {@code /play/{schoolId}/{packageId}/{token}/...}.
 *
 * <p>Why this isolation: package content is third-party HTML and JavaScript that a teacher uploaded. Served from the
 * application's own origin, it could read the application's pages and call its API with the learner's session. So
 * every response here carries {@code Content-Security-Policy: sandbox allow-scripts allow-forms} (the player's iframe
 * carries the same sandbox attribute): the browser gives the content an opaque origin, so it can neither read the
 * application's DOM or storage nor send the session cookie with credentials it could use (SameSite=Lax cookies are
 * not sent from an opaque origin's subresource requests, and every write of our API needs a CSRF token the content
 * cannot read). The session is not consulted here at all: access is by the short-lived launch token in the path,
 * checked on every request, which also keeps the relative URLs of the package working. With
 * {@code truongso.packages.content-origin} set, content comes from a separate origin instead, and the sandbox may then
 * add allow-same-origin so a package's frames can script one another (needed by some content) without gaining
 * anything on the application's origin.
 *
 * <p>Because an opaque-origin frame cannot reach {@code window.parent.API}, every HTML page of a SCORM package gets a
 * script tag loading {@code __truongso/scorm-api.js}: the runtime API object then lives in the content's own window,
 * where the standard API discovery finds it first, and it commits straight to {@code __truongso/commit} with the
 * token. The trade-off: the content can write its own tracking data arbitrarily (as with any SCORM LMS, where the
 * content reports its own status) but nothing else; the server re-validates every element and value.
 */
@Controller
class PlayerContent {

    static final String RESERVED = "__truongso/";
    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final int MAX_INJECTED_HTML = 8 * 1024 * 1024;

    private final ContentPackages packages;
    private final PackageLaunches launches;
    private final PackageAttempts attempts;
    private final BlobStore blobs;
    private final Accounts accounts;
    private final JsonMapper json;
    private final BilingualMessages messages;
    private final PackageProperties properties;
    private final String runtime;

    PlayerContent(ContentPackages packages, PackageLaunches launches, PackageAttempts attempts, BlobStore blobs, Accounts accounts,
            JsonMapper json, BilingualMessages messages, PackageProperties properties) throws IOException {
        this.packages = packages;
        this.launches = launches;
        this.attempts = attempts;
        this.blobs = blobs;
        this.accounts = accounts;
        this.json = json;
        this.messages = messages;
        this.properties = properties;
        this.runtime = StreamUtils.copyToString(new ClassPathResource("packages/scorm-runtime.js").getInputStream(), StandardCharsets.UTF_8);
    }

    /** The content's security policy: an opaque-origin sandbox, and nothing loaded from outside the package's host. */
    String contentSecurityPolicy() {
        String sandbox = "sandbox allow-scripts allow-forms" + (properties.separateContentOrigin() ? " allow-same-origin" : "");
        // No frame-ancestors: a package's own frames nest inside one another, and an opaque-origin ancestor matches no
        // source expression, so any value would block them. Framing by another site needs the unguessable, short-lived
        // token in the URL, and the sandbox leaves such a frame nothing of the learner's to take.
        return sandbox + "; default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    @GetMapping("/play/{schoolId}/{packageId}/{token}/__truongso/scorm-api.js")
    ResponseEntity<String> runtime(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token) {
        var found = open(schoolId, packageId, token);
        if (found.isEmpty()) {
            return notFound();
        }
        var launch = found.get().launch();
        var p = found.get().pkg();
        Attempt attempt = attempts.find(launch.schoolId(), launch.attemptId()).orElseThrow();
        PackageStructure.Item item = p.structure().items().stream().filter(i -> i.id().equals(attempt.itemId())).findFirst()
                .orElse(p.structure().firstLaunchable());
        var account = accounts.find(launch.accountId()).orElseThrow();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("standard", p.standard().name());
        config.put("attemptId", attempt.id().toString());
        config.put("itemId", attempt.itemId());
        config.put("commitUrl", PackageLaunches.base(launch.packageSchoolId(), launch.packageId(), token) + RESERVED + "commit");
        Map<String, String> values = new LinkedHashMap<>(PackageAttempts.initialValues(attempt, p.standard(), item, account.username(),
                account.displayName()));
        if (p.standard() == PackageStandard.SCORM_2004) {
            // Basic flow between SCOs: whether a next and a previous launchable item exist (no full sequencing rollup).
            var launchable = p.structure().items().stream().filter(PackageStructure.Item::launchable).map(PackageStructure.Item::id).toList();
            int at = launchable.indexOf(item.id());
            values.put("adl.nav.request_valid.continue", String.valueOf(at >= 0 && at < launchable.size() - 1));
            values.put("adl.nav.request_valid.previous", String.valueOf(at > 0));
        }
        config.put("values", values);
        // The JSON is embedded in a script: escape '<' so no value can close the script element.
        String script = "window.__truongsoScorm = " + json.writeValueAsString(config).replace("<", "\\u003c") + ";\n" + runtime;
        return ResponseEntity.ok().headers(headers(true)).contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8)).body(script);
    }

    @PostMapping("/play/{schoolId}/{packageId}/{token}/__truongso/commit")
    ResponseEntity<Object> commit(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestBody(required = false) String body) {
        var found = open(schoolId, packageId, token);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(corsHeaders()).build();
        }
        var launch = found.get().launch();
        if (body == null || body.length() > 4_000_000) {
            return ResponseEntity.badRequest().headers(corsHeaders()).build();
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean finished;
        try {
            JsonNode root = json.readTree(body);
            JsonNode given = root.path("values");
            for (var entry : given.properties()) {
                values.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
            }
            finished = root.path("finished").asBoolean(false);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().headers(corsHeaders()).build();
        }
        try {
            Attempt stored = attempts.commit(launch.schoolId(), launch.attemptId(), found.get().pkg().standard(), values, finished);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("stored", true);
            answer.put("commits", stored.commits());
            return ResponseEntity.ok().headers(corsHeaders()).contentType(MediaType.APPLICATION_JSON).body(answer);
        } catch (BadInputException e) {
            return ResponseEntity.badRequest().headers(corsHeaders()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("errors", e.errors().stream().map(messages::toJson).toList()));
        }
    }

    @GetMapping("/play/{schoolId}/{packageId}/{token}/**")
    void content(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var found = open(schoolId, packageId, token);
        String prefix = request.getContextPath() + "/play/" + schoolId + "/" + packageId + "/" + token + "/";
        String uri = request.getRequestURI();
        if (found.isEmpty() || !uri.startsWith(prefix)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = UriUtils.decode(uri.substring(prefix.length()), StandardCharsets.UTF_8);
        var p = found.get().pkg();
        Optional<PackageFile> file = PackageArchive.safeName(path) ? packages.file(p.schoolId(), p.id(), path) : Optional.empty();
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PackageFile f = file.get();
        headers(false).forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(f.mediaType());
        if (p.standard().scorm() && MediaTypes.html(f.mediaType()) && f.size() <= MAX_INJECTED_HTML) {
            byte[] html;
            try (InputStream in = blobs.open(f.sha256())) {
                html = in.readAllBytes();
            }
            byte[] out = inject(html, PackageLaunches.base(p.schoolId(), p.id(), token) + RESERVED + "scorm-api.js");
            response.setContentLengthLong(out.length);
            response.getOutputStream().write(out);
            return;
        }
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        long[] range = range(request.getHeader(HttpHeaders.RANGE), f.size());
        if (range != null && range.length == 0) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + f.size());
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        if (range != null) {
            // Video and audio seek with range requests; the blob store reads just that part.
            long length = range[1] - range[0] + 1;
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range[0] + "-" + range[1] + "/" + f.size());
            response.setContentLengthLong(length);
            try (InputStream in = blobs.open(f.sha256(), range[0], length); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
            return;
        }
        response.setContentLengthLong(f.size());
        try (InputStream in = blobs.open(f.sha256()); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** One "bytes=a-b", "bytes=a-" or "bytes=-n" range: null to send the whole file, empty when unsatisfiable. */
    static long[] range(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        Matcher m = Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            long start;
            long end;
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return new long[0];
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
            return start >= size || start > end ? new long[0] : new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Puts the runtime script first in the page's head, before any script of the content looks for the API. */
    static byte[] inject(byte[] html, String scriptPath) {
        // ISO-8859-1 maps bytes to chars one to one, so the page's own encoding (UTF-8 or another) is kept intact.
        String page = new String(html, StandardCharsets.ISO_8859_1);
        String tag = "<script src=\"" + scriptPath + "\"></script>";
        Matcher head = HEAD.matcher(page);
        String result;
        if (head.find()) {
            result = page.substring(0, head.end()) + tag + page.substring(head.end());
        } else {
            Matcher root = HTML.matcher(page);
            result = root.find() ? page.substring(0, root.end()) + tag + page.substring(root.end()) : tag + page;
        }
        return result.getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Found(PackageLaunches.ActiveLaunch launch, ContentPackage pkg) {
    }

    private Optional<Found> open(String schoolId, String packageId, String token) {
        UUID school;
        UUID pkg;
        try {
            school = UUID.fromString(schoolId);
            pkg = UUID.fromString(packageId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return launches.resolve(school, pkg, token).flatMap(l -> packages.find(school, pkg).map(p -> new Found(l, p)));
    }

    private HttpHeaders headers(boolean noStore) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set(HttpHeaders.CACHE_CONTROL, noStore ? "no-store" : "private, max-age=600");
        return headers;
    }

    private static HttpHeaders corsHeaders() {
        // The sandboxed frame's origin is "null"; it sends no credentials, so a wildcard exposes nothing but this answer.
        HttpHeaders headers = new HttpHeaders();
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        return headers;
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("not found");
    }
}
