package vn.truongso.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.RosterWorkbook;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * The roster pages with the real import service: a file with mistakes lists each one by sheet, row and column and
 * cannot be committed; a good file is previewed, committed once, its new accounts shown with their temporary passwords
 * and downloadable once as a workbook.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;

    TestSchool school;
    CurrentUser principal;
    String base;

    @BeforeAll
    void createSchool() {
        school = testSchools.create();
        principal = WebUsers.user(accounts, school, Role.PRINCIPAL);
        base = "/schools/" + school.schoolId() + "/roster";
    }

    @Test
    void theUploadPageOffersTheTemplate() throws Exception {
        mvc.perform(get(base).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/schools/" + school.schoolId() + "/roster/template")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithAMessage() throws Exception {
        var file = new MockMultipartFile("file", "danh-sach.xlsx", RosterPages.XLSX, "Họ và tên;Lớp\nAn;6A1\n".getBytes());
        mvc.perform(multipart(base).file(file).with(csrf()).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"roster-errors\"")))
                .andExpect(content().string(containsString("không phải tệp Excel .xlsx")))
                .andExpect(content().string(containsString("id=\"roster-commit\" disabled")));
        mvc.perform(multipart(base).with(csrf()).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa chọn tệp.")));
    }

    @Test
    void mistakesAreListedBySheetRowAndColumnAndBlockTheCommit() throws Exception {
        byte[] workbook = RosterWorkbook.teacherWithClass("Lý Thị Hạnh", "hanh." + UUID.randomUUID().toString().substring(0, 6) + "@truong.edu.vn",
                "7C5", List.<String[]>of(new String[] {"ERR00001", "Võ Văn Tâm", "31/02/2013", "Nam"})).bytes();
        String page = mvc.perform(multipart(base).file(new MockMultipartFile("file", "loi.xlsx", RosterPages.XLSX, workbook)).with(csrf())
                        .with(as(principal)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"roster-counts\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Trang tính &#39;Học sinh&#39;, dòng 2, cột &#39;Ngày sinh&#39;").contains("31/02/2013")
                .doesNotContain("/commit\"");
        assertThat(page).containsPattern("id=\"roster-commit\"[^>]*disabled");
    }

    @Test
    void aGoodFileIsPreviewedCommittedOnceAndItsAccountsHandedOut() throws Exception {
        String email = "lan." + UUID.randomUUID().toString().substring(0, 6) + "@truong.edu.vn";
        String username = email.substring(0, email.indexOf('@'));
        byte[] workbook = RosterWorkbook.teacherWithClass("Đặng Thị Lan", email, "8D3", List.of(
                new String[] {"OK000001", "Bùi Văn Hùng", "04/04/2012", "Nam"},
                new String[] {"OK000002", "Cao Thị Yến", "05/05/2012", "Nữ"})).bytes();
        String preview = mvc.perform(multipart(base).file(new MockMultipartFile("file", "tot.xlsx", RosterPages.XLSX, workbook)).with(csrf())
                        .with(as(principal)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"roster-errors\""))))
                .andReturn().getResponse().getContentAsString();
        Matcher commit = Pattern.compile("action=\"(" + Pattern.quote(base) + "/([0-9a-f-]{36})/commit)\"").matcher(preview);
        assertThat(commit.find()).as("a commit form").isTrue();
        assertThat(preview).contains("Bùi Văn Hùng").containsPattern("data-sheet=\"STUDENTS\">\\s*<th[^>]*>Học sinh</th>\\s*<td[^>]*>2</td>");
        String uploadId = commit.group(2);

        // Someone without the capability cannot commit it, nor can another school.
        mvc.perform(post(commit.group(1)).with(csrf()).with(as(WebUsers.user(accounts, school, Role.TEACHER)))).andExpect(status().isForbidden());

        String result = mvc.perform(post(commit.group(1)).with(csrf()).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"roster-done\""))).andReturn().getResponse().getContentAsString();
        Matcher password = Pattern.compile("data-username=\"" + Pattern.quote(username)
                + "\">.*?class=\"ts-secret ts-password\">([A-Za-z0-9]{12})<", Pattern.DOTALL).matcher(result);
        assertThat(password.find()).as("the teacher's temporary password").isTrue();
        assertThat(result).contains("data-username=\"OK000001\"").contains("data-username=\"OK000002\"");
        // The temporary password works, and must be changed at once.
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login").user(username)
                .password(password.group(1))).andExpect(header().string("Location", "/account/password"));

        // Committed once: a second commit changes nothing and says so.
        mvc.perform(post(commit.group(1)).with(csrf()).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"roster-errors\"")));

        // The credentials workbook: once, for the committer.
        mvc.perform(post(base + "/" + uploadId + "/credentials").with(csrf()).with(as(WebUsers.user(accounts, school, Role.IT_STAFF))))
                .andExpect(status().isForbidden());
        var download = mvc.perform(post(base + "/" + uploadId + "/credentials").with(csrf()).with(as(principal))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", RosterPages.XLSX)).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getContentAsByteArray()).startsWith('P', 'K');
        mvc.perform(post(base + "/" + uploadId + "/credentials").with(csrf()).with(as(principal))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("chỉ tải được một lần")));
    }
}
