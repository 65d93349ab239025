package vn.truongso.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import tools.jackson.databind.json.JsonMapper;

/**
 * The exam burst: N students sign in within a minute (spread evenly with jitter), start the same 40-question test,
 * answer every question with think time and submit, against the real application on 127.0.0.1. It prints per request
 * type throughput and p50/p95/p99 latency with errors, answers acknowledged (HTTP 200 echoing the sequence number)
 * against answers found in the database afterwards, the CPU core-seconds the application's JVM and PostgreSQL spent per
 * completed attempt, and the rate of the same single-row upsert driven by pgbench at the same concurrency. With
 * {@code --search=true} it repeats the burst with more students (doubling, then bisecting) to find the largest N that
 * meets the targets.
 *
 * <p>Each student is one virtual thread running a closed loop (a request, its answer, think time, the next request),
 * so at most N requests are in flight; latency is measured from sending to the last byte of the answer.
 */
final class ExamBurst {

    static final double TARGET_SAVE_P99_MS = 200.0;
    static final double TARGET_CORE_SECONDS_PER_ATTEMPT = 0.1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\"[^>]*content=\"([^\"]+)\"");
    private static final Pattern META_CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\"[^>]*content=\"([^\"]+)\"");
    private static final long HISTOGRAM_MAX_MICROS = 120_000_000L;

    /** The request types reported. */
    enum Step {
        SIGN_IN("sign-in (GET + POST /login)"),
        LANDING("landing page (CSRF token)"),
        ENTRY_PAGE("ticket entry page (GET /thi)"),
        START("start attempt"),
        SAVE("answer save"),
        SUBMIT("submit");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** A student account from the generator's students file (school, class, user name and, when given, the student's id). */
    record Student(UUID schoolId, UUID classId, String username, String studentId) {

        Student(UUID schoolId, UUID classId, String username) {
            this(schoolId, classId, username, null);
        }

        static List<Student> read(Path file) throws IOException {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .map(f -> new Student(UUID.fromString(f[0]), UUID.fromString(f[1]), f[2], f.length > 3 ? f[3] : null)).toList();
        }

        /** Her exam ticket among those issued: by id, or by the learner code in the user name (hs.<code>). */
        String ticketIn(Map<String, String> tickets) {
            String byId = studentId == null ? null : tickets.get(studentId);
            return byId != null ? byId : tickets.get(username.substring(username.indexOf('.') + 1).toUpperCase(Locale.ROOT));
        }
    }

    /** How the students behave. */
    record Behaviour(int spreadSeconds, int thinkMinMs, int thinkMaxMs, long seed, boolean cookieOnAttemptCalls, boolean tickets) {

        Behaviour(int spreadSeconds, int thinkMinMs, int thinkMaxMs, long seed) {
            this(spreadSeconds, thinkMinMs, thinkMaxMs, seed, true, false);
        }

        int thinkMs(SplittableRandom random) {
            return thinkMinMs + (thinkMaxMs > thinkMinMs ? random.nextInt(thinkMaxMs - thinkMinMs + 1) : 0);
        }
    }

    /** Reads back what the database holds: per attempt id, per question id, the highest sequence number stored. */
    interface AnswerStore {
        Map<String, Map<String, Integer>> stored(Collection<String> attemptIds) throws Exception;
    }

    /** The figures of one burst. */
    record Outcome(int students, int completed, long errors, long acknowledged, long found, long lost, double saveP99Ms,
            double coreSecondsPerAttempt, boolean cpuMeasured) {

        boolean meetsTargets() {
            return completed == students && errors == 0 && lost == 0 && saveP99Ms < TARGET_SAVE_P99_MS
                    && (!cpuMeasured || coreSecondsPerAttempt <= TARGET_CORE_SECONDS_PER_ATTEMPT);
        }

        String verdicts() {
            return String.format(Locale.ROOT, "errors %d (target 0) %s; lost answers %d (target 0) %s; completed %d/%d %s; p99 save %s ms "
                    + "(target < %.0f) %s; CPU %s core-s per attempt (target ≤ %.2f) %s", errors, ok(errors == 0), lost, ok(lost == 0),
                    completed, students, ok(completed == students),
                    Double.isFinite(saveP99Ms) ? String.format(Locale.ROOT, "%.1f", saveP99Ms) : "-", TARGET_SAVE_P99_MS, ok(saveP99Ms < TARGET_SAVE_P99_MS),
                    cpuMeasured && Double.isFinite(coreSecondsPerAttempt) ? String.format(Locale.ROOT, "%.3f", coreSecondsPerAttempt) : "?", TARGET_CORE_SECONDS_PER_ATTEMPT,
                    cpuMeasured ? ok(coreSecondsPerAttempt <= TARGET_CORE_SECONDS_PER_ATTEMPT) : "not measured");
        }

        private static String ok(boolean met) {
            return met ? "MET" : "NOT MET";
        }
    }

    private ExamBurst() {
    }

    // ---------------------------------------------------------------- the command

    /**
     * {@code exam-burst --base=URL --tokens=FILE --students=FILE [--n=20] [--think-min-ms=10000 --think-max-ms=30000]
     * [--spread-seconds=60] [--questions=40] [--data=DIR | --jdbc=URL] [--pgbench=/usr/bin/pgbench --pgbench-seconds=20]
     * [--search=false --search-start=250 --search-max=all] [--app-pid --postgres-pid --clock-ticks]}.
     */
    static int run(Bench.Options options) throws Exception {
        return run(options, null);
    }

    /** With {@code storeOverride} (tests against a fake) answers are checked there instead of in the database. */
    static int run(Bench.Options options, AnswerStore storeOverride) throws Exception {
        URI base = Loopback.base(options.required("base"));
        List<Student> pool = Student.read(Path.of(options.required("students")));
        BenchTokens teacher = BenchTokens.read(Path.of(options.required("tokens")), "load").stream().filter(t -> t.role().equals("TEACHER"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the tokens file has no teacher token (generate at least 2 tokens)"));
        String password = options.text("password", "TruongSo@Bench2026");
        int questions = options.integer("questions", 40);
        var behaviour = new Behaviour(options.integer("spread-seconds", 60), options.integer("think-min-ms", 10_000),
                options.integer("think-max-ms", 30_000), options.number("seed", 1),
                // A browser sends its session cookie with every same-origin request; false measures saves with the token alone.
                Boolean.parseBoolean(options.text("cookie-on-attempt-calls", "true")),
                // ticket: each student enters with her exam ticket (phiếu dự thi) at /thi; password: the sign-in form.
                switch (options.text("entry", "ticket")) {
                    case "ticket" -> true;
                    case "password" -> false;
                    default -> throw new IllegalArgumentException("--entry is ticket or password");
                });
        if (behaviour.thinkMinMs() < 0 || behaviour.thinkMaxMs() < behaviour.thinkMinMs() || behaviour.thinkMaxMs() > 600_000
                || behaviour.spreadSeconds() < 0 || behaviour.spreadSeconds() > 3600 || questions < 1 || questions > 200) {
            throw new IllegalArgumentException("think 0..600000 ms with min ≤ max, spread 0..3600 s, questions 1..200");
        }
        var cpu = new CpuSampler(options.number("app-pid", -1), options.number("postgres-pid", -1), options.integer("clock-ticks", 100));
        String jdbc = jdbcUrl(options);
        AnswerStore store = storeOverride != null ? storeOverride : jdbc == null ? null : new JdbcAnswerStore(jdbc);
        HttpClient client = Loopback.client();

        UUID bankId = createBank(client, base, teacher, questions);
        calibrateSignIn(client, base, pool.getFirst().username(), password, cpu);
        warmUp(client, base, teacher, bankId, pool, password, questions, behaviour, cpu, store, jdbc, options);

        if (!Boolean.parseBoolean(options.text("search", "false"))) {
            int n = Math.min(options.integer("n", 20), pool.size());
            Outcome outcome;
            try {
                outcome = trial(client, base, teacher, bankId, pool.subList(0, n), password, questions, behaviour, cpu, store, jdbc, options, true);
            } catch (SessionUnavailable e) {
                // Everything else still runs: the data, the bank, the sign-in cost and the database's own upsert rate.
                System.out.println("NO BURST: " + e.getMessage());
                System.out.println("  (the testing module's API is missing or differs from ExamContract; the rest of the benchmark still runs)");
                System.out.printf(Locale.ROOT, "SUMMARY|exam burst, %d students|not run: %s%n", n, e.getMessage());
                pgbenchPart(options, jdbc, n, questions, Double.NaN);
                return 3;
            }
            System.out.printf(Locale.ROOT, "SUMMARY|exam burst, %d students|%s: %s%n", n, outcome.meetsTargets() ? "TARGETS MET" : "TARGETS NOT MET",
                    outcome.verdicts());
            return 0;
        }
        return search(client, base, teacher, bankId, pool, password, questions, behaviour, cpu, store, jdbc, options);
    }

    /**
     * A short burst before any measured one, reported but not counted: a server that has run for a while has compiled
     * its hot paths, one started a minute ago spends much of its CPU in the JIT compiler (measured: about half of the
     * application's CPU in a two-minute burst right after startup). {@code --warmup-students=0} measures the cold server.
     */
    static void warmUp(HttpClient client, URI base, BenchTokens teacher, UUID bankId, List<Student> pool, String password, int questions,
            Behaviour behaviour, CpuSampler cpu, AnswerStore store, String jdbc, Bench.Options options) throws Exception {
        int students = Math.min(options.integer("warmup-students", 0), pool.size());
        if (students <= 0) {
            return;
        }
        var quick = new Behaviour(5, 100, 500, behaviour.seed() + 7, behaviour.cookieOnAttemptCalls(), behaviour.tickets());
        System.out.println();
        System.out.printf(Locale.ROOT, "== Warm-up, not counted: %d students, think 100–500 ms (the JIT compiles the hot paths)%n", students);
        trial(client, base, teacher, bankId, pool.subList(pool.size() - students, pool.size()), password, questions, quick, cpu, store, jdbc, options,
                false);
    }

    /** Doubling from --search-start while the targets hold, then bisecting between the last pass and the first failure. */
    private static int search(HttpClient client, URI base, BenchTokens teacher, UUID bankId, List<Student> pool, String password, int questions,
            Behaviour behaviour, CpuSampler cpu, AnswerStore store, String jdbc, Bench.Options options) throws Exception {
        int max = Math.min(options.integer("search-max", pool.size()), pool.size());
        int n = Math.min(options.integer("search-start", 250), max);
        int resolution = Math.max(1, options.integer("search-resolution-percent", 10));
        int pass = 0;
        int fail = -1;
        List<String> trials = new ArrayList<>();
        while (true) {
            Outcome outcome = trial(client, base, teacher, bankId, pool.subList(0, n), password, questions, behaviour, cpu, store, jdbc, options, true);
            boolean ok = outcome.meetsTargets();
            trials.add(String.format(Locale.ROOT, "N=%d %s (%s)", n, ok ? "PASS" : "FAIL", outcome.verdicts()));
            System.out.printf(Locale.ROOT, "TRIAL|%d|%s%n", n, ok ? "PASS" : "FAIL");
            if (ok) {
                pass = n;
            } else {
                fail = n;
            }
            int next;
            if (fail < 0) {
                if (n >= max) {
                    break;
                }
                next = Math.min(max, n * 2);
            } else {
                if (fail - pass <= Math.max(1, pass * resolution / 100)) {
                    break;
                }
                next = (pass + fail) / 2;
            }
            n = next;
        }
        System.out.println();
        System.out.println("== Search for the largest N meeting every target");
        trials.forEach(t -> System.out.println("  " + t));
        String limit = fail < 0 ? " (every trial passed: the students file, " + max + " accounts, is the limit; generate more)" : "";
        System.out.printf(Locale.ROOT, "largest passing N: %d%s; first failing N: %s (target: 10,000 or more)%n", pass, limit,
                fail < 0 ? "none" : fail);
        System.out.printf(Locale.ROOT, "SUMMARY|exam burst, largest passing N|%d%s (target ≥ 10000: %s)%n", pass, limit,
                pass >= 10_000 ? "MET" : "NOT MET");
        return 0;
    }

    // ---------------------------------------------------------------- setup

    /** A bank with {@code questions} single-choice questions, imported through the questions API as a GIFT file. */
    static UUID createBank(HttpClient client, URI base, BenchTokens teacher, int questions) throws Exception {
        String school = teacher.schoolId().toString();
        var created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + school + "/question-banks"))
                .timeout(ExamContract.TIMEOUT).header("Authorization", "Bearer " + teacher.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", "Đề thi thử " + questions + " câu (benchmark)")
                        .put("description", "Exam-burst benchmark").toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("creating the question bank: HTTP " + created.statusCode() + " " + ExamContract.abbreviate(created.body()));
        }
        UUID bankId = UUID.fromString(JSON.readTree(created.body()).path("id").asString());
        String boundary = "----truongso-exam-" + UUID.randomUUID();
        var preview = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + school + "/question-banks/" + bankId
                + "/imports?format=gift")).timeout(ExamContract.TIMEOUT).header("Authorization", "Bearer " + teacher.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(RosterImportBench.multipart(boundary, "file", "de-thi.gift",
                        gift(questions).getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        var previewJson = JSON.readTree(preview.body());
        if (preview.statusCode() != 200 || !previewJson.path("canCommit").asBoolean(false)) {
            throw new IllegalStateException("GIFT preview: HTTP " + preview.statusCode() + " " + ExamContract.abbreviate(preview.body()));
        }
        var commit = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + school + "/question-banks/" + bankId + "/imports/"
                + previewJson.path("importId").asString() + "/commit")).timeout(ExamContract.TIMEOUT)
                .header("Authorization", "Bearer " + teacher.token()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        int committed = JSON.readTree(commit.body()).path("committed").asInt(0);
        if (commit.statusCode() != 200 || committed != questions) {
            throw new IllegalStateException("GIFT commit: HTTP " + commit.statusCode() + " " + ExamContract.abbreviate(commit.body()));
        }
        System.out.printf(Locale.ROOT, "question bank %s: %d single-choice questions imported (GIFT)%n", bankId, committed);
        return bankId;
    }

    /** {@code questions} single-choice arithmetic questions in GIFT, four options each. */
    static String gift(int questions) {
        var random = new SplittableRandom(2026);
        StringBuilder out = new StringBuilder("// Exam-burst benchmark: single-choice questions\n\n");
        for (int q = 1; q <= questions; q++) {
            int a = 10 + random.nextInt(90);
            int b = 10 + random.nextInt(90);
            int sum = a + b;
            out.append("::Câu ").append(q).append("::Tính ").append(a).append(" + ").append(b).append(" bằng bao nhiêu? {\n")
                    .append("  =").append(sum).append('\n')
                    .append("  ~").append(sum + 1).append('\n')
                    .append("  ~").append(sum - 10).append('\n')
                    .append("  ~").append(sum + 10).append('\n')
                    .append("}\n\n");
        }
        return out.toString();
    }

    /**
     * The CPU cost of one form sign-in, measured alone before the burst (bcrypt verifies the password): ten sign-ins one
     * after another, the application's CPU time divided by ten.
     */
    static void calibrateSignIn(HttpClient client, URI base, String username, String password, CpuSampler cpu) throws Exception {
        if (!cpu.enabled()) {
            return;
        }
        LoadTest.signIn(client, base, username, password); // warm
        CpuSampler.Sample before = cpu.sample();
        int count = 10;
        for (int i = 0; i < count; i++) {
            if (LoadTest.signIn(client, base, username, password).isEmpty()) {
                System.out.println("  note: sign-in calibration failed for " + username);
                return;
            }
        }
        CpuSampler.Sample used = cpu.sample().minus(before);
        System.out.printf(Locale.ROOT, "sign-in alone (%d in a row, GET + POST /login): application CPU %.1f ms + PostgreSQL %.1f ms each, "
                + "mostly bcrypt verifying the password; that is %.0f%% of the %.2f core-s budget per attempt%n", count,
                used.appSeconds() * 1000 / count, used.postgresSeconds() * 1000 / count,
                (used.appSeconds() + used.postgresSeconds()) / count / TARGET_CORE_SECONDS_PER_ATTEMPT * 100, TARGET_CORE_SECONDS_PER_ATTEMPT);
        System.out.printf(Locale.ROOT, "SUMMARY|sign-in CPU (bcrypt), each|application %.1f ms + PostgreSQL %.1f ms%n",
                used.appSeconds() * 1000 / count, used.postgresSeconds() * 1000 / count);
    }

    // ---------------------------------------------------------------- one burst

    /** Runs one burst with these students and prints its report. */
    static Outcome trial(HttpClient client, URI base, BenchTokens teacher, UUID bankId, List<Student> students, String password, int questions,
            Behaviour behaviour, CpuSampler cpu, AnswerStore store, String jdbc, Bench.Options options, boolean counted) throws Exception {
        int n = students.size();
        String accessCode = String.format(Locale.ROOT, "%06d", new SplittableRandom(behaviour.seed() + n).nextInt(1_000_000));
        int durationMinutes = (int) Math.ceil((behaviour.spreadSeconds() + questions * (behaviour.thinkMaxMs() / 1000.0) + 60) / 60.0) + 5;
        List<UUID> classIds = new ArrayList<>(new LinkedHashSet<>(students.stream().map(Student::classId).toList()));
        var created = client.send(ExamContract.createSession(base, teacher.token(), teacher.schoolId(), bankId, classIds,
                "Kiểm tra thử " + n + " học sinh", accessCode, durationMinutes, Instant.now()), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new SessionUnavailable("creating the test session: HTTP " + created.statusCode() + " " + ExamContract.abbreviate(created.body()));
        }
        String sessionId = ExamContract.sessionId(created.body());
        Map<String, String> tickets = Map.of();
        if (behaviour.tickets()) {
            // Printed before the exam: not part of the burst.
            var issued = client.send(ExamContract.issueTickets(base, teacher.token(), teacher.schoolId(), sessionId), HttpResponse.BodyHandlers.ofString());
            if (issued.statusCode() != 201) {
                throw new SessionUnavailable("issuing exam tickets: HTTP " + issued.statusCode() + " " + ExamContract.abbreviate(issued.body()));
            }
            tickets = ExamContract.tickets(issued.body());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "== Exam burst: %d students in %d classes sign in within %d s, %d questions, think %d–%d ms; session %s "
                + "(%d min)%s%n", n, classIds.size(), behaviour.spreadSeconds(), questions, behaviour.thinkMinMs(), behaviour.thinkMaxMs(), sessionId,
                durationMinutes, behaviour.tickets() ? "; students enter with exam tickets (no sign-in, no session)"
                        : behaviour.cookieOnAttemptCalls() ? "; students sign in with their passwords" : "; saves and submission without the session cookie");
        var run = new Run(client, base, teacher.schoolId(), sessionId, accessCode, password, behaviour, tickets);
        long start = System.nanoTime();
        CpuSampler.Sample cpuBefore = cpu.enabled() ? cpu.sample() : null;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Student student = students.get(i);
            var random = new SplittableRandom(behaviour.seed() * 1_000_003L + i);
            long startAt = start + (long) (behaviour.spreadSeconds() * 1e9 * (i + random.nextDouble()) / n);
            Thread.ofVirtual().name("student-" + i).start(() -> {
                try {
                    run.student(student, startAt, random);
                } finally {
                    done.countDown();
                }
            });
        }
        long bound = behaviour.spreadSeconds() + (long) questions * behaviour.thinkMaxMs() / 1000 + 300;
        if (!done.await(bound, TimeUnit.SECONDS)) {
            System.out.println("  note: students still running after " + bound + " s; reported as they are");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSampler.Sample used = cpuBefore != null ? cpu.sample().minus(cpuBefore) : null;

        // Acknowledged answers against the database.
        long acknowledged = run.acknowledged.values().stream().mapToLong(Map::size).sum();
        long found = 0;
        long lost = 0;
        String verification = "not checked (no database given)";
        if (store != null) {
            Map<String, Map<String, Integer>> stored = store.stored(run.acknowledged.keySet());
            for (var attempt : run.acknowledged.entrySet()) {
                Map<String, Integer> inDb = stored.getOrDefault(attempt.getKey(), Map.of());
                for (var answer : attempt.getValue().entrySet()) {
                    Integer seq = inDb.get(answer.getKey());
                    if (seq != null && seq >= answer.getValue()) {
                        found++;
                    } else {
                        lost++;
                        if (run.samples.size() < 20) {
                            run.samples.add("LOST attempt " + attempt.getKey() + " question " + answer.getKey() + " seq " + answer.getValue());
                        }
                    }
                }
            }
            verification = found + " found in " + ExamContract.ANSWER_TABLE + ", " + lost + " lost";
        }

        // Report.
        System.out.printf(Locale.ROOT, "%-32s %8s %8s %8s %8s %8s %8s %7s%n", "request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "errors");
        long errors = 0;
        for (Step step : Step.values()) {
            Histogram h = run.histograms.get(step);
            long failed = run.errors.get(step).sum();
            errors += failed;
            System.out.println(line(step.label, h, seconds, failed));
        }
        int completed = (int) run.completed.sum();
        System.out.printf(Locale.ROOT, "attempts: %d started, %d submitted of %d students, in %.1f s%n", run.started.sum(), completed, n, seconds);
        System.out.printf(Locale.ROOT, "answers: %d saves sent, %d acknowledged (HTTP 200 echoing the seq), %s%n", run.savesSent.sum(), acknowledged,
                verification);
        double saveSpan = run.lastSaveNanos.get() > run.firstSaveNanos.get() ? (run.lastSaveNanos.get() - run.firstSaveNanos.get()) / 1e9 : 0;
        double saveRate = saveSpan > 0 ? acknowledged / saveSpan : 0;
        System.out.printf(Locale.ROOT, "answer saves acknowledged per second (first to last save): %.1f/s%n", saveRate);
        double perAttempt = 0;
        if (used != null) {
            perAttempt = completed > 0 ? (used.appSeconds() + used.postgresSeconds()) / completed : Double.POSITIVE_INFINITY;
            System.out.printf(Locale.ROOT, "CPU during the burst: application %.1f s, PostgreSQL %.1f s, load generator %.1f s, of %.0f s available "
                    + "(%d CPUs × %.0f s)%n", used.appSeconds(), used.postgresSeconds(), used.loadGeneratorSeconds(),
                    Runtime.getRuntime().availableProcessors() * seconds, Runtime.getRuntime().availableProcessors(), seconds);
            System.out.printf(Locale.ROOT, "CPU per completed attempt: application %.3f + PostgreSQL %.3f = %.3f core-s (sign-in included; "
                    + "target ≤ %.2f)%n", completed > 0 ? used.appSeconds() / completed : 0, completed > 0 ? used.postgresSeconds() / completed : 0,
                    perAttempt, TARGET_CORE_SECONDS_PER_ATTEMPT);
        }
        run.samples.forEach(s -> System.out.println("  sample: " + s));

        Histogram saves = run.histograms.get(Step.SAVE);
        double p99 = saves.getTotalCount() > 0 ? saves.getValueAtPercentile(99) / 1000.0 : Double.POSITIVE_INFINITY;
        var outcome = new Outcome(n, completed, errors, acknowledged, found, store == null ? 0 : lost, p99, perAttempt, used != null);
        if (!counted) {
            return outcome;
        }
        pgbenchPart(options, jdbc, n, questions, saveRate);
        System.out.println((outcome.meetsTargets() ? "TARGETS MET: " : "TARGETS NOT MET: ") + outcome.verdicts());
        System.out.printf(Locale.ROOT, "SUMMARY|exam burst N=%d, per type p99|%s %s, start %s, save %s, submit %s ms; errors %d; acknowledged %d, "
                + "%s%n", n, behaviour.tickets() ? "ticket entry page" : "sign-in", p99(run, behaviour.tickets() ? Step.ENTRY_PAGE : Step.SIGN_IN),
                p99(run, Step.START), p99(run, Step.SAVE), p99(run, Step.SUBMIT), errors, acknowledged,
                verification);
        if (used != null) {
            System.out.printf(Locale.ROOT, "SUMMARY|exam burst N=%d, CPU per completed attempt|application %.3f + PostgreSQL %.3f core-s%n", n,
                    completed > 0 ? used.appSeconds() / completed : 0, completed > 0 ? used.postgresSeconds() / completed : 0);
        }
        return outcome;
    }

    /** The same upsert through pgbench at the same concurrency (capped by the connections PostgreSQL has free); NaN: no save rate. */
    static void pgbenchPart(Bench.Options options, String jdbc, int n, int questions, double saveRate) throws Exception {
        String pgbench = options.text("pgbench", "/usr/bin/pgbench");
        if (jdbc == null || pgbench.isBlank() || !Files.isExecutable(Path.of(pgbench))) {
            System.out.println("  note: pgbench part skipped (" + (jdbc == null ? "no database" : pgbench + " not found") + ")");
            return;
        }
        var result = PgbenchUpsert.run(pgbench, jdbc, n, questions, options.integer("pgbench-seconds", 20));
        if (result.isEmpty()) {
            return;
        }
        var r = result.get();
        System.out.printf(Locale.ROOT, "pgbench, the same single-row upsert (INSERT … ON CONFLICT DO UPDATE) with %d clients, no think time, %d s: "
                + "%.0f upserts/s, mean latency %.2f ms%n", r.clients(), r.seconds(), r.tps(), r.meanLatencyMs());
        if (Double.isNaN(saveRate)) {
            System.out.printf(Locale.ROOT, "SUMMARY|pgbench upsert, %d clients|%.0f/s, mean latency %.2f ms (no burst to compare with)%n", r.clients(),
                    r.tps(), r.meanLatencyMs());
            return;
        }
        System.out.printf(Locale.ROOT, "ratio of our acknowledged save rate to pgbench's: %.1f / %.0f = %.4f (with think time this is the share of "
                + "the database's upsert capacity the burst used; with think time 0 it is the full stack's efficiency)%n", saveRate, r.tps(),
                saveRate / r.tps());
        System.out.printf(Locale.ROOT, "SUMMARY|pgbench upsert, %d clients|%.0f/s; our save rate %.1f/s; ratio %.4f%n", r.clients(), r.tps(), saveRate,
                saveRate / r.tps());
    }

    /** The testing API could not create the session (e.g. a build without the testing module). */
    static final class SessionUnavailable extends IllegalStateException {
        SessionUnavailable(String message) {
            super(message);
        }
    }

    private static String p99(Run run, Step step) {
        Histogram h = run.histograms.get(step);
        return h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", h.getValueAtPercentile(99) / 1000.0);
    }

    private static String line(String name, Histogram h, double seconds, long errors) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "%-32s %8d %8s %8s %8s %8s %8s %7d", name, 0, "-", "-", "-", "-", "-", errors);
        }
        return String.format(Locale.ROOT, "%-32s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %7d", name, h.getTotalCount(), h.getTotalCount() / seconds,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0, errors);
    }

    /** The shared state of one burst and what one student does. */
    static final class Run {

        final HttpClient client;
        final URI base;
        final UUID schoolId;
        final String sessionId;
        final String accessCode;
        final String password;
        final Behaviour behaviour;
        /** Learner code (upper case) → exam ticket, when students enter with tickets. */
        final Map<String, String> tickets;
        final Map<Step, ConcurrentHistogram> histograms = new EnumMap<>(Step.class);
        final Map<Step, LongAdder> errors = new EnumMap<>(Step.class);
        final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        /** Per attempt id, per question id, the sequence number the server acknowledged. */
        final Map<String, Map<String, Integer>> acknowledged = new ConcurrentHashMap<>();
        final LongAdder started = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder savesSent = new LongAdder();
        final AtomicLong firstSaveNanos = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastSaveNanos = new AtomicLong(0);

        Run(HttpClient client, URI base, UUID schoolId, String sessionId, String accessCode, String password, Behaviour behaviour,
                Map<String, String> tickets) {
            this.tickets = tickets;
            this.client = client;
            this.base = base;
            this.schoolId = schoolId;
            this.sessionId = sessionId;
            this.accessCode = accessCode;
            this.password = password;
            this.behaviour = behaviour;
            for (Step step : Step.values()) {
                histograms.put(step, new ConcurrentHistogram(HISTOGRAM_MAX_MICROS, 3));
                errors.put(step, new LongAdder());
            }
        }

        void student(Student student, long startAt, SplittableRandom random) {
            try {
                sleepUntil(startAt);
                if (behaviour.tickets()) {
                    String username = student.username();
                    String ticket = student.ticketIn(tickets);
                    if (ticket == null) {
                        record(Step.START, System.nanoTime(), false, username + ": no exam ticket was issued for this student");
                        return;
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> page = send(ExamContract.entryPage(base));
                    if (!record(Step.ENTRY_PAGE, t0, page != null && page.statusCode() == 200, username + ": entry page " + status(page))) {
                        return;
                    }
                    t0 = System.nanoTime();
                    takeTest(student, random, t0, send(ExamContract.enterWithTicket(base, ticket, accessCode).build()), null, "", "");
                    return;
                }
                // Sign in through the form, then load the page it lands on for the CSRF token the API wants with a session.
                long t0 = System.nanoTime();
                Optional<String> session;
                try {
                    session = LoadTest.signIn(client, base, student.username(), password);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    sample(student.username() + ": sign-in " + e);
                    session = Optional.empty();
                }
                if (!record(Step.SIGN_IN, t0, session.isPresent(), student.username() + ": sign-in refused or failed")) {
                    return;
                }
                String cookie = session.get();
                t0 = System.nanoTime();
                HttpResponse<String> landing = send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(ExamContract.TIMEOUT)
                        .header("Cookie", cookie).header("Accept", "text/html").GET().build());
                if (!record(Step.LANDING, t0, landing != null && landing.statusCode() == 200, student.username() + ": landing page "
                        + status(landing))) {
                    return;
                }
                Matcher csrf = META_CSRF.matcher(landing.body());
                Matcher header = META_CSRF_HEADER.matcher(landing.body());
                String csrfHeader = header.find() ? header.group(1) : "X-CSRF-TOKEN";
                String csrfToken = csrf.find() ? csrf.group(1) : "";

                t0 = System.nanoTime();
                takeTest(student, random, t0, send(withSession(ExamContract.startAttempt(base, schoolId, sessionId, accessCode), cookie,
                        csrfHeader, csrfToken)), cookie, csrfHeader, csrfToken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                sample(student.username() + ": " + e);
            }
        }

        /** From the start's answer (sent at t0): every question with think time, then the submission. */
        private void takeTest(Student student, SplittableRandom random, long t0, HttpResponse<String> startAnswer, String cookie, String csrfHeader,
                String csrfToken) {
            try {
                ExamContract.Attempt attempt = null;
                if (startAnswer != null && ExamContract.startAccepted(startAnswer.statusCode())) {
                    try {
                        attempt = ExamContract.attempt(startAnswer.body());
                    } catch (RuntimeException e) {
                        sample(student.username() + ": " + e.getMessage());
                    }
                }
                if (!record(Step.START, t0, attempt != null, student.username() + ": start " + status(startAnswer))) {
                    return;
                }
                started.increment();
                Map<String, Integer> acked = acknowledged.computeIfAbsent(attempt.attemptId(), k -> new ConcurrentHashMap<>());
                int seq = 0;
                for (ExamContract.Question question : attempt.questions()) {
                    Thread.sleep(behaviour.thinkMs(random));
                    seq++;
                    String option = question.options().isEmpty() ? "" : question.options().get(random.nextInt(question.options().size())).id();
                    t0 = System.nanoTime();
                    savesSent.increment();
                    HttpResponse<String> saved = send(attemptCall(ExamContract.saveAnswer(base, attempt, question, seq, option), cookie,
                            csrfHeader, csrfToken));
                    boolean ok = saved != null && ExamContract.saveAcknowledged(saved.statusCode(), saved.body(), question, seq);
                    if (ok) {
                        acked.put(question.id(), seq);
                        long now = System.nanoTime();
                        firstSaveNanos.accumulateAndGet(now, Math::min);
                        lastSaveNanos.accumulateAndGet(now, Math::max);
                    }
                    record(Step.SAVE, t0, ok, student.username() + ": save " + status(saved));
                }
                Thread.sleep(behaviour.thinkMs(random));
                t0 = System.nanoTime();
                HttpResponse<String> submitted = send(attemptCall(ExamContract.submit(base, attempt), cookie, csrfHeader, csrfToken));
                boolean ok = submitted != null && ExamContract.submitAccepted(submitted.statusCode());
                if (record(Step.SUBMIT, t0, ok, student.username() + ": submit " + status(submitted))) {
                    completed.increment();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                sample(student.username() + ": " + e);
            }
        }

        /** Saves and the submission carry the attempt token; like a browser they also carry the session unless told not to. */
        private HttpRequest attemptCall(HttpRequest.Builder builder, String cookie, String csrfHeader, String csrfToken) {
            return behaviour.cookieOnAttemptCalls() && cookie != null ? withSession(builder, cookie, csrfHeader, csrfToken) : builder.build();
        }

        private static HttpRequest withSession(HttpRequest.Builder builder, String cookie, String csrfHeader, String csrfToken) {
            builder.header("Cookie", cookie);
            if (!csrfToken.isEmpty()) {
                builder.header(csrfHeader, csrfToken);
            }
            return builder.build();
        }

        private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                sample(request.method() + " " + request.uri().getPath() + " -> " + e);
                return null;
            }
        }

        private boolean record(Step step, long t0, boolean ok, String failure) {
            if (ok) {
                histograms.get(step).recordValue(Math.max(1, Math.min(HISTOGRAM_MAX_MICROS, (System.nanoTime() - t0) / 1_000)));
            } else {
                errors.get(step).increment();
                sample(failure);
            }
            return ok;
        }

        private void sample(String text) {
            if (samples.size() < 20) {
                samples.add(text);
            }
        }

        private static String status(HttpResponse<String> response) {
            return response == null ? "no answer" : "HTTP " + response.statusCode() + " " + ExamContract.abbreviate(response.body());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1_000, left / 1_000_000)));
        }
    }

    // ---------------------------------------------------------------- the database

    /** The database of the application: --jdbc, or the embedded PostgreSQL's port from --data's postmaster.pid; null for none. */
    static String jdbcUrl(Bench.Options options) throws IOException {
        String url = options.text("jdbc", null);
        if (url == null && options.text("data", null) != null) {
            List<String> pid = Files.readAllLines(Path.of(options.text("data", null), "postgres", "postmaster.pid"));
            url = "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/truongso";
        }
        if (url != null && !url.startsWith("jdbc:postgresql://127.0.0.1:") && !url.startsWith("jdbc:postgresql://localhost:")) {
            throw new IllegalArgumentException("the benchmark only reads a database on 127.0.0.1 (got " + url + ")");
        }
        return url;
    }

    /** Reads {@link ExamContract#ANSWER_TABLE} directly, a thousand attempts per query. */
    record JdbcAnswerStore(String url) implements AnswerStore {

        @Override
        public Map<String, Map<String, Integer>> stored(Collection<String> attemptIds) throws Exception {
            Map<String, Map<String, Integer>> stored = new HashMap<>();
            List<String> ids = new ArrayList<>(attemptIds);
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                for (int from = 0; from < ids.size(); from += 1_000) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
                    try (var st = db.prepareStatement("SELECT attempt_id::text, question_id::text, max(seq) FROM " + ExamContract.ANSWER_TABLE
                            + " WHERE attempt_id = ANY (CAST(? AS uuid[])) GROUP BY attempt_id, question_id")) {
                        st.setArray(1, db.createArrayOf("text", chunk.toArray()));
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                stored.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                            }
                        }
                    }
                }
            }
            return stored;
        }
    }
}
