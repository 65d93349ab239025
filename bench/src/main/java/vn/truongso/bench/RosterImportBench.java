package vn.truongso.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a generated roster into an empty school through the real API and times the two steps separately:
 * {@code POST /api/v1/schools/{id}/roster/imports} (upload and preview) and
 * {@code POST /api/v1/schools/{id}/roster/imports/{uploadId}/commit}. The time is the client's wall-clock time from
 * sending the request to the last byte of the answer. Afterwards it checks that the school lists the students.
 */
final class RosterImportBench {

    static final double TARGET_SECONDS = 5.0;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RosterImportBench() {
    }

    static int writeWorkbook(Bench.Options options) throws IOException {
        var built = RosterWorkbook.build(options.integer("students", 2000), options.number("seed", 1));
        Path out = Path.of(options.required("out"));
        Files.write(out, built.content());
        System.out.printf(Locale.ROOT, "Wrote %s: %d students in %d classes, %d KiB%n", out, built.students(), built.classes(),
                built.content().length / 1024);
        return 0;
    }

    static int run(Bench.Options options) throws Exception {
        URI base = Loopback.base(options.required("base"));
        int run = options.integer("run", 1);
        int students = options.integer("students", 2000);
        String part = options.text("part", "file");
        var cpu = new CpuSampler(options.number("app-pid", -1), options.number("postgres-pid", -1), options.integer("clock-ticks", 100));
        List<BenchTokens> targets = BenchTokens.read(Path.of(options.required("tokens")), "import");
        if (targets.size() < run) {
            System.out.printf("Roster import #%d: no empty school left for it (the data has %d); skipped%n", run, targets.size());
            return 0;
        }
        BenchTokens target = targets.get(run - 1);
        var built = RosterWorkbook.build(students, run);
        HttpClient client = Loopback.client();
        String bearer = "Bearer " + target.token();
        String imports = base + "/api/v1/schools/" + target.schoolId() + "/roster/imports";

        System.out.printf(Locale.ROOT, "Roster import #%d: %d students in %d classes (%d KiB .xlsx) into empty school %s%n", run,
                built.students(), built.classes(), built.content().length / 1024, target.schoolId());
        String boundary = "----truongso-bench-" + UUID.randomUUID();
        HttpRequest preview = HttpRequest.newBuilder(URI.create(imports)).timeout(Duration.ofMinutes(5))
                .header("Authorization", bearer).header("Accept", "application/json").header("Accept-Language", "vi")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, part, "danh-sach-hoc-sinh.xlsx", built.content())))
                .build();
        CpuSampler.Sample c0 = cpu.enabled() ? cpu.sample() : null;
        long t0 = System.nanoTime();
        HttpResponse<String> previewed = client.send(preview, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double previewSeconds = (System.nanoTime() - t0) / 1e9;
        CpuSampler.Sample c1 = c0 != null ? cpu.sample() : null;
        if (previewed.statusCode() == 404 || previewed.statusCode() == 405) {
            System.out.printf("  the roster import API is not in this build (HTTP %d on POST %s): skipped%n", previewed.statusCode(),
                    "/api/v1/schools/{id}/roster/imports");
            System.out.println("SUMMARY|import." + run + "|not available (HTTP " + previewed.statusCode() + ")");
            return 0;
        }
        if (previewed.statusCode() / 100 != 2) {
            return failed(run, "preview", previewed);
        }
        JsonNode previewJson = JSON.readTree(previewed.body());
        JsonNode errors = previewJson.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            System.out.printf("  preview found %d errors in the generated file, first ones:%n", errors.size());
            for (int i = 0; i < Math.min(10, errors.size()); i++) {
                System.out.println("    " + errors.get(i));
            }
            System.out.println("SUMMARY|import." + run + "|FAILED: preview reported " + errors.size() + " errors");
            return 1;
        }
        String uploadId = previewJson.path("uploadId").asString("");
        System.out.printf(Locale.ROOT, "  preview  %7.3f s  HTTP %d, %s%s%n", previewSeconds, previewed.statusCode(), sheets(previewJson),
                cpuText(c0, c1));

        HttpRequest commit = HttpRequest.newBuilder(URI.create(imports + "/" + uploadId + "/commit")).timeout(Duration.ofMinutes(30))
                .header("Authorization", bearer).header("Accept", "application/json").header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        CpuSampler.Sample c2 = c0 != null ? cpu.sample() : null;
        long t1 = System.nanoTime();
        HttpResponse<String> committed = client.send(commit, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double commitSeconds = (System.nanoTime() - t1) / 1e9;
        CpuSampler.Sample c3 = c0 != null ? cpu.sample() : null;
        if (committed.statusCode() / 100 != 2) {
            return failed(run, "commit", committed);
        }
        JsonNode commitJson = JSON.readTree(committed.body());
        System.out.printf(Locale.ROOT, "  commit   %7.3f s  HTTP %d, %s, accounts created %d%s%n", commitSeconds, committed.statusCode(),
                sheets(commitJson), commitJson.path("credentials").size(), cpuText(c2, c3));
        double total = previewSeconds + commitSeconds;
        System.out.printf(Locale.ROOT, "  total    %7.3f s  target < %.0f s: %s%n", total, TARGET_SECONDS, total < TARGET_SECONDS ? "MET" : "NOT MET");

        HttpResponse<String> listed = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + target.schoolId()
                + "/students?size=1")).header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        long listedTotal = listed.statusCode() == 200 ? JSON.readTree(listed.body()).path("total").asLong(-1) : -1;
        System.out.printf("  check: the school now lists %d students (expected %d)%n", listedTotal, built.students());
        System.out.printf(Locale.ROOT, "SUMMARY|import.%d|preview %.2f s + commit %.2f s = %.2f s for %d students (target < %.0f s: %s)%s%n",
                run, previewSeconds, commitSeconds, total, built.students(), TARGET_SECONDS, total < TARGET_SECONDS ? "MET" : "NOT MET",
                listedTotal == built.students() ? "" : "; school lists " + listedTotal + " students");
        return listedTotal == built.students() ? 0 : 1;
    }

    /** "; CPU app 3.2 s, PostgreSQL 0.4 s" for the period between two samples. */
    private static String cpuText(CpuSampler.Sample before, CpuSampler.Sample after) {
        if (before == null || after == null) {
            return "";
        }
        var used = after.minus(before);
        return String.format(Locale.ROOT, "; CPU app %.1f s, PostgreSQL %.1f s", used.appSeconds(), used.postgresSeconds());
    }

    private static int failed(int run, String step, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        System.out.printf("  %s failed: HTTP %d %s%n", step, response.statusCode(), body.substring(0, Math.min(2000, body.length())));
        System.out.println("SUMMARY|import." + run + "|FAILED: " + step + " answered HTTP " + response.statusCode());
        return 1;
    }

    /** "Học sinh: 2000 new, Lớp: 50 new" from the "sheets" counts of a preview or commit answer. */
    private static String sheets(JsonNode answer) {
        StringBuilder out = new StringBuilder();
        for (JsonNode sheet : answer.path("sheets")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            String name = sheet.path("sheetName").asString(sheet.path("sheet").asString("?"));
            out.append(name).append(": ").append(sheet.path("newRows").asInt()).append(" new, ").append(sheet.path("changedRows").asInt())
                    .append(" changed, ").append(sheet.path("unchangedRows").asInt()).append(" unchanged");
        }
        return out.isEmpty() ? "no sheet counts in the answer" : out.toString();
    }

    static byte[] multipart(String boundary, String part, String filename, byte[] content) throws IOException {
        var body = new ByteArrayOutputStream(content.length + 512);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
