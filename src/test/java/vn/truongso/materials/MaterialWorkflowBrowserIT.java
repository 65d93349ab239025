package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
import org.springframework.test.context.ActiveProfiles;

import vn.truongso.platform.Role;
import vn.truongso.support.Chromium;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * A material's way through the repository in a real browser (Debian's Chromium, headless): a teacher creates a
 * material, uploads its PDF and submits it; the group head finds it in his inbox, starts the appraisal and fills in the
 * rubric; the principal approves and publishes it; a student on a 360-px phone opens it and its file. Screenshots go
 * to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialWorkflowBrowserIT {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String TITLE = "Phân số và số thập phân – bài giảng";

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;

    TestSchool school;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void prepare() throws IOException {
        Files.createDirectories(OUT);
        school = testSchools.create();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aTeacherSubmitsTheGroupHeadAppraisesThePrincipalApprovesAndAStudentOpensIt() throws Exception {
        // ---- the teacher ----
        open(1280, 900, Role.TEACHER);
        browser.get(url("/schools/" + school.schoolId() + "/materials"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("new-material"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("material-form")));
        browser.findElement(By.id("title")).sendKeys(TITLE);
        browser.findElement(By.id("description")).sendKeys("Bài giảng điện tử cho lớp 6.");
        Chromium.click(browser, browser.findElement(By.id("grade-6")));
        new Select(browser.findElement(By.id("subjectCode"))).selectByValue("TOAN");
        // Choosing subject and grade reloads the curriculum's topics (htmx); let that settle before saving.
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.querySelector('.htmx-request') === null"));
        Thread.sleep(300);
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("save-material"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("material-title")));
        assertThat(browser.findElement(By.id("material-title")).getText()).isEqualTo(TITLE);

        Path pdf = OUT.resolve("bai-giang-phan-so.pdf");
        Files.write(pdf, MaterialFilesTest.realPdf("Phan so va so thap phan"));
        browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.id("upload")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("files")));
        assertThat(browser.findElement(By.id("files")).getText()).contains("bai-giang-phan-so.pdf");
        Chromium.click(browser, browser.findElement(By.cssSelector("#action-SUBMIT button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state"), "Đã gửi thẩm định"));
        screenshot("materials-1-teacher-submitted");
        String materialUrl = browser.getCurrentUrl();
        browser.quit();

        // ---- the group head ----
        open(1280, 900, Role.GROUP_HEAD);
        browser.get(url("/materials/inbox"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#inbox-toStartAppraisal a"))));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#action-START_APPRAISAL button[type=submit]"))));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("appraise"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appraisal-form")));
        for (String criterion : new String[] {"ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT"}) {
            Chromium.click(browser, browser.findElement(By.id("v-" + criterion + "-PASS")));
        }
        browser.findElement(By.id("c-PEDAGOGY")).sendKeys("Hoạt động phù hợp học sinh lớp 6");
        Chromium.click(browser, browser.findElement(By.id("r-APPROVE")));
        browser.findElement(By.id("comment")).sendKeys("Đạt yêu cầu, đề nghị phê duyệt.");
        screenshot("materials-2-group-head-rubric");
        Chromium.click(browser, browser.findElement(By.id("send-appraisal")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state"), "Đã thẩm định"));
        assertThat(browser.findElement(By.id("appraisals")).getText()).contains("Hoạt động phù hợp học sinh lớp 6");
        browser.quit();

        // ---- the principal ----
        open(1280, 900, Role.PRINCIPAL);
        browser.get(url("/materials/inbox"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#inbox-toApprove a"))));
        browser.findElement(By.id("comment-APPROVE")).sendKeys("Đồng ý sử dụng");
        Chromium.click(browser, browser.findElement(By.cssSelector("#action-APPROVE button[type=submit]")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state"), "Đã phê duyệt"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#action-PUBLISH button[type=submit]"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("material-state"), "Đã công bố trong trường"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("phê duyệt").contains("Đồng ý sử dụng");
        screenshot("materials-3-principal-published");
        browser.quit();

        // ---- a student, on a 360-px phone ----
        open(360, 800, Role.STUDENT);
        browser.get(url("/schools/" + school.schoolId() + "/materials"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.linkText(TITLE))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("material-title")));
        assertThat(browser.getCurrentUrl()).isEqualTo(materialUrl);
        assertThat(browser.findElements(By.cssSelector("form[id^='action-']"))).isEmpty();
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        WebElement view = browser.findElement(By.cssSelector("#files a[href$='inline=true']"));
        Chromium.assertNoSidewaysScrolling(browser, "material page");
        screenshot("materials-4-student-360");
        // The file itself answers, as the PDF, to the student's session.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));",
                view.getAttribute("href"));
        assertThat(String.valueOf(status)).isEqualTo("200 application/pdf");
    }

    // ---- the browser ----

    private void open(int width, int height, Role role) throws IOException {
        browser = Chromium.start(width, height);
        wait = new WebDriverWait(browser, WAIT);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(school.usernames().get(role));
        browser.findElement(By.id("password")).sendKeys(TestSchools.PASSWORD);
        Chromium.click(browser, browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
