package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Role;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.support.Chromium;
import vn.truongso.support.TestSchools;

/**
 * Conformance against real packages: imports every zip of {@code ../shared/fixtures/scorm-golf-examples/packages}
 * (Rustici's "Golf Explained" SCORM 1.2 and 2004 examples, all expected to import), writes the outcome to
 * {@code target/scorm-conformance.txt} ("scorm: N imported, M refused" and every reason), then launches the SCORM 1.2
 * and SCORM 2004 "RuntimeBasicCalls" examples in Chromium and checks they called our runtime API (a tracking row with
 * their status). Skipped when the fixtures are not beside the project. Run by {@code .ci/check-scorm}, not by
 * {@code verify} (the name matches neither the unit-test nor the browser-test pattern).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
class ScormConformanceIT {

    static final Path FIXTURES = Path.of(System.getProperty("scorm.fixtures", "../shared/fixtures/scorm-golf-examples/packages"));
    static final Path REPORT = Path.of("target", "scorm-conformance.txt");

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;
    @Autowired
    PackageImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BilingualMessages messages;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyGolfExampleImportsAndTheRuntimeExamplesReportThroughOurApi() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "fixtures not found at " + FIXTURES.toAbsolutePath());
        var school = testSchools.create();
        UUID teacher = school.accountIds().get(Role.TEACHER);
        List<String> lines = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        UUID runtime12 = null;
        UUID runtime2004 = null;
        int imported = 0;
        List<Path> zips;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            zips = files.filter(f -> f.toString().endsWith(".zip")).sorted().toList();
        }
        for (Path zip : zips) {
            String name = zip.getFileName().toString();
            try (InputStream in = Files.newInputStream(zip)) {
                ContentPackage p = importer.importPackage(school.schoolId(), teacher, in);
                imported++;
                lines.add("IMPORTED " + name + ": " + p.standard() + " " + p.version() + ", \"" + p.title() + "\", launch " + p.launchPath() + ", "
                        + p.structure().items().size() + " items, " + p.fileCount() + " files");
                if (name.startsWith("RuntimeBasicCalls_SCORM12")) {
                    runtime12 = p.id();
                } else if (name.startsWith("RuntimeBasicCalls_SCORM2004")) {
                    runtime2004 = p.id();
                }
            } catch (BadInputException e) {
                refused.add(name);
                lines.add("REFUSED " + name + ": " + String.join("; ", e.errors().stream()
                        .map(error -> messages.describe(error, java.util.Locale.ENGLISH)).toList()));
            }
        }
        lines.add(0, "scorm: " + imported + " imported, " + refused.size() + " refused");
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, lines, StandardCharsets.UTF_8);
        lines.forEach(System.out::println);
        assertThat(refused).as("every golf example is a valid package").isEmpty();
        assertThat(imported).isGreaterThanOrEqualTo(17);

        String base = "http://localhost:" + port;
        browser = Chromium.start(1280, 900);
        Chromium.signIn(browser, base, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        List<String> launched = new ArrayList<>();
        launched.add(launch(school.schoolId(), runtime12, base, "lesson_status", "RuntimeBasicCalls_SCORM12"));
        launched.add(launch(school.schoolId(), runtime2004, base, "completion_status", "RuntimeBasicCalls_SCORM20043rdEdition"));
        Files.write(REPORT, launched, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        launched.forEach(System.out::println);
    }

    /** Opens the package, lets the content start, then leaves the page (the content finishes on unload). */
    String launch(UUID schoolId, UUID packageId, String base, String column, String name) throws Exception {
        assertThat(packageId).as(name + " imported").isNotNull();
        browser.get(base + "/schools/" + schoolId + "/packages/" + packageId + "/play");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-frame"))));
        // The golf launch page loads its first content page into a nested frame of its own.
        wait.until(d -> !d.findElements(By.id("contentFrame")).isEmpty());
        // ...whose page (served with the same sandbox policy) loads and shows its text.
        browser.switchTo().frame(browser.findElement(By.id("contentFrame")));
        wait.until(d -> !d.findElement(By.tagName("body")).getText().isBlank());
        browser.switchTo().defaultContent();
        Files.createDirectories(Path.of("target", "browser"));
        Files.write(Path.of("target", "browser", name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        browser.get(base + "/");
        Map<String, Object> row = null;
        for (int i = 0; i < 40 && (row == null || row.get(column) == null); i++) {
            Thread.sleep(250);
            row = jdbc.sql("SELECT lesson_status, completion_status, cmi::text AS cmi, commits FROM content_package_attempt WHERE school_id = ? AND package_id = ?")
                    .params(schoolId, packageId).query().listOfRows().stream().findFirst().orElse(null);
        }
        assertThat(row).as(name + " tracking row").isNotNull();
        assertThat(row.get(column)).as(name + " " + column + " set through the runtime API: " + row).isNotNull();
        return "LAUNCHED " + name + " in Chromium: " + column + "=" + row.get(column) + ", commits=" + row.get("commits");
    }
}
