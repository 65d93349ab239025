package vn.truongso.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own rate for the statement an answer save comes down to: pgbench drives a single-row
 * {@code INSERT … ON CONFLICT … DO UPDATE} on a table shaped like the answer table (school, attempt, question, seq,
 * jsonb response, time; the sequence number, here the clock in microseconds, guards against an older write), with as many clients as the burst had
 * students (capped by the connections PostgreSQL has free), no think time, for a fixed time. The table lives in its
 * own schema {@code bench_exam} and is dropped afterwards; nothing of the application's data is touched.
 */
final class PgbenchUpsert {

    static final String SCHEMA = "bench_exam";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://(127\\.0\\.0\\.1|localhost):(\\d+)/(\\w+)");

    record Result(int clients, int seconds, double tps, double meanLatencyMs) {
    }

    private PgbenchUpsert() {
    }

    /** The pgbench script: one upsert per transaction, random attempt among {@code attempts} and question among {@code questions}. */
    static String script(int attempts, int questions) {
        return String.format(Locale.ROOT, """
                \\set a random(1, %d)
                \\set q random(1, %d)
                \\set o random(1, 4)
                INSERT INTO %s.answer (school_id, attempt_id, question_id, seq, response, saved_at)
                VALUES ('00000000-0000-7000-8000-000000000001', md5('a' || :a::text)::uuid, md5('q' || :q::text)::uuid,
                        (extract(epoch FROM clock_timestamp()) * 1000000)::bigint,
                        jsonb_build_object('selected', jsonb_build_array(md5('o' || :q::text || '-' || :o::text)::uuid)), now())
                ON CONFLICT (school_id, attempt_id, question_id)
                DO UPDATE SET seq = EXCLUDED.seq, response = EXCLUDED.response, saved_at = EXCLUDED.saved_at
                WHERE %s.answer.seq <= EXCLUDED.seq;
                """, Math.max(1, attempts), Math.max(1, questions), SCHEMA, SCHEMA);
    }

    static Optional<Result> run(String pgbench, String jdbcUrl, int concurrency, int questions, int seconds) throws Exception {
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.find()) {
            System.out.println("  note: pgbench needs a jdbc:postgresql://127.0.0.1:PORT/DB address, got " + jdbcUrl);
            return Optional.empty();
        }
        int clients;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement st = db.createStatement()) {
            int max;
            int used;
            try (ResultSet rs = st.executeQuery("SELECT current_setting('max_connections')::int, (SELECT count(*) FROM pg_stat_activity)")) {
                rs.next();
                max = rs.getInt(1);
                used = rs.getInt(2);
            }
            clients = Math.max(1, Math.min(concurrency, max - used - 10));
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            st.execute("CREATE SCHEMA " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".answer (school_id uuid NOT NULL, attempt_id uuid NOT NULL, question_id uuid NOT NULL, "
                    + "seq bigint NOT NULL, response jsonb NOT NULL, saved_at timestamptz NOT NULL, "
                    + "PRIMARY KEY (school_id, attempt_id, question_id))");
        }
        Path script = Files.createTempFile("exam-upsert", ".sql");
        Path log = Files.createTempFile("exam-pgbench", ".log");
        try {
            Files.writeString(script, script(concurrency, questions));
            List<String> command = new ArrayList<>(List.of(pgbench, "-h", "127.0.0.1", "-p", url.group(2), "-U", "postgres", "-n", "-M", "prepared",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                    "-T", Integer.toString(seconds), "-f", script.toString(), url.group(3)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                process.destroy();
                System.out.println("  note: pgbench did not finish in time");
                return Optional.empty();
            }
            String output = Files.readString(log);
            Matcher tps = TPS.matcher(output);
            Matcher latency = LATENCY.matcher(output);
            if (process.exitValue() != 0 || !tps.find()) {
                System.out.println("  note: pgbench failed (exit " + process.exitValue() + "): " + ExamContract.abbreviate(output));
                return Optional.empty();
            }
            return Optional.of(new Result(clients, seconds, Double.parseDouble(tps.group(1)),
                    latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(log);
            try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement st = db.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }
}
