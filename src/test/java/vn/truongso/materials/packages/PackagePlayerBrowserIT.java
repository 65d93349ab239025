package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.truongso.platform.Role;
import vn.truongso.support.TestSchools;

/**
 * A generated SCORM 1.2 package in real Chromium: a student opens it in the player, the content (in the opaque-origin
 * sandbox) finds the runtime API in its own window, initialises, sets status, score, location and suspend data,
 * commits and finishes; the tracking row is stored; opening it again resumes with the suspend data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
class PackagePlayerBrowserIT {

    static final Path OUT = Path.of("target", "browser");

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;
    @Autowired
    PackageImporter importer;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStudentCompletesAGeneratedScorm12Package() throws Exception {
        var school = testSchools.create();
        var p = importer.importPackage(school.schoolId(), school.accountIds().get(Role.TEACHER), new ByteArrayInputStream(TestPackages.scorm12()));
        String base = "http://localhost:" + port;
        browser = PlayerBrowser.open();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        PlayerBrowser.signIn(browser, base, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        String player = base + "/schools/" + school.schoolId() + "/packages/" + p.id() + "/play";
        browser.get(player);

        wait.until(ExpectedConditions.attributeToBe(By.id("player-status"), "data-event", "finished"));
        browser.switchTo().frame("package-frame");
        wait.until(ExpectedConditions.textMatches(By.id("log"), java.util.regex.Pattern.compile("^done .*")));
        assertThat(browser.findElement(By.id("log")).getText()).isEqualTo("done true resume=");
        // The sandbox really gives the content an opaque origin: it cannot reach the player page.
        Object reach = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "try { return window.parent.document.title; } catch (e) { return 'blocked: ' + e.name; }");
        assertThat(String.valueOf(reach)).startsWith("blocked");
        assertThat(String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "try { return 'read: ' + document.cookie; } catch (e) { return 'blocked: ' + e.name; }"))).startsWith("blocked");
        screenshot("package-player-scorm12");
        browser.switchTo().defaultContent();

        Map<String, Object> row = jdbc.sql("""
                SELECT lesson_status, score_raw, total_seconds, cmi->>'cmi.suspend_data' AS suspend, cmi->>'cmi.core.lesson_location' AS location
                FROM content_package_attempt WHERE school_id = ? AND package_id = ? AND account_id = ?""")
                .params(school.schoolId(), p.id(), school.accountIds().get(Role.STUDENT)).query().singleRow();
        assertThat(row.get("lesson_status")).isEqualTo("completed");
        assertThat((BigDecimal) row.get("score_raw")).isEqualByComparingTo("85");
        assertThat((BigDecimal) row.get("total_seconds")).isEqualByComparingTo("90");
        assertThat(row.get("suspend")).isEqualTo("đã xem trang 1");
        assertThat(row.get("location")).isEqualTo("trang-2");

        // The next launch resumes: the content reads back its suspend data.
        browser.get(player);
        browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-frame"))));
        wait.until(ExpectedConditions.textMatches(By.id("log"), java.util.regex.Pattern.compile("^done .*")));
        assertThat(browser.findElement(By.id("log")).getText()).isEqualTo("done true resume=đã xem trang 1");
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
