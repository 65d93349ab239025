package vn.truongso.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny in-memory stand-in for the parts of TruongSo the exam burst talks to: the sign-in form (CSRF field and session
 * cookie, as Spring Security renders them), a landing page with the CSRF meta tag, and the testing API's contract as
 * {@link ExamContract} describes it. It checks what the real server would check (session, CSRF header, access code,
 * attempt token, body shape) so the client's requests and parsing are exercised; it is no model of the real module.
 * {@code dropEvery} > 0 acknowledges but does not store every n-th answer, to prove lost answers are detected.
 */
final class FakeExamServer implements AutoCloseable, ExamBurst.AnswerStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ATTEMPTS = Pattern.compile("/api/v1/schools/([^/]+)/test-sessions/([^/]+)/attempts");
    private static final Pattern ANSWER = Pattern.compile("/api/v1/attempts/([^/]+)/answers/([^/]+)");
    private static final Pattern SUBMISSION = Pattern.compile("/api/v1/attempts/([^/]+)/submission");

    private record Attempt(String id, String token, String session) {
    }

    private final HttpServer server;
    private final int questions;
    private final int dropEvery;
    /** More attempts than this in one session are refused (503), so a search has a limit to find; 0: no limit. */
    volatile int maxAttemptsPerSession;
    private final Map<String, AtomicInteger> attemptsPerSession = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();   // cookie value -> csrf token ("" before sign-in)
    private final Map<String, String> signedIn = new ConcurrentHashMap<>();   // cookie value -> username
    private final Map<String, String> accessCodes = new ConcurrentHashMap<>(); // test session id -> access code
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Integer>> stored = new ConcurrentHashMap<>();
    final AtomicInteger refusals = new AtomicInteger();
    private volatile int questionsImported;

    FakeExamServer(int questions, int dropEvery) throws IOException {
        this.questions = questions;
        this.dropEvery = dropEvery;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public Map<String, Map<String, Integer>> stored(Collection<String> attemptIds) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String id : attemptIds) {
            if (stored.containsKey(id)) {
                out.put(id, Map.copyOf(stored.get(id)));
            }
        }
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String cookie = cookie(exchange);
            Matcher m;
            if (method.equals("GET") && path.equals("/login")) {
                String id = UUID.randomUUID().toString();
                String csrf = UUID.randomUUID().toString();
                sessions.put(id, csrf);
                exchange.getResponseHeaders().add("Set-Cookie", "TRUONGSO_SESSION=" + id + "; Path=/; HttpOnly");
                send(exchange, 200, "text/html", "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\"" + csrf + "\"/></form>");
            } else if (method.equals("POST") && path.equals("/login")) {
                Map<String, String> form = form(body);
                if (cookie == null || !form.getOrDefault("_csrf", "").equals(sessions.get(cookie))
                        || !"TruongSo@Bench2026".equals(form.get("password"))) {
                    exchange.getResponseHeaders().add("Location", "/login?error");
                    send(exchange, 302, "text/plain", "");
                    return;
                }
                // A new session id and a new CSRF token after sign-in, as Spring Security does.
                String id = UUID.randomUUID().toString();
                sessions.remove(cookie);
                sessions.put(id, UUID.randomUUID().toString());
                signedIn.put(id, form.get("username"));
                exchange.getResponseHeaders().add("Set-Cookie", "TRUONGSO_SESSION=" + id + "; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Location", "/");
                send(exchange, 302, "text/plain", "");
            } else if (method.equals("GET") && path.equals("/")) {
                if (cookie == null || !signedIn.containsKey(cookie)) {
                    exchange.getResponseHeaders().add("Location", "/login");
                    send(exchange, 302, "text/plain", "");
                    return;
                }
                send(exchange, 200, "text/html", "<html><head><meta name=\"_csrf\" content=\"" + sessions.get(cookie) + "\">"
                        + "<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"></head><body>Trang chủ</body></html>");
            } else if (method.equals("POST") && path.matches("/api/v1/schools/[^/]+/question-banks")) {
                send(exchange, 201, "application/json", JSON.createObjectNode().put("id", UUID.randomUUID().toString()).toString());
            } else if (method.equals("POST") && path.matches("/api/v1/schools/[^/]+/question-banks/[^/]+/imports")) {
                int count = body.split("::Câu ", -1).length - 1;
                questionsImported = count;
                send(exchange, 200, "application/json", JSON.createObjectNode().put("importId", UUID.randomUUID().toString())
                        .put("canCommit", true).put("questionCount", count).toString());
            } else if (method.equals("POST") && path.matches("/api/v1/schools/[^/]+/question-banks/[^/]+/imports/[^/]+/commit")) {
                send(exchange, 200, "application/json", JSON.createObjectNode().put("committed", questionsImported).toString());
            } else if (method.equals("POST") && path.matches("/api/v1/schools/[^/]+/test-sessions")) {
                JsonNode input = JSON.readTree(body);
                if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ") || input.path("source").path("bankId").isMissingNode()
                        || input.path("classIds").isEmpty() || input.path("durationMinutes").asInt() < 1) {
                    refuse(exchange, 400, "bad session");
                    return;
                }
                String id = UUID.randomUUID().toString();
                accessCodes.put(id, input.path("accessCode").asString());
                send(exchange, 201, "application/json", JSON.createObjectNode().put("id", id).toString());
            } else if (method.equals("POST") && (m = ATTEMPTS.matcher(path)).matches()) {
                if (!authorised(exchange, cookie)) {
                    return;
                }
                if (!JSON.readTree(body).path("accessCode").asString().equals(accessCodes.get(m.group(2)))) {
                    refuse(exchange, 403, "wrong access code");
                    return;
                }
                String sessionId = m.group(2);
                if (maxAttemptsPerSession > 0
                        && attemptsPerSession.computeIfAbsent(sessionId, k -> new AtomicInteger()).incrementAndGet() > maxAttemptsPerSession) {
                    refuse(exchange, 503, "full");
                    return;
                }
                Attempt attempt = attempts.computeIfAbsent(sessionId + "/" + signedIn.get(cookie),
                        k -> new Attempt(UUID.randomUUID().toString(), UUID.randomUUID().toString(), sessionId));
                attempts.putIfAbsent(attempt.id(), attempt);
                ObjectNode out = JSON.createObjectNode().put("attemptId", attempt.id()).put("attemptToken", attempt.token())
                        .put("deadline", "2099-01-01T00:00:00Z").put("serverNow", java.time.Instant.now().toString());
                var list = out.putArray("questions");
                for (int q = 1; q <= questions; q++) {
                    ObjectNode question = list.addObject().put("id", "00000000-0000-0000-0000-" + String.format("%012d", q)).put("number", q)
                            .put("type", "SINGLE_CHOICE").put("points", "0.25").put("stemHtml", "<p>Câu " + q + "</p>");
                    var options = question.putArray("options");
                    for (int o = 1; o <= 4; o++) {
                        options.addObject().put("id", q + "-" + o).put("html", "<p>" + o + "</p>");
                    }
                }
                out.putArray("answers");
                send(exchange, 201, "application/json", out.toString());
            } else if (method.equals("PUT") && (m = ANSWER.matcher(path)).matches()) {
                if (!authorised(exchange, cookie) || !attemptToken(exchange, m.group(1))) {
                    return;
                }
                if (submitted.contains(m.group(1))) {
                    refuse(exchange, 409, "submitted");
                    return;
                }
                JsonNode input = JSON.readTree(body);
                int seq = input.path("seq").asInt(-1);
                if (seq < 1 || input.path("response").path("selected").size() != 1) {
                    refuse(exchange, 400, "bad answer");
                    return;
                }
                if (dropEvery <= 0 || saves.incrementAndGet() % dropEvery != 0) {
                    stored.computeIfAbsent(m.group(1), k -> new ConcurrentHashMap<>()).merge(m.group(2), seq, Math::max);
                }
                send(exchange, 200, "application/json", JSON.createObjectNode().put("questionId", m.group(2)).put("seq", seq)
                        .put("savedAt", java.time.Instant.now().toString()).toString());
            } else if (method.equals("POST") && (m = SUBMISSION.matcher(path)).matches()) {
                if (!authorised(exchange, cookie) || !attemptToken(exchange, m.group(1))) {
                    return;
                }
                submitted.add(m.group(1));
                send(exchange, 200, "application/json", "{\"submitted\":true}");
            } else {
                refuse(exchange, 404, "no such path " + method + " " + path);
            }
        }
    }

    /** Signed in, and for a write with a session the CSRF header matches the session's token. */
    private boolean authorised(HttpExchange exchange, String cookie) throws IOException {
        if (cookie == null || !signedIn.containsKey(cookie)) {
            refuse(exchange, 401, "not signed in");
            return false;
        }
        if (!sessions.get(cookie).equals(exchange.getRequestHeaders().getFirst("X-CSRF-TOKEN"))) {
            refuse(exchange, 403, "csrf");
            return false;
        }
        return true;
    }

    private boolean attemptToken(HttpExchange exchange, String attemptId) throws IOException {
        Attempt attempt = attempts.get(attemptId);
        if (attempt == null || !attempt.token().equals(exchange.getRequestHeaders().getFirst(ExamContract.ATTEMPT_TOKEN_HEADER))) {
            refuse(exchange, 403, "attempt token");
            return false;
        }
        return true;
    }

    private void refuse(HttpExchange exchange, int status, String why) throws IOException {
        refusals.incrementAndGet();
        send(exchange, status, "application/json", JSON.createObjectNode().put("detail", why).toString());
    }

    private static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith("TRUONGSO_SESSION=")) {
                    return p.substring("TRUONGSO_SESSION=".length());
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
