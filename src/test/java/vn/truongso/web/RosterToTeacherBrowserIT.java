package vn.truongso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.truongso.platform.Role;
import vn.truongso.support.Chromium;
import vn.truongso.support.RosterWorkbook;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * The roster import in a real browser (Debian's Chromium, headless), from the principal's upload to the new teacher on
 * her phone: the principal signs in, opens "Nhập danh sách", uploads a workbook with a new teacher, her class and its
 * students, checks the preview, commits, and reads the teacher's temporary password from the result page. The teacher
 * signs in on a 360-px-wide window, must choose her own password, finds her class under "Lớp của tôi", sees its
 * students in Vietnamese order, and finds a student by a search typed without diacritics. Screenshots go to
 * target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterToTeacherBrowserIT {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Shuffled in the file; the class page must list them by given name: An, Anh, Bình, Dung, Đạt. */
    static final List<String[]> STUDENTS = List.of(
            new String[] {"Đỗ Văn Đạt", "Nam", "14/05/2014"},
            new String[] {"Trần Thị Bình", "Nữ", "03/01/2014"},
            new String[] {"Nguyễn Văn An", "Nam", "21/11/2014"},
            new String[] {"Phạm Thị Dung", "Nữ", "09/09/2014"},
            new String[] {"Lê Đức Anh", "Nam", "30/06/2014"});
    static final List<String> VIETNAMESE_ORDER = List.of("Nguyễn Văn An", "Lê Đức Anh", "Trần Thị Bình", "Phạm Thị Dung", "Đỗ Văn Đạt");

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;

    TestSchool school;
    String suffix;
    WebDriver browser;

    @BeforeAll
    void prepare() throws IOException {
        Files.createDirectories(OUT);
        school = testSchools.create();
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aPrincipalImportsARosterAndTheNewTeacherFindsHerClassOnHerPhone() throws Exception {
        String teacherEmail = "mai.tran." + suffix + "@thcs-thu-nghiem.edu.vn";
        String teacherUsername = "mai.tran." + suffix;
        Path roster = writeRoster(teacherEmail);

        // ---- the principal, on a desktop window ----
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, WAIT);
        signIn(school.usernames().get(Role.PRINCIPAL), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("school-overview")));
        Chromium.click(browser, browser.findElement(By.cssSelector("#ts-menu a.nav-link[href$='/roster']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster-upload")));
        assertThat(browser.findElement(By.id("roster-template")).getAttribute("href"))
                .endsWith("/api/v1/schools/" + school.schoolId() + "/roster/template");

        browser.findElement(By.id("file")).sendKeys(roster.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.cssSelector("#roster-upload button[type=submit]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster-counts")));
        screenshot("1-principal-preview");
        assertThat(browser.findElements(By.id("roster-errors"))).as(pageText()).isEmpty();
        assertThat(count("STUDENTS", "new")).isEqualTo(5);
        assertThat(count("STAFF", "new")).isEqualTo(1);
        assertThat(count("CLASSES", "new")).isEqualTo(1);
        WebElement commit = browser.findElement(By.id("roster-commit"));
        assertThat(commit.isEnabled()).isTrue();
        Chromium.click(browser, commit);
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("credentials")));
        String temporaryPassword = browser.findElement(By.cssSelector("#credentials tr[data-username='" + teacherUsername + "'] .ts-password"))
                .getText().strip();
        assertThat(temporaryPassword).hasSize(12);
        screenshot("2-principal-result");
        browser.quit();

        // ---- the new teacher, on a 360-px phone ----
        browser = Chromium.start(360, 800);
        wait = new WebDriverWait(browser, WAIT);
        browser.get(url("/login"));
        assertThat(((Number) js("return window.innerWidth")).intValue()).as("the phone's viewport").isEqualTo(360);
        Chromium.assertNoSidewaysScrolling(browser, "sign-in page");
        screenshot("3-teacher-sign-in-360");
        signIn(teacherUsername, temporaryPassword);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("must-change")));
        Chromium.assertNoSidewaysScrolling(browser, "password page");
        // Any other page sends her back until she has chosen her own password.
        browser.get(url("/my-classes"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("must-change")));
        browser.findElement(By.id("currentPassword")).sendKeys(temporaryPassword);
        browser.findElement(By.id("newPassword")).sendKeys("HoaMai2026xanh");
        browser.findElement(By.id("confirmPassword")).sendKeys("HoaMai2026xanh");
        screenshot("4-teacher-password-360");
        Chromium.click(browser, browser.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-classes")));
        assertThat(browser.findElement(By.id("content")).getText()).contains("Đã đổi mật khẩu.");
        Chromium.assertNoSidewaysScrolling(browser, "home page");
        screenshot("5-teacher-home-360");

        // Through the collapsed menu to "Lớp của tôi", then her class.
        Chromium.click(browser, browser.findElement(By.cssSelector("button.navbar-toggler")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ts-menu a.nav-link[href='/my-classes']"))));
        wait.until(ExpectedConditions.urlContains("/my-classes"));
        WebElement myClass = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ts-my-class")));
        assertThat(myClass.getText()).contains("6B9").contains("Chủ nhiệm").contains("Toán");
        Chromium.click(browser, myClass);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("class-students")));
        assertThat(browser.findElement(By.id("class-title")).getText()).isEqualTo("Lớp 6B9");
        List<String> names = browser.findElements(By.cssSelector("#class-students .ts-student-name")).stream().map(WebElement::getText).toList();
        assertThat(names).containsExactlyElementsOf(VIETNAMESE_ORDER);
        Chromium.assertNoSidewaysScrolling(browser, "class page");
        screenshot("6-teacher-class-360");

        // A search typed without diacritics finds the student, live (htmx) as she types.
        Chromium.click(browser, browser.findElement(By.cssSelector("button.navbar-toggler")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ts-menu a.nav-link[href$='/students']"))));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        search.sendKeys("do van dat");
        wait.until(ExpectedConditions.textToBe(By.id("student-count"), "Tìm thấy 1 học sinh"));
        assertThat(browser.findElements(By.cssSelector("#student-table .ts-student-name")).stream().map(WebElement::getText))
                .containsExactly("Đỗ Văn Đạt");
        // The address follows the search, so the page can be shared or reloaded.
        assertThat(java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8)).contains("q=do van dat");
        Chromium.assertNoSidewaysScrolling(browser, "students page");
        screenshot("7-teacher-search-360");
    }

    // ---- the workbook ----------------------------------------------------------------------------------------------

    private Path writeRoster(String teacherEmail) throws IOException {
        String codes = suffix.toUpperCase().replaceAll("[^0-9A-Z]", "");
        List<String[]> students = new java.util.ArrayList<>();
        for (int i = 0; i < STUDENTS.size(); i++) {
            String[] s = STUDENTS.get(i);
            students.add(new String[] {"BR" + codes + i, s[0], s[2], s[1]});
        }
        Path file = OUT.resolve("danh-sach-" + suffix + ".xlsx");
        Files.write(file, RosterWorkbook.teacherWithClass("Trần Thị Mai", teacherEmail, "6B9", students).bytes());
        return file;
    }

    // ---- the browser -----------------------------------------------------------------------------------------------

    private void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Chromium.click(browser, browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    }

    private int count(String sheet, String kind) {
        return Integer.parseInt(browser.findElement(By.cssSelector("#roster-counts tr[data-sheet='" + sheet + "'] .ts-count-" + kind)).getText().strip());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(OUT.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
