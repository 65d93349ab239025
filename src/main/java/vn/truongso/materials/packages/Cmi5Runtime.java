package vn.truongso.materials.packages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;

/**
 * The minimal cmi5 runtime, under the launch's isolated path ({@code /play/{school}/{package}/{token}/__truongso/}):
 * the fetch URL that hands the AU its xAPI auth token once, and the few xAPI resources a cmi5 AU uses (statements,
 * activity state with the "LMS.LaunchData" document, agent profile). Every xAPI call must carry both the launch token
 * in its path and "Authorization: Basic &lt;auth-token&gt;"; anything else is not found (401 without the header).
 * Answers carry wildcard CORS headers: the sandboxed frame's origin is opaque and it sends no cookies.
 */
@RestController
@RequestMapping("/play/{schoolId}/{packageId}/{token}/__truongso")
@org.springframework.web.bind.annotation.CrossOrigin(origins = "*", allowedHeaders = {"Authorization", "Content-Type", "X-Experience-API-Version"},
        exposedHeaders = "X-Experience-API-Version", methods = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT})
class Cmi5Runtime {

    static final String XAPI_VERSION = "1.0.3";
    static final String LAUNCH_DATA = "LMS.LaunchData";

    private final PackageLaunches launches;
    private final ContentPackages packages;
    private final PackageAttempts attempts;
    private final XapiStore store;
    private final JsonMapper json;
    private final BilingualMessages messages;

    Cmi5Runtime(PackageLaunches launches, ContentPackages packages, PackageAttempts attempts, XapiStore store, JsonMapper json,
            BilingualMessages messages) {
        this.launches = launches;
        this.packages = packages;
        this.attempts = attempts;
        this.store = store;
        this.json = json;
        this.messages = messages;
    }

    /** What an authenticated call opens: the launch, its package and the learner's attempt. */
    private record Session(PackageLaunches.ActiveLaunch launch, ContentPackage pkg, Attempt attempt) {
    }

    @PostMapping("/cmi5/fetch")
    ResponseEntity<Object> fetch(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token) {
        Optional<PackageLaunches.ActiveLaunch> launch = launch(schoolId, packageId, token);
        if (launch.isEmpty() || packages.find(launch.get().packageSchoolId(), launch.get().packageId())
                .filter(p -> p.standard() == PackageStandard.CMI5).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(cors()).build();
        }
        Optional<String> auth = launches.fetchCmi5Token(launch.get(), token);
        Map<String, Object> body = new LinkedHashMap<>();
        if (auth.isPresent()) {
            body.put("auth-token", auth.get());
        } else {
            // cmi5: the token is handed out once per launch; a second fetch is answered with error code 1.
            body.put("error-code", "1");
            body.put("error-text", messages.en("packages.cmi5.fetchedAlready"));
        }
        return ResponseEntity.ok().headers(cors()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/xapi/statements")
    ResponseEntity<Object> postStatements(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, @RequestBody(required = false) String body) {
        return withSession(schoolId, packageId, token, authorization, session -> {
            List<JsonNode> checked = store.check(parse(body), session.launch().accountId(), null);
            List<java.util.UUID> ids = store.store(session.launch().schoolId(), session.attempt().id(), session.launch().accountId(), checked, null);
            return ResponseEntity.ok().headers(xapi()).contentType(MediaType.APPLICATION_JSON).body(ids.stream().map(UUID::toString).toList());
        });
    }

    @PutMapping("/xapi/statements")
    ResponseEntity<Object> putStatement(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, @RequestParam(required = false) String statementId,
            @RequestBody(required = false) String body) {
        return withSession(schoolId, packageId, token, authorization, session -> {
            if (statementId == null || !XapiStore.isUuid(statementId)) {
                throw new BadInputException(InputError.field("statementId", "packages.xapi.badId", String.valueOf(statementId)));
            }
            JsonNode parsed = parse(body);
            if (parsed != null && !parsed.isObject()) {
                throw new BadInputException(InputError.field("statement", "packages.xapi.notAnObject"));
            }
            List<JsonNode> checked = store.check(parsed, session.launch().accountId(), statementId);
            store.store(session.launch().schoolId(), session.attempt().id(), session.launch().accountId(), checked, statementId);
            return ResponseEntity.noContent().headers(xapi()).build();
        });
    }

    @GetMapping("/xapi/activities/state")
    ResponseEntity<Object> getState(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, @RequestParam String activityId,
            @RequestParam(required = false) String stateId) {
        return withSession(schoolId, packageId, token, authorization, session -> {
            if (LAUNCH_DATA.equals(stateId)) {
                if (!activityId.equals(session.attempt().itemId())) {
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(xapi()).build();
                }
                return ResponseEntity.ok().headers(xapi()).contentType(MediaType.APPLICATION_JSON).body(launchData(session));
            }
            if (stateId == null) {
                return ResponseEntity.ok().headers(xapi()).contentType(MediaType.APPLICATION_JSON).body(List.of());
            }
            return store.state(session.launch().schoolId(), session.attempt().id(), activityId, stateId)
                    .<ResponseEntity<Object>>map(d -> ResponseEntity.ok().headers(xapi()).contentType(MediaType.parseMediaType(d.contentType()))
                            .body(d.document()))
                    .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).headers(xapi()).build());
        });
    }

