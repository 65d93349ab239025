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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;

/**
 * The command-line mode of the benchmark-data generator. With {@code --truongso.generate.schools=N} the application
 * generates N schools once it has started (after its startup report, so startup figures exclude generation), prints
 * the time taken and rows per second, and then keeps serving, or exits with {@code --truongso.generate.exit=true}.
 *
 * <p>{@code --truongso.generate.tokens-file=PATH} also issues API tokens for the generated accounts and writes them to
 * that file (readable by its owner only) for load generators: {@code --truongso.generate.tokens=N} tokens spread over
 * the schools' principals and teachers, plus one principal token for each empty school.
 *
 * <p>{@code --truongso.generate.student-accounts=N} with {@code --truongso.generate.students-file=PATH} gives the first
 * N generated students (school by school, in learner-code order) an account {@code hs.<learner code>} with the shared
 * {@link ScaleDataGenerator#PASSWORD} and no forced change, and writes "schoolId TAB classId TAB username TAB studentId"
 * lines to that file: the students of the exam-burst benchmark, who sign in through the form like real ones.
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
    private final int studentAccounts;
    private final String studentsFile;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ScaleDataCommand(ScaleDataGenerator generator, Accounts accounts, JdbcClient jdbc, TransactionTemplate transaction, @Value("${truongso.generate.schools:0}") int schools,
            @Value("${truongso.generate.students-per-school:1000}") int studentsPerSchool, @Value("${truongso.generate.seed:1}") long seed,
            @Value("${truongso.generate.districts:22}") int districts, @Value("${truongso.generate.empty-schools:0}") int emptySchools,
            @Value("${truongso.generate.exit:false}") boolean exit, @Value("${truongso.generate.tokens-file:}") String tokensFile,
            @Value("${truongso.generate.tokens:0}") int tokens, @Value("${truongso.generate.student-accounts:0}") int studentAccounts,
            @Value("${truongso.generate.students-file:}") String studentsFile) {
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
        this.studentAccounts = studentAccounts;
        this.studentsFile = studentsFile;
        this.jdbc = jdbc;
        this.transaction = transaction;
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
            if (studentAccounts > 0 && !studentsFile.isBlank()) {
                writeStudents(result, Path.of(studentsFile));
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

    /** Accounts for the first {@code studentAccounts} students, one batch (the shared password is hashed once). */
    private void writeStudents(ScaleDataGenerator.Result result, Path file) throws IOException {
        record Learner(java.util.UUID schoolId, java.util.UUID classId, java.util.UUID studentId, String code, String name) {
        }
        List<Learner> learners = new ArrayList<>();
        for (var school : result.schools()) {
            if (learners.size() >= studentAccounts) {
                break;
            }
            learners.addAll(jdbc.sql("""
                    SELECT s.id, e.class_id, s.learner_code, s.full_name FROM student s
                    JOIN enrolment e ON e.school_id = s.school_id AND e.student_id = s.id
                    WHERE s.school_id = ? ORDER BY s.learner_code LIMIT ?""").params(school.schoolId(), studentAccounts - learners.size())
                    .query((rs, row) -> new Learner(school.schoolId(), rs.getObject(2, java.util.UUID.class), rs.getObject(1, java.util.UUID.class),
                            rs.getString(3), rs.getString(4))).list());
        }
        List<Accounts.NewAccount> accountsToCreate = learners.stream().map(l -> new Accounts.NewAccount("hs." + l.code(), l.name(), l.schoolId(),
                l.studentId(), List.of(new RoleGrant(Role.STUDENT, l.schoolId())))).toList();
        transaction.executeWithoutResult(status -> accounts.createAll(accountsToCreate, ScaleDataGenerator.PASSWORD, false));
        List<String> lines = new ArrayList<>();
        lines.add("# schoolId\tclassId\tusername\tstudentId");
        for (Learner l : learners) {
            lines.add(String.join("\t", l.schoolId().toString(), l.classId().toString(), "hs." + l.code(), l.studentId().toString()));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
        log.info("Created {} student accounts, listed in {}", learners.size(), file.toAbsolutePath());
    }

    private String issue(String username, String name) {
        var summary = accounts.findByUsername(username).orElseThrow();
        var user = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        return accounts.issueApiToken(user, name, 7);
    }
}
