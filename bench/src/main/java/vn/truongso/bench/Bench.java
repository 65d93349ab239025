package vn.truongso.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark tools, one per sub-command, run by {@code bench/run.sh} against a TruongSo already listening on the
 * loopback interface:
 * <ul>
 * <li>{@code workbook}: writes a generated roster workbook (.xlsx) to a file;</li>
 * <li>{@code import}: imports a generated roster through the API (preview, then commit) and times both;</li>
 * <li>{@code load}: virtual users hitting list and search pages for a fixed time, with latency percentiles;</li>
 * <li>{@code exam-burst}: N students sign in, take a 40-question test and submit ({@link ExamBurst}).</li>
 * </ul>
 * Options are {@code --name=value}. Lines starting with {@code SUMMARY|} are for run.sh's summary table.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Options options = Options.parse(args);
        int status = switch (args[0]) {
            case "workbook" -> RosterImportBench.writeWorkbook(options);
            case "import" -> RosterImportBench.run(options);
            case "load" -> LoadTest.run(options);
            case "materials" -> MaterialSearchBench.generate(options);
            case "material-search" -> MaterialSearchBench.load(options);
            case "exam-burst" -> ExamBurst.run(options);
            default -> {
                usage();
                yield 2;
            }
        };
        System.exit(status);
    }

    private static void usage() {
        System.err.println("""
                usage: java -cp 'bench/target/classes:bench/target/lib/*' vn.truongso.bench.Bench <command> --option=value ...
                  workbook --students=2000 --seed=7 --out=roster.xlsx
                  import   --base=http://127.0.0.1:PORT --tokens=tokens.tsv --run=1 --students=2000 [--part=file]
                  load     --base=http://127.0.0.1:PORT --tokens=tokens.tsv --users=50 --warmup=30 --seconds=60 [--think-ms=0]
                           [--password=...] [--max-requests=2000000] [--mix=API_STUDENT_SEARCH:35,API_CLASSES:15,...]
                           [--app-pid=PID --postgres-pid=PID --clock-ticks=100]  (CPU time per request from /proc)
                  materials --tokens=tokens.tsv --count=100000 (--data=APP_DATA_DIR | --jdbc=jdbc:postgresql://127.0.0.1:PORT/truongso) [--seed=1]
                  material-search --base=http://127.0.0.1:PORT --tokens=tokens.tsv --users=50 --warmup=10 --seconds=60 [--think-ms=1000]
                  exam-burst --base=http://127.0.0.1:PORT --tokens=tokens.tsv --students=students.tsv --data=APP_DATA_DIR [--n=20]
                           [--think-min-ms=10000 --think-max-ms=30000 --spread-seconds=60 --questions=40] [--pgbench=/usr/bin/pgbench
                           --pgbench-seconds=20] [--search=true --search-start=250 --search-max=10000 --search-resolution-percent=10]
                           [--app-pid=PID --postgres-pid=PID --clock-ticks=100]
                """);
    }

    /** {@code --name=value} options. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(values);
        }

        String text(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        int integer(String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }

        long number(String name, long fallback) {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        }
    }
}