    @RequestMapping(path = "/xapi/activities/state", method = {RequestMethod.PUT, RequestMethod.POST})
    ResponseEntity<Object> putState(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, @RequestParam String activityId,
            @RequestParam String stateId, @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) String body) {
        return withSession(schoolId, packageId, token, authorization, session -> {
            if (LAUNCH_DATA.equals(stateId)) {
                // The LMS writes the launch data; the AU only reads it.
                throw new BadInputException(InputError.field("stateId", "packages.xapi.launchDataReadOnly"));
            }
            if (body == null || body.length() > 1_000_000) {
                throw new BadInputException(InputError.field("document", "packages.xapi.badDocument"));
            }
            store.putState(session.launch().schoolId(), session.attempt().id(), activityId, stateId,
                    contentType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType, body);
            return ResponseEntity.noContent().headers(xapi()).build();
        });
    }

    @GetMapping("/xapi/agents/profile")
    ResponseEntity<Object> agentProfile(@PathVariable String schoolId, @PathVariable String packageId, @PathVariable String token,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        // No learner preferences are kept: the AU uses its defaults.
        return withSession(schoolId, packageId, token, authorization, session -> ResponseEntity.status(HttpStatus.NOT_FOUND).headers(xapi()).build());
    }

    @GetMapping("/xapi/about")
    ResponseEntity<Object> about() {
        return ResponseEntity.ok().headers(xapi()).contentType(MediaType.APPLICATION_JSON).body(Map.of("version", List.of(XAPI_VERSION)));
    }

    private Map<String, Object> launchData(Session session) {
        PackageStructure.Item item = session.pkg().structure().items().stream().filter(i -> i.id().equals(session.attempt().itemId())).findFirst()
                .orElse(session.pkg().structure().firstLaunchable());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("contextActivities", Map.of("grouping", List.of(Map.of("id", session.pkg().structure().identifier() == null
                ? item.id() : session.pkg().structure().identifier()))));
        context.put("extensions", Map.of("https://w3id.org/xapi/cmi5/context/extensions/sessionid", session.launch().attemptId().toString()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contextTemplate", context);
        data.put("launchMode", "Normal");
        data.put("moveOn", "NotApplicable");
        if (item.masteryScore() != null) {
            data.put("masteryScore", new java.math.BigDecimal(item.masteryScore()));
        }
        if (item.launchData() != null) {
            data.put("launchParameters", item.launchData());
        }
        return data;
    }

    private interface Handler {
        ResponseEntity<Object> handle(Session session);
    }

    private ResponseEntity<Object> withSession(String schoolId, String packageId, String token, String authorization, Handler handler) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            HttpHeaders headers = xapi();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cmi5\"");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).headers(headers).build();
        }
        UUID school;
        UUID pkg;
        try {
            school = UUID.fromString(schoolId);
            pkg = UUID.fromString(packageId);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(xapi()).build();
        }
        var launch = launches.resolveXapi(school, pkg, token, authorization.substring(6).strip());
        var p = launch.flatMap(l -> packages.find(l.packageSchoolId(), l.packageId())).filter(x -> x.standard() == PackageStandard.CMI5);
        var attempt = launch.flatMap(l -> attempts.find(l.schoolId(), l.attemptId()));
        if (launch.isEmpty() || p.isEmpty() || attempt.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(xapi()).build();
        }
        try {
            return handler.handle(new Session(launch.get(), p.get(), attempt.get()));
        } catch (BadInputException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("detail", String.join(" ", e.errors().stream().map(error -> messages.describe(error, BilingualMessages.VIETNAMESE)).toList()));
            problem.put("detailEn", String.join(" ", e.errors().stream().map(error -> messages.describe(error, java.util.Locale.ENGLISH)).toList()));
            problem.put("errors", e.errors().stream().map(messages::toJson).toList());
            return ResponseEntity.badRequest().headers(xapi()).contentType(MediaType.APPLICATION_JSON).body(problem);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw new BadInputException(InputError.field("statement", "packages.xapi.notJson"));
        }
    }

    private Optional<PackageLaunches.ActiveLaunch> launch(String schoolId, String packageId, String token) {
        try {
            return launches.resolve(UUID.fromString(schoolId), UUID.fromString(packageId), token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpHeaders cors() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Access-Control-Allow-Origin", "*");
        headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
        headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version");
        headers.set("Access-Control-Expose-Headers", "X-Experience-API-Version");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        return headers;
    }

    private static HttpHeaders xapi() {
        HttpHeaders headers = cors();
        headers.set("X-Experience-API-Version", XAPI_VERSION);
        return headers;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
