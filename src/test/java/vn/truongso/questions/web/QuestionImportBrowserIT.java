package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.support.Chromium;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * A teacher's Word bank through a real browser (Debian's Chromium, headless): she creates a bank, uploads a .docx with
 * one error, reads the error naming the question, uploads the corrected file and commits; the bank shows the formula
 * typeset by KaTeX and the image. She then publishes a practice set to her class, and a student on a 360-px phone
 * answers a question and gets the feedback. Screenshots go to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionImportBrowserIT {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    String studentUsername;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void prepare() throws IOException {
        Files.createDirectories(OUT);
        school = testSchools.create();
        var studentId = Ids.newId();
        jdbc.sql("""
                INSERT INTO student (school_id, id, learner_code, full_name, given_name, name_folded, birth_date, sex)
                VALUES (?, ?, ?, 'Trần Thị Lan', 'Lan', 'tran thi lan', DATE '2014-03-02', 'FEMALE')""")
                .params(school.schoolId(), studentId, "HS" + studentId.toString().substring(24)).update();
        jdbc.sql("INSERT INTO enrolment (school_id, id, student_id, school_year_id, class_id, starts_on) VALUES (?, ?, ?, ?, ?, DATE '2026-09-05')")
                .params(school.schoolId(), Ids.newId(), studentId, school.yearId(), school.classId()).update();
        studentUsername = "hs.lan." + studentId.toString().substring(24);
        accounts.create(new Accounts.NewAccount(studentUsername, "Trần Thị Lan", school.schoolId(), studentId,
                List.of(new RoleGrant(Role.STUDENT, school.schoolId()))), TestSchools.PASSWORD, false);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aTeacherFixesTheReportedErrorCommitsAndAStudentPractises() throws Exception {
        byte[] png = vn.truongso.questions.imports.DocxBank.png(0x00336699);
        Path broken = OUT.resolve("on-tap-phan-so.docx");
        Files.write(broken, QuestionPagesTest.docx(true, png));

        // ---- the teacher ----
        open(1280, 900, school.usernames().get(Role.TEACHER));
        browser.get(url("/questions"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("new-bank"))));
        browser.findElement(By.id("name")).sendKeys("Toán 6 – Phân số");
        new Select(browser.findElement(By.id("subjectCode"))).selectByValue("TOAN");
        new Select(browser.findElement(By.id("grade"))).selectByValue("6");
        Chromium.click(browser, browser.findElement(By.id("save-bank")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("import"))));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file"))).sendKeys(broken.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.id("upload")));
        WebElement problems = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("Câu 2").contains("Thiếu phương án C");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        screenshot("questions-1-error-reported");

        // She fixes the file "in Word" and uploads the corrected one from the same page.
        Files.write(broken, QuestionPagesTest.docx(false, png));
        browser.findElement(By.id("file")).sendKeys(broken.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.id("upload")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("commit"))));
        WebElement imported = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("imported")));
        assertThat(imported.getText()).contains("Đã nhập 2 câu hỏi");
        // The formula is typeset by KaTeX and the image loads from the BlobStore route.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#questions .katex")));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('#questions img'); return i && i.complete ? i.naturalWidth : 0")).intValue() > 0);
        Chromium.assertNoSidewaysScrolling(browser, "bank page, laptop");
        screenshot("questions-2-committed");

        // A practice set for her class, due by the 28th by default.
        Chromium.click(browser, browser.findElement(By.id("new-practice")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("practice-form")));
        browser.findElement(By.id("title")).sendKeys("Ôn tập phân số");
        Chromium.click(browser, browser.findElement(By.id("class-" + school.classId())));
        Chromium.click(browser, browser.findElement(By.id("save-practice")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("set-title"), "Ôn tập phân số"));
        browser.quit();

        // ---- a student, on a 360-px phone ----
        open(360, 800, studentUsername);
        browser.get(url("/questions/practice"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Ôn tập phân số"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ts-answer")));
        assertThat(browser.findElements(By.cssSelector(".ts-correct"))).isEmpty();
        WebElement first = browser.findElements(By.cssSelector(".ts-answer")).getFirst();
        Chromium.click(browser, first.findElement(By.cssSelector("input[value='B']")));
        Chromium.click(browser, first.findElement(By.cssSelector("button[type=submit]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ts-feedback")));
        assertThat(browser.findElement(By.cssSelector(".ts-feedback")).getText()).contains("Chính xác!");
        Chromium.assertNoSidewaysScrolling(browser, "practice page");
        screenshot("questions-3-student-360");
    }

    // ---- the browser ----

    private void open(int width, int height, String username) throws IOException {
        browser = Chromium.start(width, height);
        wait = new WebDriverWait(browser, WAIT);
        Chromium.signIn(browser, url(""), username, TestSchools.PASSWORD);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
