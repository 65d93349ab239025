package vn.truongso.directory.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;

/**
 * The command-line mode of the benchmark-data generator. With {@code --truongso.generate.schools=N} the application
 * generates N schools once it has started (after its startup report, so startup figures exclude generation), prints
 * the time taken and rows per second, and then keeps serving, or exits with {@code --truongso.generate.exit=true}.
 *
 * <p>{@code --truongso.generate.tokens-file=PATH} also issues API tokens for the generated accounts and writes them to
 * that file (readable by its owner only) for load generators: {@code --truongso.generate.tokens=N} tokens spread over
 * the schools' principals and teachers, plus one principal token for each empty school.
 */
@Component
class ScaleDataCommand {

    private static final Logger log = LoggerFactory.getLogger(ScaleDataCommand.class);

    private final ScaleDataGenerator generator;
    private final Accounts accounts;
    private final int schools;
    private final int studentsPerSchool;
    private final long seed;
    private final int districts;
    private final int emptySchools;
    private final boolean exit;
    private final String tokensFile;
    private final int tokens;

    ScaleDataCommand(ScaleDataGenerator generator, Accounts accounts, @Value("${truongso.generate.schools:0}") int schools,
            @Value("${truongso.generate.students-per-school:1000}") int studentsPerSchool, @Value("${truongso.generate.seed:1}") long seed,
            @Value("${truongso.generate.districts:22}") int districts, @Value("${truongso.generate.empty-schools:0}") int emptySchools,
            @Value("${truongso.generate.exit:false}") boolean exit, @Value("${truongso.generate.tokens-file:}") String tokensFile,
            @Value("${truongso.generate.tokens:0}") int tokens) {
        this.generator = generator;
        this.accounts = accounts;
        this.schools = schools;
        this.studentsPerSchool = studentsPerSchool;
        this.seed = seed;
        this.districts = districts;
        this.emptySchools = emptySchools;
        this.exit = exit;
        this.tokensFile = tokensFile;
        this.tokens = tokens;
    }

    @EventListener
    @Order(200)
    void run(ApplicationReadyEvent event) {
        if (schools <= 0 && emptySchools <= 0) {
            return;
        }
        int status = 0;
        try {
            var plan = new ScaleDataGenerator.Plan(schools, studentsPerSchool, seed, districts, emptySchools);
            log.info("Generating benchmark data: {} schools × {} students (+{} empty), seed {}", schools, studentsPerSchool, emptySchools, seed);
            var result = generator.generate(plan);
            log.info(report(plan, result));
            if (!tokensFile.isBlank()) {
                writeTokens(result, Path.of(tokensFile));
            }
        } catch (RuntimeException | IOException e) {
            log.error("Benchmark data generation failed", e);
            status = 1;
        }
        if (exit) {
            int code = status;
            System.exit(SpringApplication.exit(event.getApplicationContext(), () -> code));
        }
    }

    static String report(ScaleDataGenerator.Plan plan, ScaleDataGenerator.Result result) {
        var out = new StringBuilder("\n");
        out.append(String.format(Locale.ROOT, "  Dữ liệu mô phỏng / generated: %d schools × %d students (+%d empty) in %d districts, seed %d%n",
                result.schools().size(), plan.studentsPerSchool(), result.emptySchools().size(), result.phongIds().size(), plan.seed()));
        out.append(String.format(Locale.ROOT, "  GENERATED rows=%d seconds=%.1f rows_per_second=%.0f%n", result.rows(),
                result.took().toNanos() / 1e9, result.rowsPerSecond()));
        for (Map.Entry<String, Long> entry : new TreeMap<>(result.rowsByTable()).entrySet()) {
            out.append(String.format(Locale.ROOT, "    %-20s %,12d%n", entry.getKey(), entry.getValue()));
        }
        out.append("  Tài khoản / accounts: ht.sim").append(plan.seed()).append(".00001, gv.sim").append(plan.seed())
                .append(".00001, … (password ").append(ScaleDataGenerator.PASSWORD).append(")\n");
        return out.toString();
    }

    /** Lines of "schoolId TAB username TAB role TAB purpose TAB token"; purpose is "load" or "import" (an empty school). */
    private void writeTokens(ScaleDataGenerator.Result result, Path file) throws IOException {
        List<String[]> holders = new ArrayList<>();
        // Principals of every school first, then teachers, so N tokens spread over as many schools as possible.
        for (var school : result.schools()) {
            holders.add(new String[] {school.schoolId().toString(), school.principalUsername(), "PRINCIPAL"});
        }
        for (var school : result.schools()) {
            holders.add(new String[] {school.schoolId().toString(), school.teacherUsername(), "TEACHER"});
        }
        List<String> lines = new ArrayList<>();
        lines.add("# schoolId\tusername\trole\tpurpose\ttoken");
        for (int i = 0; i < tokens && !holders.isEmpty(); i++) {
            String[] holder = holders.get(i % holders.size());
            lines.add(String.join("\t", holder[0], holder[1], holder[2], "load", issue(holder[1], "bench-load-" + (i + 1))));
        }
        for (var school : result.emptySchools()) {
            lines.add(String.join("\t", school.schoolId().toString(), school.principalUsername(), "PRINCIPAL", "import",
                    issue(school.principalUsername(), "bench-import")));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines);
        log.info("Wrote {} API tokens to {}", lines.size() - 1, file.toAbsolutePath());
    }

    private String issue(String username, String name) {
        var summary = accounts.findByUsername(username).orElseThrow();
        var user = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        return accounts.issueApiToken(user, name, 7);
    }
}
