package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Question;
import vn.truongso.support.Chromium;
import vn.truongso.support.TestSchools;
import vn.truongso.testing.TestingFixture.Student;

/**
 * A student takes a test on a 360-px phone in Chromium: answers, loses the network (Chrome's network emulation),
 * answers two more while the banner counts what is not yet saved, comes back online, sees them saved, submits and
 * reads her mark; the teacher sees the mark on the monitor. Screenshots go to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestSchools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeTestBrowserIT {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    TestSchools schools;
    @Autowired
    QuestionBanks banks;

    TestingFixture f;
    Student student;
    UUID sessionId;
    Map<UUID, Question> questions = new LinkedHashMap<>();
    WebDriver browser;

    @BeforeAll
    void prepare() throws Exception {
        Files.createDirectories(OUT);
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        UUID bankId = f.bank();
        // Four objective questions: single choice, true/false, multiple response and a number.
        List<UUID> picked = new ArrayList<>();
        Map<UUID, Question> all = banks.questions(f.school.schoolId(), banks.questionIds(f.school.schoolId(), bankId));
        for (String title : List.of("Q1", "Q3", "Q2", "Q5")) {
            all.forEach((id, q) -> {
                if (title.equals(q.title())) {
                    picked.add(id);
                    questions.put(id, q);
                }
            });
        }
        Map<String, Object> body = new LinkedHashMap<>(f.sessionBody(bankId));
        body.put("questionIds", picked);
        body.put("title", "Kiểm tra 15 phút trên điện thoại");
        body.put("closesAt", Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        sessionId = f.session(body);
        student = f.student("Ngô Thị Hạnh");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    int savedAnswers() {
        return jdbc.sql("""
                SELECT count(*) FROM test_answer x JOIN test_attempt a ON a.school_id = x.school_id AND a.id = x.attempt_id
                WHERE a.session_id = ? AND a.student_id = ?""").params(sessionId, student.id()).query(Integer.class).single();
    }

    void answer(UUID id) {
        Question q = questions.get(id);
        String card = "#q-" + id;
        switch (q.type()) {
            case "SINGLE_CHOICE", "TRUE_FALSE" -> Chromium.click(browser, browser.findElement(By.cssSelector(card + " input[value='"
                    + q.choices().stream().filter(Choice::correct).findFirst().orElseThrow().id() + "']")));
            case "MULTIPLE_RESPONSE" -> q.choices().stream().filter(c -> c.earned().signum() > 0)
                    .forEach(c -> Chromium.click(browser, browser.findElement(By.cssSelector(card + " input[value='" + c.id() + "']"))));
            default -> {
                WebElement input = browser.findElement(By.cssSelector(card + " input"));
                input.sendKeys(q.numbers().getFirst().value().toPlainString());
                input.sendKeys(Keys.TAB);
            }
        }
    }

    @Test
    void aStudentAnswersOfflineAndOnlineSubmitsAndTheTeacherSeesTheMark() throws Exception {
        browser = Chromium.start(360, 800);
        var wait = new WebDriverWait(browser, WAIT);
        signIn(jdbc.sql("SELECT username FROM user_account WHERE id = ?").param(student.accountId()).query(String.class).single(), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        browser.get(url("/tests"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#test-" + sessionId + " a.btn"))));
        wait.until(d -> d.findElements(By.cssSelector("#questions > li")).size() == 4);
        wait.until(d -> !d.findElement(By.id("countdown")).getText().equals("--:--"));
        List<UUID> order = browser.findElements(By.cssSelector("#questions > li")).stream().map(e -> UUID.fromString(e.getAttribute("data-question")))
                .toList();
        screenshot("take-1-start-360");

        answer(order.get(0));
        wait.until(d -> savedAnswers() == 1);

        ((ChromeDriver) browser).setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
        answer(order.get(1));
        answer(order.get(2));
        WebElement banner = browser.findElement(By.id("offline-banner"));
        wait.until(d -> banner.isDisplayed() && banner.getText().startsWith("2 "));
        screenshot("take-2-offline-360");
        assertThat(savedAnswers()).isEqualTo(1);

        ((ChromeDriver) browser).setNetworkConditions(new ChromiumNetworkConditions().setOffline(false));
        ((ChromeDriver) browser).deleteNetworkConditions();
        wait.until(d -> savedAnswers() == 3);
        wait.until(d -> !banner.isDisplayed());
        answer(order.get(3));
        wait.until(d -> savedAnswers() == 4);
        Chromium.assertNoSidewaysScrolling(browser, "phone");

        Chromium.click(browser, browser.findElement(By.id("submit-attempt")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertThat(result.getText()).contains("Đã nộp bài").contains("Điểm: 10");
        // Results released at once: each question shows its review (points and the right answer).
        wait.until(d -> d.findElements(By.cssSelector("#questions .ts-review")).size() == 4);
        assertThat(browser.findElements(By.cssSelector("#questions .ts-review")).getFirst().getText()).contains("Điểm câu này").contains("Đáp án đúng");
        screenshot("take-3-submitted-360");
        browser.quit();

        browser = Chromium.start(1280, 900);
        wait = new WebDriverWait(browser, WAIT);
        signIn(f.school.usernames().get(Role.TEACHER), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        browser.get(url("/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress tr[data-student='" + student.id() + "']")));
        assertThat(row.getText()).contains("Ngô Thị Hạnh").contains("4/4");
        assertThat(row.findElement(By.cssSelector(".mark")).getText()).isEqualTo("10.0");
        screenshot("take-4-teacher-monitor");
    }

    @Test
    void aStudentEntersWithTheTicketHerTeacherPrintedResumesAfterAReloadAndSubmits() throws Exception {
        Student holder = f.student("Lý Gia Hân");
        browser = Chromium.start(1280, 900);
        var wait = new WebDriverWait(browser, WAIT);
        signIn(f.school.usernames().get(Role.TEACHER), TestSchools.PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        browser.get(url("/schools/" + f.school.schoolId() + "/test-sessions/" + sessionId));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("issue-tickets"))));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        String code = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".ts-ticket[data-student='" + holder.id() + "'] .ts-ticket-code"))).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        screenshot("ticket-1-slips");
        browser.quit();

        // On her phone, nobody signed in: the ticket typed in lower case.
        browser = Chromium.start(360, 800);
        wait = new WebDriverWait(browser, WAIT);
        browser.get(url("/thi"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket"))).sendKeys(code.toLowerCase());
        Chromium.click(browser, browser.findElement(By.id("code-submit")));
        wait.until(d -> d.findElements(By.cssSelector("#questions > li")).size() == 4);
        assertThat(browser.findElement(By.id("take-title")).getText()).isEqualTo("Kiểm tra 15 phút trên điện thoại");
        List<UUID> order = browser.findElements(By.cssSelector("#questions > li")).stream().map(e -> UUID.fromString(e.getAttribute("data-question")))
                .toList();
        answer(order.get(0));
        wait.until(d -> answersOf(holder) == 1);
        screenshot("ticket-2-started-360");

        // A reload keeps her in the attempt (its token, not the ticket, is kept in the browser) with her answer.
        browser.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#questions > li")).size() == 4);
        assertThat(browser.findElement(By.id("code-form")).isDisplayed()).isFalse();
        for (UUID id : order.subList(1, 4)) {
            answer(id);
        }
        wait.until(d -> answersOf(holder) == 4);
        Chromium.assertNoSidewaysScrolling(browser, "phone");
        Chromium.click(browser, browser.findElement(By.id("submit-attempt")));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result"))).getText()).contains("Đã nộp bài").contains("Điểm: 10");
        assertThat(jdbc.sql("SELECT entry FROM test_attempt WHERE session_id = ? AND student_id = ?").params(sessionId, holder.id())
                .query(String.class).single()).isEqualTo("TICKET");
        screenshot("ticket-3-submitted-360");
    }

    int answersOf(Student s) {
        return jdbc.sql("""
                SELECT count(*) FROM test_answer x JOIN test_attempt a ON a.school_id = x.school_id AND a.id = x.attempt_id
                WHERE a.session_id = ? AND a.student_id = ?""").params(sessionId, s.id()).query(Integer.class).single();
    }

    private void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Chromium.click(browser, browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")));
    }

    private void screenshot(String name) throws IOException {
        Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
