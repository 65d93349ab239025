package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.questions.imports.DocxBank.b;
import static vn.truongso.questions.imports.DocxBank.u;
import static vn.truongso.support.WebUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.questions.imports.Attachments;
import vn.truongso.questions.imports.DocxBank;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** The question bank pages as a teacher uses them, and who may open them. */
@IntegrationTest
class QuestionPagesTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    TestSchool other;

    @BeforeEach
    void setUp() {
        school = testSchools.create();
        other = testSchools.create();
    }

    CurrentUser user(TestSchool s, Role role) {
        return WebUsers.user(accounts, s, role);
    }

    String base() {
        return "/questions/schools/" + school.schoolId();
    }

    static String location(ResultActions result) {
        return result.andReturn().getResponse().getRedirectedUrl();
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    UUID createBank(String name) throws Exception {
        String created = location(mvc.perform(post(base() + "/banks").with(as(user(school, Role.TEACHER))).with(csrf()).param("name", name)
                .param("subjectCode", "TOAN").param("grade", "6").param("cognitiveScheme", "BHV")).andExpect(status().is3xxRedirection()));
        return UUID.fromString(created.substring(created.lastIndexOf('/') + 1));
    }

    static byte[] docx(boolean broken, byte[] png) {
        DocxBank doc = new DocxBank().p(b("Câu 1."), " Tính \\(\\frac{1}{2} + \\frac{1}{2}\\).").p("A. 0").p(u("B. 1")).p("C. 2").p("D. 3")
                .p(b("Câu 2."), " Hình nào là hình vuông?");
        if (png != null) {
            doc.image("", png);
        }
        doc.p(u("A. Hình 1")).p("B. Hình 2");
        if (!broken) {
            doc.p("C. Hình 3");
        }
        return doc.p("D. Hình 4").bytes();
    }

    long questions(UUID bankId) {
        return jdbc.sql("SELECT count(*) FROM question WHERE school_id = ? AND bank_id = ?").params(school.schoolId(), bankId).query(Long.class)
                .single();
    }

    @Test
    void aTeacherCreatesABankImportsAWordFileFixesItAndCommits() throws Exception {
        mvc.perform(get("/questions").with(as(user(school, Role.TEACHER)))).andExpect(redirectedUrl(base()));
        mvc.perform(get(base()).with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-bank\""))).andExpect(content().string(containsString("Ngân hàng câu hỏi")));
        mvc.perform(get(base() + "/banks/new").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"bank-form\"")));
        // A bank without a name comes back with the error.
        mvc.perform(post(base() + "/banks").with(as(user(school, Role.TEACHER))).with(csrf()).param("name", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("Cần nhập tên ngân hàng câu hỏi.")));
        UUID bankId = createBank("Toán 6 – Phân số");
        String bank = base() + "/banks/" + bankId;
        mvc.perform(post(bank).with(as(user(school, Role.TEACHER))).with(csrf()).param("name", "Toán 6 – Phân số (chương 2)")
                .param("subjectCode", "TOAN").param("grade", "6")).andExpect(redirectedUrl(bank));
        mvc.perform(get(base()).with(as(user(school, Role.PRINCIPAL)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Toán 6 – Phân số (chương 2)"))).andExpect(content().string(not(containsString("id=\"new-bank\""))));

        mvc.perform(get(bank + "/import").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-upload\""))).andExpect(content().string(containsString("id=\"xlsx-template\"")));
        mvc.perform(get(base() + "/import-template").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));

        // The broken file: option C of question 2 is missing. The page names the question; nothing is stored.
        byte[] png = DocxBank.png(0x0012AB34);
        String preview = body(mvc.perform(multipart(bank + "/import").file(new MockMultipartFile("file", "on-tap.docx", DOCX, docx(true, png)))
                .param("format", "auto").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(status().isOk()));
        assertThat(preview).contains("id=\"problems\"").contains("Câu 2").contains("Thiếu phương án C").doesNotContain("id=\"commit-form\"")
                .contains("id=\"import-upload\"");
        assertThat(questions(bankId)).isZero();

        // The corrected file previews without problems and commits every question.
        preview = body(mvc.perform(multipart(bank + "/import").file(new MockMultipartFile("file", "on-tap.docx", DOCX, docx(false, png)))
                .param("format", "auto").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(status().isOk()));
        assertThat(preview).doesNotContain("id=\"problems\"").contains("id=\"commit-form\"").contains("Nhập vào ngân hàng")
                .contains("katex.min.js");
        Matcher commit = Pattern.compile("action=\"([^\"]*/commit)\"").matcher(preview);
        assertThat(commit.find()).isTrue();
        // Another school's teacher cannot commit it; a student may not.
        mvc.perform(post(commit.group(1)).with(as(user(other, Role.TEACHER))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(commit.group(1)).with(as(user(school, Role.STUDENT))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(commit.group(1)).with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(redirectedUrl(bank));
        assertThat(questions(bankId)).isEqualTo(2);

        // The bank lists both, the key marked for staff, the formula left for KaTeX, the image served from the BlobStore.
        String page = body(mvc.perform(get(bank).with(as(user(school, Role.TEACHER)))).andExpect(status().isOk()));
        String sha = Attachments.sha256(png);
        assertThat(page).contains("Tìm thấy 2 câu").contains("ts-correct").contains("\\frac{1}{2}").contains("/media/" + sha)
                .contains("katex.min.css");
        mvc.perform(get(base() + "/media/" + sha).with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/questions/schools/" + other.schoolId() + "/media/" + sha).with(as(user(other, Role.TEACHER))))
                .andExpect(status().isNotFound());
        mvc.perform(get(base() + "/media/" + sha).with(as(user(other, Role.TEACHER)))).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/media/" + sha).with(as(user(school, Role.STUDENT)))).andExpect(status().isNotFound());

        // Search ignores diacritics; the type filter narrows.
        assertThat(body(mvc.perform(get(bank).param("q", "hinh vuong").with(as(user(school, Role.TEACHER)))))).contains("Tìm thấy 1 câu");
        assertThat(body(mvc.perform(get(bank).param("type", "ESSAY").with(as(user(school, Role.TEACHER)))))).contains("Tìm thấy 0 câu");
        mvc.perform(get(bank + "/export").param("format", "gift").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hình nào là hình vuông")));
    }

    @Test
    void aWordBanksChaptersAndLevelsAreStoredForBlueprintsAndShownOnTheBankPage() throws Exception {
        UUID bankId = createBank("Toán 6 – Giữa kì");
        String bank = base() + "/banks/" + bankId;
        byte[] file = new DocxBank().p(b("Chương 1. Phân số")).p(b("Câu 1 (NB):"), " Phân số nào bằng 1/2?").p(u("A. 2/4")).p("B. 1/3")
                .p(b("Chương 2. Số thập phân")).p(b("Câu 2 (TH):"), " Số nào lớn nhất?").p("A. 0,1").p(u("B. 0,9"))
                .p(b("Câu 3 (VDC):"), " Tính nhanh.").p("A. 1").p(u("B. 2")).bytes();
        String preview = body(mvc.perform(multipart(bank + "/import").file(new MockMultipartFile("file", "giua-ki.docx", DOCX, file))
                .param("format", "auto").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(status().isOk()));
        // The bank counts Biết/Hiểu/Vận dụng: "NB" and "TH" are its first two levels, "VDC" is none of them.
        assertThat(preview).contains("id=\"problems\"").contains("Câu 3").contains("Vận dụng cao").doesNotContain("id=\"commit-form\"");

        file = new DocxBank().p(b("Chương 1. Phân số")).p(b("Câu 1 (NB):"), " Phân số nào bằng 1/2?").p(u("A. 2/4")).p("B. 1/3")
                .p(b("Chương 2. Số thập phân")).p(b("Câu 2 (TH):"), " Số nào lớn nhất?").p("A. 0,1").p(u("B. 0,9")).bytes();
        preview = body(mvc.perform(multipart(bank + "/import").file(new MockMultipartFile("file", "giua-ki.docx", DOCX, file))
                .param("format", "auto").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(status().isOk()));
        Matcher commit = Pattern.compile("action=\"([^\"]*/commit)\"").matcher(preview);
        assertThat(commit.find()).as(preview).isTrue();
        mvc.perform(post(commit.group(1)).with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(redirectedUrl(bank));
        assertThat(jdbc.sql("SELECT category || '|' || cognitive_level FROM question WHERE school_id = ? AND bank_id = ? ORDER BY position")
                .params(school.schoolId(), bankId).query(String.class).list())
                .containsExactly("Chương 1. Phân số|BIET", "Chương 2. Số thập phân|HIEU");
        String page = body(mvc.perform(get(bank).with(as(user(school, Role.TEACHER)))).andExpect(status().isOk()));
        assertThat(page).contains(">Chương 2. Số thập phân<").contains(">Hiểu<").contains("href=\"/papers/blueprints/new?bankId=" + bankId + "\"");
    }

    @Test
    void whoMayOpenTheBankPages() throws Exception {
        UUID bankId = createBank("Toán 6");
        String bank = base() + "/banks/" + bankId;
        List<String> pages = List.of(base(), bank, bank + "/import", base() + "/banks/new", bank + "/edit", base() + "/practice-sets");
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(page).with(as(user(school, Role.STUDENT)))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(as(user(other, Role.TEACHER)))).andExpect(status().isNotFound());
        }
        // The principal reads but does not manage.
        mvc.perform(get(bank).with(as(user(school, Role.PRINCIPAL)))).andExpect(status().isOk());
        mvc.perform(get(bank + "/import").with(as(user(school, Role.PRINCIPAL)))).andExpect(status().isForbidden());
        mvc.perform(post(base() + "/banks").with(as(user(school, Role.PRINCIPAL))).with(csrf()).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(multipart(bank + "/import").file(new MockMultipartFile("file", "a.docx", DOCX, docx(false, null)))
                .with(as(user(other, Role.TEACHER))).with(csrf())).andExpect(status().isNotFound());
        // Another school's bank id under one's own school is not found either.
        mvc.perform(get("/questions/schools/" + other.schoolId() + "/banks/" + bankId).with(as(user(other, Role.TEACHER))))
                .andExpect(status().isNotFound());
    }
}
