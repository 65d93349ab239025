package vn.truongso.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed-loop load: N virtual users (virtual threads), each with its own API token (and, for the HTML pages, its own
 * signed-in session), send a mix of list and search requests one after another for a warm-up period that is not
 * recorded and then for the measured period. Each user waits for an answer (and an optional think time) before
 * sending the next request, so at most N requests are in flight. The latency is the client's time from sending a
 * request to the last byte of the answer, recorded in HdrHistogram (microsecond resolution).
 */
final class LoadTest {

    static final double TARGET_P95_MS = 50.0;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SESSION = Pattern.compile("(TRUONGSO_SESSION=[^;]+)");

    /** What the users ask for, with the share of requests each gets. */
    enum Kind {
        API_STUDENT_SEARCH("GET /api/v1/schools/{id}/students?q=", 35),
        API_CLASS_LIST("GET /api/v1/schools/{id}/students?classId=", 20),
        API_CLASSES("GET /api/v1/schools/{id}/classes", 15),
        API_STAFF_SEARCH("GET /api/v1/schools/{id}/staff?q=", 15),
        HTML_STUDENT_SEARCH("GET /schools/{id}/students?q= (HTML)", 15);

        final String label;
        final int weight;

        Kind(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    /** Partial names as teachers type them: folded or with diacritics, family name, middle name or given name. */
    private static final List<String> STUDENT_QUERIES = List.of("nguyen van", "tran thi", "le minh", "pham", "hoang anh", "nguyen thi ngoc",
            "huynh bao", "vo", "dang quang", "bui thu", "khoa", "linh", "Nguyễn Văn", "Trần Thị Thu", "Lê", "vy", "phuc", "ngo gia",
            "duong", "ly thanh", "nguyen an", "tran khoi", "phan my", "do duc");
    private static final List<String> STAFF_QUERIES = List.of("nguyen", "tran thi", "le", "pham minh", "thu", "ha", "thi lan", "Hoàng",
            "vo thanh", "anh");

    record User(int index, BenchTokens token, List<UUID> classIds, String session) {
    }

    private LoadTest() {
    }

    static int run(Bench.Options options) throws Exception {
        URI base = Loopback.base(options.required("base"));
        int userCount = options.integer("users", 50);
        int warmupSeconds = options.integer("warmup", 30);
        int seconds = options.integer("seconds", 60);
        int thinkMs = options.integer("think-ms", 0);
        long maxRequests = options.number("max-requests", 2_000_000);
        String password = options.text("password", "TruongSo@Bench2026");
        String label = options.text("label", "load");
        var cpu = new CpuSampler(options.number("app-pid", -1), options.number("postgres-pid", -1), options.integer("clock-ticks", 100));
        if (seconds < 1 || seconds > 3600 || warmupSeconds < 0 || warmupSeconds > 600 || userCount < 1 || userCount > 1000) {
            throw new IllegalArgumentException("users 1..1000, warmup 0..600 s, seconds 1..3600");
        }
        List<BenchTokens> tokens = BenchTokens.read(Path.of(options.required("tokens")), "load");
        if (tokens.size() < userCount) {
            throw new IllegalArgumentException("need one token per user: " + userCount + " users, " + tokens.size() + " tokens in the file");
        }
        HttpClient client = Loopback.client();

        // Setup, outside the clock: every user's token works and we know the classes of its school.
        Map<UUID, List<UUID>> classesBySchool = new HashMap<>();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            BenchTokens token = tokens.get(i);
            List<UUID> classIds = classesBySchool.get(token.schoolId());
            if (classIds == null) {
                var response = client.send(api(base, token, "/api/v1/schools/" + token.schoolId() + "/classes"),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("user " + token.username() + " cannot list classes: HTTP " + response.statusCode());
                }
                classIds = new ArrayList<>();
                for (JsonNode c : JSON.readTree(response.body())) {
                    classIds.add(UUID.fromString(c.path("id").asString()));
                }
                classesBySchool.put(token.schoolId(), classIds);
            }
            users.add(new User(i, token, classIds, null));
        }

        // The HTML pages need a signed-in browser session; they are left out, with a note, where the build lacks them.
        EnumMap<Kind, Integer> weights = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            weights.put(kind, kind.weight);
        }
        String mix = options.text("mix", "");
        if (!mix.isBlank()) {
            // --mix=API_STUDENT_SEARCH:1 measures one request type alone (its CPU per request too); others get weight 0.
            weights.replaceAll((kind, weight) -> 0);
            for (String entry : mix.split(",")) {
                String[] parts = entry.split(":");
                weights.put(Kind.valueOf(parts[0].strip()), parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1);
            }
        }
        List<String> notes = new ArrayList<>();
        Optional<String> htmlProblem = weights.get(Kind.HTML_STUDENT_SEARCH) == 0 ? Optional.of("not in the requested mix")
                : htmlProblem(client, base, users.getFirst(), password);
        if (htmlProblem.isEmpty()) {
            List<User> signedIn = new ArrayList<>();
            for (User user : users) {
                String session = signIn(client, base, user.token().username(), password)
                        .orElseThrow(() -> new IllegalStateException("sign-in failed for " + user.token().username()));
                signedIn.add(new User(user.index(), user.token(), user.classIds(), session));
            }
            users = signedIn;
        } else {
            weights.put(Kind.HTML_STUDENT_SEARCH, 0);
            notes.add("HTML student list skipped: " + htmlProblem.get());
        }
        for (String note : notes) {
            System.out.println("  note: " + note);
        }

