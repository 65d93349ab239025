package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
import vn.truongso.support.Chromium;
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
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signIn(browser, base, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
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

    @Test
    void aScoRequestingContinueAtTerminateOpensTheNextScoAndChoiceOpensTheChosenOne() throws Exception {
        var school = testSchools.create();
        String sco = """
                <html><head></head><body><p id="log">…</p><script>
                var api = window.API_1484_11, here = location.pathname.split('/').pop();
                api.Initialize('');
                api.SetValue('cmi.completion_status', 'completed');
                var valid = api.GetValue('adl.nav.request_valid.continue');
                api.SetValue('adl.nav.request', here === 'sco1.html' ? 'continue' : '{target=sco1}choice');
                document.getElementById('log').textContent = here + ' continue-valid=' + valid;
                setTimeout(function () { api.Terminate(''); }, here === 'sco1.html' ? 300 : 100000);
                </script></body></html>""";
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="vn.truongso.test.nav" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
                  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
                  <organizations default="org"><organization identifier="org"><title>Hai bài</title>
                    <item identifier="sco1" identifierref="r1"><title>Bài 1</title></item>
                    <item identifier="sco2" identifierref="r2"><title>Bài 2</title></item>
                  </organization></organizations>
                  <resources>
                    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="sco1.html"><file href="sco1.html"/></resource>
                    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="sco2.html"><file href="sco2.html"/></resource>
                  </resources>
                </manifest>""";
        var p = importer.importPackage(school.schoolId(), school.accountIds().get(Role.TEACHER), new ByteArrayInputStream(TestPackages.zip(Map.of(
                "imsmanifest.xml", manifest, "sco1.html", sco, "sco2.html", sco))));
        String base = "http://localhost:" + port;
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signIn(browser, base, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(base + "/schools/" + school.schoolId() + "/packages/" + p.id() + "/play");
        // SCO 1 asks for "continue" when it terminates: the player opens SCO 2.
        wait.until(ExpectedConditions.urlContains("item=sco2"));
        browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-frame"))));
        wait.until(ExpectedConditions.textToBe(By.id("log"), "sco2.html continue-valid=false"));
        browser.switchTo().defaultContent();
        assertThat(browser.findElement(By.id("player-previous")).getAttribute("href")).endsWith("item=sco1");
        assertThat(jdbc.sql("""
                SELECT item_id FROM content_package_attempt WHERE school_id = ? AND package_id = ? AND completion_status = 'completed'""")
                .params(school.schoolId(), p.id()).query(String.class).list()).containsExactly("sco1");
        screenshot("package-player-scorm2004-flow");
    }

    @Test
    void theRuntimeAnswersSpecErrorCodesForBothStandards() throws Exception {
        var school = testSchools.create();
        UUID teacher = school.accountIds().get(Role.TEACHER);
        var scorm12 = importer.importPackage(school.schoolId(), teacher, new ByteArrayInputStream(TestPackages.zip(Map.of(
                "imsmanifest.xml", TestPackages.manifest12("index.html", null), "index.html", "<html><head></head><body>trống</body></html>"))));
        var scorm2004 = importer.importPackage(school.schoolId(), teacher, new ByteArrayInputStream(TestPackages.scorm2004()));
        String base = "http://localhost:" + port;
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.signIn(browser, base, school.usernames().get(Role.STUDENT), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        browser.get(base + "/schools/" + school.schoolId() + "/packages/" + scorm12.id() + "/play");
        browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-frame"))));
        wait.until(ExpectedConditions.textToBe(By.tagName("body"), "trống"));
        assertThat(js("""
                var a = window.API, out = [];
                function step(v) { out.push(String(v) + '/' + a.LMSGetLastError()); }
                step(a.LMSGetValue('cmi.core.lesson_status'));        // before LMSInitialize: 301
                step(a.LMSInitialize(''));
                step(a.LMSGetValue('cmi.core.lesson_status'));
                step(a.LMSSetValue('cmi.core.student_id', 'x'));       // read only: 403
                step(a.LMSGetValue('cmi.core.exit'));                  // write only: 404
                step(a.LMSSetValue('cmi.core.lesson_status', 'xong')); // bad vocabulary: 405
                step(a.LMSSetValue('cmi.core.score.raw', '101'));      // out of 0..100: 405
                step(a.LMSGetValue('cmi.khong_co'));                    // not implemented: 401
                step(a.LMSSetValue('cmi.core._children', 'x'));        // keyword: 402
                step(a.LMSGetValue('cmi.core.lesson_status._children')); // no children: 202
                step(a.LMSGetValue('cmi.core._children'));
                step(a.LMSSetValue('cmi.objectives.1.id', 'o2'));      // index out of order: 201
                step(a.LMSSetValue('cmi.objectives.0.id', 'o1'));
                step(a.LMSGetValue('cmi.objectives._count'));
                step(a.LMSGetErrorString('405'));
                step(a.LMSSetValue('cmi.core.lesson_status', 'passed'));
                step(a.LMSFinish(''));
                step(a.LMSGetValue('cmi.core.lesson_status'));        // after finish: 101
                return out.join('|');""")).isEqualTo(String.join("|", "/301", "true/0", "not attempted/0", "false/403", "/404", "false/405",
                "false/405", "/401", "false/402", "/202",
                "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time/0",
                "false/201", "true/0", "1/0", "Incorrect Data Type/0", "true/0", "true/0", "/101"));
        browser.switchTo().defaultContent();

        browser.get(base + "/schools/" + school.schoolId() + "/packages/" + scorm2004.id() + "/play");
        browser.switchTo().frame(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-frame"))));
        wait.until(ExpectedConditions.textToBe(By.tagName("body"), "Tế bào"));
        // ADL's SCORM 2004 discovery starts at window.parent: the stand-in parent carries the API.
        assertThat(js("""
                var a = window.parent.API_1484_11, out = [];
                function step(v) { out.push(String(v) + '/' + a.GetLastError()); }
                step(a === window.API_1484_11);
                step(a.Terminate(''));                                   // before Initialize: 112
                step(a.Initialize(''));
                step(a.Initialize(''));                                  // again: 103
                step(a.GetValue('cmi.completion_status'));
                step(a.GetValue('cmi.location'));                        // not initialised: 403
                step(a.SetValue('cmi.learner_id', 'x'));                 // read only: 404
                step(a.GetValue('cmi.session_time'));                    // write only: 405
                step(a.SetValue('cmi.success_status', 'ok'));            // type mismatch: 406
                step(a.SetValue('cmi.score.scaled', '1.5'));             // out of range: 407
                step(a.GetValue('cmi.khong_co'));                         // undefined: 401
                step(a.SetValue('cmi.interactions.0.result', 'correct')); // id first: 408
                step(a.SetValue('cmi.interactions.0.id', 'q1'));
                step(a.SetValue('cmi.interactions.0.result', 'correct'));
                step(a.SetValue('cmi.session_time', 'PT2M'));
                step(a.SetValue('cmi.completion_status', 'completed'));
                step(a.SetValue('cmi.score.scaled', '0.75'));
                step(a.Commit(''));
                step(a.Terminate(''));
                step(a.GetValue('cmi.completion_status'));             // after Terminate: 123
                return out.join('|');""")).isEqualTo(String.join("|", "true/0", "false/112", "true/0", "false/103", "unknown/0", "/403",
                "false/404", "/405", "false/406", "false/407", "/401", "false/408", "true/0", "true/0", "true/0", "true/0", "true/0", "true/0",
                "true/0", "/123"));
        browser.switchTo().defaultContent();
        Map<String, Object> row = jdbc.sql("""
                SELECT completion_status, score_scaled, total_seconds, cmi->>'cmi.interactions.0.result' AS result FROM content_package_attempt
                WHERE school_id = ? AND package_id = ?""").params(school.schoolId(), scorm2004.id()).query().singleRow();
        assertThat(row.get("completion_status")).isEqualTo("completed");
        assertThat((BigDecimal) row.get("score_scaled")).isEqualByComparingTo("0.75");
        assertThat((BigDecimal) row.get("total_seconds")).isEqualByComparingTo("120");
        assertThat(row.get("result")).isEqualTo("correct");
    }

    Object js(String script) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
