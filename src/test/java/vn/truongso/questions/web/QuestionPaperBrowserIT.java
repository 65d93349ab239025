package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truongso.questions.imports.DocxBank.b;
import static vn.truongso.questions.imports.DocxBank.u;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
import vn.truongso.questions.imports.DocxBank;
import vn.truongso.support.Chromium;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Issue 4's browser test, as a teacher clicks it (Debian's Chromium, headless): she imports her Word bank of two
 * chapters whose questions carry their level ("Câu 1 (NB):"), reads the error naming the broken question, uploads the
 * corrected file, commits and archives a question; then in "Đề kiểm tra" she builds a blueprint (chapter × level ×
 * type → number and points) in the editor, generates two variants (mã đề) and "prints" them: each variant's .docx and
 * the answer key are downloaded through the page's links and read with POI. Screenshots go to target/browser/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSchools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionPaperBrowserIT {

    static final Path OUT = Path.of("target", "browser");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String CHAPTER_1 = "Chương 1. Phân số";
    static final String CHAPTER_2 = "Chương 2. Số thập phân";
    /** Questions per chapter and level in the bank; the blueprint takes two of each. */
    static final int PER_CELL = 3;

    @LocalServerPort
    int port;
    @Autowired
    TestSchools testSchools;

    TestSchool school;
    Path downloads;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void prepare() throws IOException {
        Files.createDirectories(OUT);
        school = testSchools.create();
        downloads = Files.createTempDirectory("truongso-downloads-");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTeacherImportsFixesCommitsBuildsABlueprintAndPrintsTwoVariants() throws Exception {
        Path file = OUT.resolve("ngan-hang-toan-6.docx");
        Files.write(file, bank(true));
        open(school.usernames().get(Role.TEACHER));

        // ---- the bank: import, fix the reported error, commit ----
        browser.get(url("/questions"));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("new-bank"))));
        browser.findElement(By.id("name")).sendKeys("Toán 6 – Ôn tập giữa kì I");
        new Select(browser.findElement(By.id("subjectCode"))).selectByValue("TOAN");
        new Select(browser.findElement(By.id("grade"))).selectByValue("6");
        Chromium.click(browser, browser.findElement(By.id("save-bank")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("import"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file"))).sendKeys(file.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.id("upload")));
        WebElement problems = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
        assertThat(problems.getText()).contains("Câu 5").contains("Thiếu phương án C");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();

        Files.write(file, bank(false));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Chromium.click(browser, browser.findElement(By.id("upload")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("commit"))));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("imported"))).getText())
                .contains("Đã nhập " + 4 * PER_CELL + " câu hỏi");
        // Each question shows the chapter its heading gave and the level written after "Câu N", in the bank's scheme.
        WebElement first = browser.findElement(By.cssSelector("#questions article"));
        assertThat(first.findElement(By.cssSelector(".ts-category")).getText()).isEqualTo(CHAPTER_1);
        assertThat(first.findElement(By.cssSelector(".ts-level")).getText()).isEqualTo("Biết");
        String bankName = browser.findElement(By.id("bank-name")).getText();
        screenshot("papers-1-bank-committed");

        // She archives Câu 1, which no paper may then draw (its cell keeps just the two it needs).
        String bankUrl = browser.getCurrentUrl().replaceFirst("[?#].*$", "");
        Chromium.click(browser, first.findElement(By.cssSelector("a.fw-semibold")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("archive"))));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlToBe(bankUrl));
        assertThat(browser.findElement(By.id("questions")).getText()).doesNotContain(stem(1, 1)).contains(stem(2, 1));

        // ---- the blueprint (ma trận đề) in the editor ----
        Chromium.click(browser, browser.findElement(By.linkText("Đề kiểm tra")));
        Chromium.click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("new-blueprint"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("blueprint-form")));
        browser.findElement(By.id("name")).sendKeys("Kiểm tra giữa kì I – Toán 6");
        new Select(browser.findElement(By.id("subjectCode"))).selectByValue("TOAN");
        browser.findElement(By.id("grade")).sendKeys("6");
        Chromium.click(browser, browser.findElement(By.xpath("//label[starts-with(normalize-space(.), '" + bankName + "')]")));
        // Three rows in the grid as it comes, the fourth in a row added with "Thêm dòng"; the empty rows are ignored.
        List<WebElement> rows = browser.findElements(By.cssSelector("#cell-rows tr.ts-cell"));
        int shown = rows.size();
        Chromium.click(browser, browser.findElement(By.id("add-cell")));
        rows = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#cell-rows tr.ts-cell"), shown + 1));
        cell(rows.get(0), "Chương 1", "BIET");
        cell(rows.get(1), "Chương 1", "HIEU");
        cell(rows.get(2), "Chương 2", "BIET");
        cell(rows.get(shown), "Chương 2", "HIEU");
        screenshot("papers-2-blueprint-editor");
        Chromium.click(browser, browser.findElement(By.id("save-blueprint")));
        WebElement matrix = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("matrix")));
        assertThat(matrix.getText()).contains("Chương 1").contains("Chương 2").contains("Biết").contains("Hiểu");
        assertThat(browser.findElements(By.id("shortages"))).as("the bank fills the blueprint").isEmpty();

        // ---- two variants (mã đề) ----
        WebElement variants = browser.findElement(By.id("variants"));
        variants.clear();
        variants.sendKeys("2");
        Chromium.click(browser, browser.findElement(By.id("generate")));
        List<WebElement> variantRows = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#variants tbody tr"), 2));
        List<String> codes = variantRows.stream().map(r -> r.findElement(By.cssSelector("td")).getText().strip()).toList();
        assertThat(codes).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).isNotBlank());
        screenshot("papers-3-paper");

        // ---- "printing": each variant's paper and the answer key, downloaded through the page's links ----
        Map<String, List<Printed>> papers = new LinkedHashMap<>();
        for (String code : codes) {
            Chromium.click(browser, browser.findElement(By.id("download-" + code)));
            XWPFDocument paper = docx(download("-ma-de-" + code + ".docx"));
            List<String> lines = paper.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(lines).as("the paper of variant %s", code).contains("Mã đề " + code);
            codes.stream().filter(other -> !other.equals(code)).forEach(other -> assertThat(lines).doesNotContain("Mã đề " + other));
            papers.put(code, printed(lines));
            assertThat(papers.get(code)).as("questions on the paper of %s", code).hasSize(8);
        }
        List<String> stems1 = papers.get(codes.get(0)).stream().map(Printed::stem).toList();
        List<String> stems2 = papers.get(codes.get(1)).stream().map(Printed::stem).toList();
        assertThat(stems1).doesNotHaveDuplicates();
        assertThat(stems2).containsExactlyInAnyOrderElementsOf(stems1).isNotEqualTo(stems1);
        assertThat(stems1).doesNotContain(stem(1, 1)).contains(stem(2, 1), stem(3, 1));
        assertThat(stems1.stream().filter(s -> s.contains("chương 1"))).hasSize(4);
        assertThat(stems1.stream().filter(s -> s.contains("chương 2"))).hasSize(4);

        Chromium.click(browser, browser.findElement(By.id("download-key")));
        XWPFTable grid = docx(download("-dap-an.docx")).getTables().stream()
                .filter(t -> "Câu".equals(t.getRow(0).getCell(0).getText().strip())).findFirst().orElseThrow();
        for (int v = 0; v < codes.size(); v++) {
            String code = codes.get(v);
            assertThat(grid.getRow(0).getCell(v + 1).getText()).isEqualTo("Mã đề " + code);
            List<Printed> questions = papers.get(code);
            for (int n = 0; n < questions.size(); n++) {
                assertThat(grid.getRow(n + 1).getCell(v + 1).getText().strip()).as("key of mã đề %s, câu %d", code, n + 1)
                        .isEqualTo(questions.get(n).correctLetter());
            }
        }
        // The options are shuffled per variant: some question has its right answer under another letter.
        Map<String, String> letters = new HashMap<>();
        papers.get(codes.get(0)).forEach(p -> letters.put(p.stem(), p.correctLetter()));
        assertThat(papers.get(codes.get(1))).anyMatch(p -> !p.correctLetter().equals(letters.get(p.stem())));
    }

    // ---- the teacher's Word file ----

    /**
     * Two chapters, each with {@value #PER_CELL} questions "(NB)" and {@value #PER_CELL} "(TH)"; the right option is
     * underlined and reads "đúng N". The broken file has no option C in Câu 5.
     */
    static byte[] bank(boolean broken) {
        DocxBank doc = new DocxBank();
        int n = 0;
        for (int chapter = 1; chapter <= 2; chapter++) {
            doc.p(b(chapter == 1 ? CHAPTER_1 : CHAPTER_2));
            for (String level : List.of("NB", "TH")) {
                for (int i = 0; i < PER_CELL; i++) {
                    n++;
                    doc.p(b("Câu " + n + " (" + level + "):"), " " + stem(n, chapter));
                    int right = n % 4;
                    for (int o = 0; o < 4; o++) {
                        if (broken && n == 5 && o == 2) {
                            continue;
                        }
                        String letter = String.valueOf((char) ('A' + o)) + ". ";
                        doc.p(o == right ? u(letter + "đúng " + n) : letter + "sai " + n + (char) ('a' + o));
                    }
                }
            }
        }
        return doc.bytes();
    }

    static String stem(int n, int chapter) {
        return "Câu hỏi " + n + " của chương " + chapter + "?";
    }

    /** A question as printed: its stem and the letter its right option ("đúng N") got on this paper. */
    record Printed(String stem, String correctLetter) {
    }

    /** The questions of a paper: "Câu N. stem" followed by its options, several on a line separated by tabs. */
    static List<Printed> printed(List<String> lines) {
        List<Printed> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).matches("Câu \\d+\\. .*")) {
                continue;
            }
            String stem = lines.get(i).replaceFirst("Câu \\d+\\. ", "").strip();
            String letter = null;
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("Câu ") && !lines.get(j).contains("HẾT"); j++) {
                for (String option : lines.get(j).split("\t")) {
                    if (option.strip().matches("[A-D]\\. đúng \\d+")) {
                        letter = option.strip().substring(0, 1);
                    }
                }
            }
            assertThat(letter).as("the right option of \"%s\"", stem).isNotNull();
            out.add(new Printed(stem, letter));
        }
        return out;
    }

    private void cell(WebElement row, String chapter, String level) {
        row.findElement(By.name("cellChapter")).sendKeys(chapter);
        new Select(row.findElement(By.name("cellLevel"))).selectByValue(level);
        new Select(row.findElement(By.name("cellType"))).selectByValue("SINGLE_CHOICE");
        row.findElement(By.name("cellCount")).sendKeys("2");
        row.findElement(By.name("cellPoints")).sendKeys("1,25");
    }

    // ---- downloads ----

    /** Waits until Chromium has finished writing the file whose name ends so, and answers it. */
    private Path download(String suffix) {
        return new WebDriverWait(browser, WAIT).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                return done.filter(f -> !Files.exists(f.resolveSibling(f.getFileName() + ".crdownload"))).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private static XWPFDocument docx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    // ---- the browser ----

    private void open(String username) throws IOException {
        browser = Chromium.start(1280, 900, downloads);
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
