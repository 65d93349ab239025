import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.truongso.TruongSoApplication;
import vn.truongso.questions.papers.PaperBenchSupport;

/**
 * Test-paper generation benchmark: starts the application on a data folder (embedded PostgreSQL), builds a bank of N
 * classified questions once (kept for the next run), and times generating 24 variants (mã đề) of a 40-question paper
 * through the service the API calls: reading the candidates, drawing, shuffling and storing paper, variants, items and
 * question snapshots in one transaction. Warm-up runs first, then timed runs with p50 and max; the same for a fresh draw
 * per variant and for avoiding recently used questions, and the Word .zip of the newest paper.
 */
public class PaperBench {

    public static void main(String[] args) {
        int size = Integer.getInteger("bench.questions", 20_000);
        int variants = Integer.getInteger("bench.variants", 24);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int runs = Integer.getInteger("bench.runs", 20);
        SpringApplication app = new SpringApplication(TruongSoApplication.class);
        app.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "logging.level.root", "WARN",
                "logging.level.vn.truongso", "WARN"));
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext context = app.run(args)) {
            System.out.printf("application started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            PaperBenchSupport bench = new PaperBenchSupport(context);
            long t1 = System.nanoTime();
            long count = bench.prepare(size);
            System.out.printf("bank ready: %,d questions in %.1f s (built once, then found again in the data folder)%n", count,
                    (System.nanoTime() - t1) / 1e9);
            time("SAME  (one draw, shuffled per variant)", () -> bench.generate(variants, "SAME", null, System.nanoTime()), warmup, runs);
            time("FRESH (a draw per variant)            ", () -> bench.generate(variants, "FRESH", null, System.nanoTime()), warmup, runs);
            time("SAME, avoiding the last 30 days' items", () -> bench.generate(variants, "SAME", 30, System.nanoTime()), warmup, runs);
            List<double[]> phases = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                phases.add(bench.phases(variants, i));
            }
            phases.sort((a, b) -> Double.compare(a[2], b[2]));
            double[] median = phases.get(phases.size() / 2);
            System.out.printf("phases of the median run: read %.0f candidates %.1f ms, draw and shuffle (with 40 definitions read) %.1f ms; "
                    + "the whole service call %.1f ms%n", median[3], median[0], median[1], median[2]);
            time("Word .zip (24 papers, key, sheet)     ", bench::documents, 2, 5);
        }
    }

    interface Run {
        int run();
    }

    static void time(String label, Run run, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            run.run();
        }
        List<Double> ms = new ArrayList<>();
        int items = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            items = run.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%s: %d warm-up + %d runs, p50 %.1f ms, max %.1f ms (min %.1f ms; %,d items or bytes per run)%n", label, warmup, runs,
                ms.get(ms.size() / 2), ms.getLast(), ms.getFirst(), items);
    }
}
