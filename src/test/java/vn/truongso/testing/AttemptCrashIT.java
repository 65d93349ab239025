package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Never lose an answer: the packaged application runs in a child JVM with its own data folder (and so its own embedded
 * PostgreSQL); a student answers over HTTP while the JVM is killed with SIGKILL; after a restart every acknowledged
 * answer is there, resending an answer changes nothing, and a submission made before a second kill stays exactly as
 * it was when submitted again.
 */
class AttemptCrashIT {

    private static final String PASSWORD = "TruongSo@2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;
    Process app;
    int port;
    int starts;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        // Stop the PostgreSQL the last instance left, if any (kill -9 leaves it by design of the test).
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long p = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
            ProcessHandle.of(p).ifPresent(h -> {
                h.destroy();
                h.onExit().join();
            });
        }
    }

    @Test
    void everyAcknowledgedAnswerSurvivesKillMinusNine() throws Exception {
        port = freePort();
        start();
        Client teacher = Client.signIn(base(), "gv.nguyendu");
        JsonNode me = teacher.json("GET", "/api/v1/me", null, 200);
        String schoolId = me.get("homeOrgId").asString();
        String classId = null;
        for (JsonNode c : teacher.json("GET", "/api/v1/schools/" + schoolId + "/classes", null, 200)) {
            if ("6A1".equals(c.path("name").asString())) {
                classId = c.get("id").asString();
            }
        }
        assertThat(classId).as("the demo school's 6A1").isNotNull();
        JsonNode bank = teacher.json("POST", "/api/v1/schools/" + schoolId + "/question-banks",
                Map.of("name", "Kiểm tra sập nguồn", "subjectCode", "TOAN", "grade", 6), 201);
        String bankPath = "/api/v1/schools/" + schoolId + "/question-banks/" + bank.get("id").asString();
        JsonNode preview = teacher.upload(bankPath + "/imports", "gift", "de.gift", TestingFixture.GIFT);
        teacher.json("POST", bankPath + "/imports/" + preview.get("importId").asString() + "/commit", null, 200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode session = teacher.json("POST", "/api/v1/schools/" + schoolId + "/test-sessions", Map.ofEntries(Map.entry("title", "Kiểm tra sập nguồn"),
                Map.entry("bankId", bank.get("id").asString()), Map.entry("classIds", List.of(classId)),
                Map.entry("opensAt", now.minus(1, ChronoUnit.MINUTES).toString()), Map.entry("closesAt", now.plus(3, ChronoUnit.HOURS).toString()),
                Map.entry("durationMinutes", 120), Map.entry("attemptsAllowed", 1), Map.entry("shuffleQuestions", true),
                Map.entry("shuffleOptions", true), Map.entry("resultsPolicy", "IMMEDIATELY"), Map.entry("purpose", "PRACTICE")), 201);

        Client student = Client.signIn(base(), "hs.nguyendu");
        JsonNode started = student.json("POST", "/api/v1/schools/" + schoolId + "/test-sessions/" + session.get("id").asString() + "/attempts",
                Map.of(), 201);
        String attempt = started.get("attemptId").asString();
        String token = started.get("attemptToken").asString();
        List<String> questions = new ArrayList<>();
        started.get("questions").forEach(q -> questions.add(q.get("id").asString()));

        // Answers keep coming (several in flight at once) while the server is killed.
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean go = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int lane = w;
            writers.add(Thread.ofVirtual().start(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                long seq = lane;
                while (go.get()) {
                    seq += 4;
                    String q = questions.get((int) (seq % questions.size()));
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attempts/" + attempt + "/answers/" + q))
                                .header("X-Attempt-Token", token).header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"seq\":" + seq + ",\"response\":{\"text\":\"answer-" + seq + "\"}}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            long acked = JSON.readTree(r.body()).get("seq").asLong();
                            acknowledged.merge(q, acked, Math::max);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server is gone: stop this lane
                        return;
                    }
                }
            }));
        }
        while (acknowledged.values().stream().mapToLong(Long::longValue).sum() < 200) {
            Thread.sleep(20);
        }
        long postgresPid = postmasterPid();
        killMinusNine();
        go.set(false);
        for (Thread t : writers) {
            t.join(10_000);
        }
        // zonky's postmaster is a daemon of its own: it outlives the killed JVM, still holding the data folder.
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).as("the orphaned postmaster").contains(true);

        start();
        assertThat(Files.readString(dataDir.resolve("app-2.log"))).contains("was left running");
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
        JsonNode state = stateOf(attempt, token);
        Map<String, JsonNode> saved = new java.util.HashMap<>();
        state.get("answers").forEach(a -> saved.put(a.get("questionId").asString(), a));
        assertThat(acknowledged).isNotEmpty();
        for (var e : acknowledged.entrySet()) {
            JsonNode a = saved.get(e.getKey());
            assertThat(a).as("answer to " + e.getKey()).isNotNull();
            // The stored answer is the acknowledged one, or a later one whose acknowledgement the kill swallowed.
            assertThat(a.get("seq").asLong()).isGreaterThanOrEqualTo(e.getValue());
            assertThat(a.get("response").get("text").asString()).isEqualTo("answer-" + a.get("seq").asLong());
        }
        // Sending a stored answer again changes nothing.
        HttpClient http = HttpClient.newHttpClient();
        JsonNode first = saved.values().iterator().next();
        String q = first.get("questionId").asString();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attempts/" + attempt + "/answers/" + q))
                .header("X-Attempt-Token", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"seq\":" + first.get("seq").asLong() + ",\"response\":{\"text\":\"changed\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("savedAt").asString()).isEqualTo(first.get("savedAt").asString());

        // Submit, crash again, restart: the submission is exactly as it was, and submitting again changes nothing.
        JsonNode submitted = submit(attempt, token);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        killMinusNine();
        start();
        JsonNode resubmitted = submit(attempt, token);
        assertThat(resubmitted.get("submittedAt").asString()).isEqualTo(submitted.get("submittedAt").asString());
        assertThat(resubmitted.get("points").decimalValue()).isEqualByComparingTo(submitted.get("points").decimalValue());
        JsonNode after = stateOf(attempt, token);
        assertThat(after.get("answers").size()).isEqualTo(state.get("answers").size());
    }

    JsonNode stateOf(String attempt, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attempts/" + attempt))
                .header("X-Attempt-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    JsonNode submit(String attempt, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attempts/" + attempt + "/submission"))
                .header("X-Attempt-Token", token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).getFirst().strip());
    }

    void killMinusNine() throws InterruptedException {
        app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        app.waitFor();
    }

    void start() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("truongso-.*\\.jar")).filter(p -> !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("package the application first (target/truongso-*.jar)"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + (++starts) + ".log").toFile());
        pb.environment().put("TRUONGSO_DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", String.valueOf(port));
        app = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited: " + Files.readString(dataDir.resolve("app-" + starts + ".log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not come up: " + Files.readString(dataDir.resolve("app-" + starts + ".log")));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A signed-in user: form sign-in, then an API token issued with the session (CSRF token from the page's meta tag). */
    record Client(String base, String bearer) {

        static Client signIn(String base, String username) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String csrf = find(login, "name=\"_csrf\"\\s+value=\"([^\"]+)\"").or(() -> find(login, "value=\"([^\"]+)\"\\s+name=\"_csrf\"")).orElseThrow();
            String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            String token = find(home, "name=\"_csrf\"\\s+content=\"([^\"]+)\"").orElseThrow();
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens")).header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash-test\",\"validDays\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            return new Client(base, "Bearer " + JSON.readTree(issued.body()).get("token").asString());
        }

        JsonNode json(String method, String path, Object body, int expected) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", bearer).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
            return r.body().isEmpty() ? null : JSON.readTree(r.body());
        }

        JsonNode upload(String path, String format, String filename, String content) throws Exception {
            String boundary = "----truongso" + UUID.randomUUID();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", bearer)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        private static Optional<String> find(String html, String regex) {
            Matcher m = Pattern.compile(regex).matcher(html);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