        Map<Kind, ConcurrentHistogram> histograms = new EnumMap<>(Kind.class);
        Map<Kind, LongAdder> errors = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            histograms.put(kind, new ConcurrentHistogram(TimeUnitMicros.MAX, 3));
            errors.put(kind, new LongAdder());
        }
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        AtomicLong sent = new AtomicLong();
        int totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();

        System.out.printf(Locale.ROOT, "Load '%s': %d users over %d schools, think time %d ms, warm-up %d s (not recorded), measured %d s%n",
                label, userCount, classesBySchool.size(), thinkMs, warmupSeconds, seconds);
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(users.size());
        // CPU time is read when the measured period starts and ends, on a thread of its own.
        CpuSampler.Sample[] cpuAt = new CpuSampler.Sample[2];
        Thread cpuThread = Thread.ofPlatform().daemon().name("cpu-sampler").start(() -> {
            try {
                sleepUntil(measureFrom);
                cpuAt[0] = cpu.enabled() ? cpu.sample() : null;
                sleepUntil(measureUntil);
                cpuAt[1] = cpu.enabled() && cpuAt[0] != null ? cpu.sample() : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (User user : users) {
            Thread.ofVirtual().name("user-" + user.index()).start(() -> {
                try {
                    runUser(client, base, user, weights, totalWeight, thinkMs, measureFrom, measureUntil, maxRequests, sent, histograms,
                            errors, errorSamples);
                } finally {
                    done.countDown();
                }
            });
        }
        // Bounded: every user stops at measureUntil; a request still running then times out within 30 s.
        if (!done.await(warmupSeconds + seconds + 60L, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.println("  note: some users were still waiting for an answer 60 s after the end");
        }
        if (sent.get() >= maxRequests) {
            notes.add("stopped at the request cap of " + maxRequests);
            System.out.println("  note: stopped at the request cap of " + maxRequests);
        }
        cpuThread.join(5_000);
        CpuSampler.Sample used = cpuAt[0] != null && cpuAt[1] != null ? cpuAt[1].minus(cpuAt[0]) : null;
        return report(label, userCount, thinkMs, seconds, weights, histograms, errors, errorSamples, used);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1_000, left / 1_000_000)));
        }
    }

    private static void runUser(HttpClient client, URI base, User user, Map<Kind, Integer> weights, int totalWeight, int thinkMs,
            long measureFrom, long measureUntil, long maxRequests, AtomicLong sent, Map<Kind, ConcurrentHistogram> histograms,
            Map<Kind, LongAdder> errors, ConcurrentLinkedQueue<String> errorSamples) {
        var random = new SplittableRandom(1_000 + user.index());
        UUID school = user.token().schoolId();
        while (System.nanoTime() < measureUntil && sent.incrementAndGet() <= maxRequests) {
            Kind kind = pick(random, weights, totalWeight);
            HttpRequest request = switch (kind) {
                case API_STUDENT_SEARCH -> api(base, user.token(), "/api/v1/schools/" + school + "/students?q=" + query(random, STUDENT_QUERIES));
                case API_CLASS_LIST -> api(base, user.token(), "/api/v1/schools/" + school + "/students?classId="
                        + user.classIds().get(random.nextInt(user.classIds().size())));
                case API_CLASSES -> api(base, user.token(), "/api/v1/schools/" + school + "/classes");
                case API_STAFF_SEARCH -> api(base, user.token(), "/api/v1/schools/" + school + "/staff?q=" + query(random, STAFF_QUERIES));
                case HTML_STUDENT_SEARCH -> HttpRequest.newBuilder(URI.create(base + "/schools/" + school + "/students?q="
                        + query(random, STUDENT_QUERIES))).timeout(Duration.ofSeconds(30)).header("Cookie", user.session())
                        .header("Accept", "text/html").GET().build();
            };
            long t0 = System.nanoTime();
            int status;
            String failure = null;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status != 200) {
                    failure = kind.label + " -> HTTP " + status;
                }
            } catch (java.io.IOException e) {
                failure = kind.label + " -> " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long t1 = System.nanoTime();
            if (t0 >= measureFrom && t1 <= measureUntil) {
                if (failure == null) {
                    histograms.get(kind).recordValue(Math.max(1, (t1 - t0) / 1_000));
                } else {
                    errors.get(kind).increment();
                    if (errorSamples.size() < 10) {
                        errorSamples.add(failure);
                    }
                }
            }
            if (thinkMs > 0) {
                try {
                    // Uniform between half and one and a half times the think time, so users do not march in step.
                    Thread.sleep(thinkMs / 2 + random.nextInt(thinkMs + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static int report(String label, int users, int thinkMs, int seconds, Map<Kind, Integer> weights,
            Map<Kind, ConcurrentHistogram> histograms, Map<Kind, LongAdder> errors, ConcurrentLinkedQueue<String> errorSamples,
            CpuSampler.Sample cpu) {
        Histogram all = new Histogram(TimeUnitMicros.MAX, 3);
        long allErrors = 0;
        System.out.println();
        System.out.printf(Locale.ROOT, "%-46s %8s %8s %8s %8s %8s %8s %7s%n", "request (" + label + ")", "count", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors");
        for (Kind kind : Kind.values()) {
            if (weights.get(kind) == 0) {
                System.out.printf(Locale.ROOT, "%-46s %8s%n", kind.label, "skipped");
                continue;
            }
            Histogram h = histograms.get(kind);
            all.add(h);
            long failed = errors.get(kind).sum();
            allErrors += failed;
            System.out.println(line(kind.label, h, seconds, failed));
        }
        System.out.println(line("ALL", all, seconds, allErrors));
        double p95 = all.getValueAtPercentile(95) / 1000.0;
        boolean met = all.getTotalCount() > 0 && p95 < TARGET_P95_MS && allErrors == 0;
        System.out.printf(Locale.ROOT, "overall p95 %.1f ms, target < %.0f ms: %s%s%n", p95, TARGET_P95_MS, met ? "MET" : "NOT MET",
                allErrors > 0 ? " (" + allErrors + " errors)" : "");
        for (String sample : errorSamples) {
            System.out.println("  error sample: " + sample);
        }
        String cpuText = "";
        long requests = all.getTotalCount() + allErrors;
        if (cpu != null && requests > 0) {
            double available = Runtime.getRuntime().availableProcessors() * (double) seconds;
            cpuText = String.format(Locale.ROOT, "; CPU per request: app %.1f ms + PostgreSQL %.1f ms (load generator %.1f ms)",
                    cpu.appSeconds() * 1000 / requests, cpu.postgresSeconds() * 1000 / requests, cpu.loadGeneratorSeconds() * 1000 / requests);
            System.out.printf(Locale.ROOT, "CPU used while measured: app %.1f s, PostgreSQL %.1f s, load generator %.1f s of %.0f s available "
                    + "(%d CPUs × %d s); the rest went to other work on the machine%n", cpu.appSeconds(), cpu.postgresSeconds(),
                    cpu.loadGeneratorSeconds(), available, Runtime.getRuntime().availableProcessors(), seconds);
            System.out.printf(Locale.ROOT, "CPU per request: app %.2f ms + PostgreSQL %.2f ms = %.2f ms (load generator %.2f ms)%n",
                    cpu.appSeconds() * 1000 / requests, cpu.postgresSeconds() * 1000 / requests,
                    (cpu.appSeconds() + cpu.postgresSeconds()) * 1000 / requests, cpu.loadGeneratorSeconds() * 1000 / requests);
        }
        System.out.printf(Locale.ROOT, "SUMMARY|latency.%s|%d users, think %d ms: %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, "
                + "%d errors (p95 target < %.0f ms: %s)%s%n", label, users, thinkMs, all.getTotalCount() / (double) seconds,
                all.getValueAtPercentile(50) / 1000.0, p95, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, allErrors,
                TARGET_P95_MS, met ? "MET" : "NOT MET", cpuText);
        return 0;
    }

    private static String line(String name, Histogram h, int seconds, long errors) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "%-46s %8d %8s %8s %8s %8s %8s %7d", name, 0, "-", "-", "-", "-", "-", errors);
        }
        return String.format(Locale.ROOT, "%-46s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %7d", name, h.getTotalCount(),
                h.getTotalCount() / (double) seconds, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errors);
    }

    private static Kind pick(SplittableRandom random, Map<Kind, Integer> weights, int totalWeight) {
        int draw = random.nextInt(totalWeight);
        for (Kind kind : Kind.values()) {
            draw -= weights.get(kind);
            if (draw < 0) {
                return kind;
            }
        }
        return Kind.API_CLASSES;
    }

    private static String query(SplittableRandom random, List<String> queries) {
        return URLEncoder.encode(queries.get(random.nextInt(queries.size())), StandardCharsets.UTF_8);
    }

    private static HttpRequest api(URI base, BenchTokens token, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token.token()).header("Accept", "application/json").GET().build();
    }

    /** Why the HTML list cannot be measured in this build, or empty when it can. */
    private static Optional<String> htmlProblem(HttpClient client, URI base, User user, String password) throws Exception {
        Optional<String> session = signIn(client, base, user.token().username(), password);
        if (session.isEmpty()) {
            return Optional.of("form sign-in at /login is not available or refused " + user.token().username());
        }
        var page = client.send(HttpRequest.newBuilder(URI.create(base + "/schools/" + user.token().schoolId() + "/students?q=nguyen"))
                .header("Cookie", session.get()).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return Optional.of("GET /schools/{id}/students answers HTTP " + page.statusCode() + " in this build");
        }
        return Optional.empty();
    }

    /** Signs in through the sign-in form (with its CSRF token) and returns the session cookie, if it worked. */
    static Optional<String> signIn(HttpClient client, URI base, String username, String password) throws Exception {
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            return Optional.empty();
        }
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            return Optional.empty();
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String cookie = cookie(form).orElse("");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var posted = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() / 100 != 3 || location.contains("/login")) {
            return Optional.empty();
        }
        return cookie(posted).or(() -> cookie.isEmpty() ? Optional.empty() : Optional.of(cookie));
    }

    private static Optional<String> cookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(header);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Histogram bounds: latencies in microseconds up to 60 s. */
    private static final class TimeUnitMicros {
        static final long MAX = 60_000_000L;
    }
}
