package vn.truongso.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.directory.domain.TeachingAssignment;
import vn.truongso.directory.domain.TeachingAssignments;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Ids;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * What the directory pages show and do: Vietnamese name order, search without diacritics (full page and htmx
 * fragment), transfers in and out with errors next to the fields, the teacher's and the officer's home pages, the
 * menu per role, and pages that keep to the strict content security policy.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPagesTest {

    /** Given names sort An < Anh < Bình < Dung < Đạt in Vietnamese (Đ after D); the order here is shuffled. */
    static final List<String> NAMES = List.of("Đỗ Văn Đạt", "Trần Thị Bình", "Nguyễn Văn An", "Phạm Thị Dung", "Lê Đức Anh");
    static final List<String> VIETNAMESE_ORDER = List.of("Nguyễn Văn An", "Lê Đức Anh", "Trần Thị Bình", "Phạm Thị Dung", "Đỗ Văn Đạt");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    TeachingAssignments assignments;

    TestSchool school;
    CurrentUser principal;
    String base;
    final List<UUID> students = new ArrayList<>();

    @BeforeAll
    void createSchoolWithStudents() throws Exception {
        school = testSchools.create();
        principal = WebUsers.user(accounts, school, Role.PRINCIPAL);
        base = "/schools/" + school.schoolId();
        int n = 0;
        for (String name : NAMES) {
            String location = mvc.perform(post(base + "/students/transfers-in").with(csrf()).with(as(principal))
                            .param("learnerCode", "DP" + String.format("%06d", ++n)).param("fullName", name).param("birthDate", "02/03/2014")
                            .param("sex", name.contains("Thị") ? "FEMALE" : "MALE").param("classId", school.classId().toString())
                            .param("effectiveOn", "2026-09-05").param("fromSchool", "Trường Tiểu học Kỳ Đồng"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            students.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        }
    }

    @Test
    void theClassListsItsStudentsInVietnameseOrderWithAnExportLink() throws Exception {
        String page = mvc.perform(get(base + "/classes/" + school.classId()).with(as(principal))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(namesInOrder(page)).filteredOn(VIETNAMESE_ORDER::contains).containsExactlyElementsOf(VIETNAMESE_ORDER);
        assertThat(page).contains("/api/v1/schools/" + school.schoolId() + "/classes/" + school.classId() + "/export")
                .contains("Phạm Thị Giáo"); // the homeroom teacher
    }

    @Test
    void aSearchWithoutDiacriticsFindsTheStudent() throws Exception {
        String page = mvc.perform(get(base + "/students").param("q", "nguyen van an").with(as(principal))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(namesInOrder(page)).containsExactly("Nguyễn Văn An");
        assertThat(page).contains("<html").contains("id=\"student-search\"");

        // htmx asks for the results only; the answer varies on that header so caches keep the two apart.
        String fragment = mvc.perform(get(base + "/students").param("q", "DAT").header("HX-Request", "true").with(as(principal)))
                .andExpect(status().isOk()).andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").startsWith("<div id=\"student-results\"");
        assertThat(namesInOrder(fragment)).containsExactly("Đỗ Văn Đạt");

        // A history restore wants the whole page again.
        mvc.perform(get(base + "/students").param("q", "dat").header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .with(as(principal))).andExpect(content().string(containsString("<html")));
        // Every student of the school, in order, when nothing is typed.
        assertThat(namesInOrder(mvc.perform(get(base + "/students").with(as(principal))).andReturn().getResponse().getContentAsString()))
                .containsSubsequence(VIETNAMESE_ORDER);
    }

    @Test
    void aTransferInWithMistakesShowsEachNextToItsFieldAndChangesNothing() throws Exception {
        mvc.perform(post(base + "/students/transfers-in").with(csrf()).with(as(principal)).param("learnerCode", "DPBAD001")
                        .param("fullName", "Vũ Thị Hoa").param("birthDate", "31/02/2014").param("sex", "").param("classId", "")
                        .param("effectiveOn", "2026-10-01").param("fromSchool", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-birthDate-error\"")))
                .andExpect(content().string(containsString("Ngày &#39;31/02/2014&#39; không hợp lệ")))
                .andExpect(content().string(containsString("Thiếu giới tính (Nam hoặc Nữ).")))
                .andExpect(content().string(containsString("Thiếu tên trường chuyển đi/chuyển đến.")))
                .andExpect(content().string(containsString("value=\"Vũ Thị Hoa\"")))
                .andExpect(content().string(containsString("<details class=\"card mt-4\" id=\"transfer-in\" open")));
        mvc.perform(get(base + "/students").param("q", "vu thi hoa").with(as(principal)))
                .andExpect(content().string(containsString("Không tìm thấy học sinh nào.")));
    }

    @Test
    void aTransferOutClosesTheEnrolmentAndIsKeptInTheHistory() throws Exception {
        String location = mvc.perform(post(base + "/students/transfers-in").with(csrf()).with(as(principal)).param("learnerCode", "DPOUT001")
                        .param("fullName", "Hồ Thị Xuân").param("birthDate", "2014-01-09").param("sex", "FEMALE")
                        .param("classId", school.classId().toString()).param("effectiveOn", "2026-09-05").param("fromSchool", "TH Kỳ Đồng"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID student = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(namesInOrder(mvc.perform(get(base + "/classes/" + school.classId()).with(as(principal))).andReturn().getResponse()
                .getContentAsString())).contains("Hồ Thị Xuân");
        mvc.perform(post(base + "/students/" + student + "/transfer-out").with(csrf()).with(as(principal)).param("effectiveOn", "")
                        .param("toSchool", "THCS Lê Lợi"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Thiếu ngày chuyển.")));
        mvc.perform(post(base + "/students/" + student + "/transfer-out").with(csrf()).with(as(principal)).param("effectiveOn", "15/01/2027")
                .param("toSchool", "THCS Lê Lợi").param("reason", "Gia đình chuyển nhà")).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/students/" + student).with(as(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã chuyển đi")))
                .andExpect(content().string(containsString("THCS Lê Lợi")))
                .andExpect(content().string(containsString("15/01/2027")))
                .andExpect(content().string(not(containsString("id=\"transfer-out\""))));
        String classPage = mvc.perform(get(base + "/classes/" + school.classId()).with(as(principal))).andReturn().getResponse()
                .getContentAsString();
        assertThat(namesInOrder(classPage)).doesNotContain("Hồ Thị Xuân");
    }

    @Test
    void theAssignmentTableNamesTheTeacherOfEachSubjectInEachClass() throws Exception {
        UUID teacherStaffId = WebUsers.user(accounts, school, Role.TEACHER).personId();
        assignments.assign(new TeachingAssignment(school.schoolId(), Ids.newId(), school.yearId(), teacherStaffId, "TOAN", school.classId()));
        assignments.assign(new TeachingAssignment(school.schoolId(), Ids.newId(), school.yearId(), teacherStaffId, "NGU_VAN", school.classId()));
        String page = mvc.perform(get(base + "/assignments").with(as(principal))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // Columns in the programme's order (Ngữ văn before Toán), each cell naming the teacher.
        assertThat(page).containsSubsequence("<th scope=\"col\">Ngữ văn</th>", "<th scope=\"col\">Toán</th>", ">6A1</a></th>",
                "<td>Phạm Thị Giáo</td>", "<td>Phạm Thị Giáo</td>");
        mvc.perform(get(base + "/classes/" + school.classId()).with(as(principal)))
                .andExpect(content().string(containsString("id=\"class-teachers\"")));
        mvc.perform(get("/my-classes").with(as(WebUsers.user(accounts, school, Role.TEACHER))))
                .andExpect(content().string(containsString("Ngữ văn")));
    }

    @Test
    void aTeacherSeesHerClassesAndNoManagementLinks() throws Exception {
        var teacher = WebUsers.user(accounts, school, Role.TEACHER);
        mvc.perform(get("/").with(as(teacher))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"my-classes\"")))
                .andExpect(content().string(containsString("6A1")))
                .andExpect(content().string(containsString("Chủ nhiệm")))
                .andExpect(content().string(not(containsString(base + "/roster"))))
                .andExpect(content().string(not(containsString(base + "/accounts"))));
        mvc.perform(get("/my-classes").with(as(teacher))).andExpect(content().string(containsString(base + "/classes/" + school.classId())));
        mvc.perform(get("/").with(as(principal))).andExpect(content().string(containsString(base + "/roster")))
                .andExpect(content().string(containsString(base + "/accounts")));
    }

    @Test
    void officersSeeTheSchoolsOfTheirUnitOnly() throws Exception {
        TestSchool other = testSchools.create();
        var officer = WebUsers.user(accounts, school, Role.PHONG_OFFICER);
        String home = mvc.perform(get("/").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/schools/" + school.schoolId() + "/classes").doesNotContain(other.schoolId().toString());
        // An officer browsing a school gets that school's menu.
        mvc.perform(get(base + "/classes").with(as(officer))).andExpect(content().string(containsString(base + "/students")));
    }

    @Test
    void studentsAndParentsHaveASimpleHome() throws Exception {
        mvc.perform(get("/").with(as(WebUsers.user(accounts, school, Role.PARENT)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"parent-home\"")));
        mvc.perform(get("/").with(as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(base + "/classes"))));
    }

    @Test
    void pagesKeepToTheContentSecurityPolicy() throws Exception {
        UUID student = students.getFirst();
        for (String path : List.of("/", "/my-classes", base + "/classes", base + "/classes/" + school.classId(), base + "/students",
                base + "/students/" + student, base + "/staff", base + "/subject-groups", base + "/assignments", base + "/roster",
                base + "/accounts", base + "/audit", "/account/password", "/account/tokens")) {
            String page = mvc.perform(get(path).with(as(principal))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("hx-on").doesNotContain(" onclick=")
                    .doesNotContain(" onsubmit=").doesNotContain("javascript:");
            assertThat(page).as(path).contains("name=\"viewport\"").contains("navbar-toggler");
        }
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get(base + "/classes").param("lang", "en").with(as(principal))).andExpect(content().string(containsString("Classes")))
                .andExpect(content().string(containsString("Grade 6")));
        mvc.perform(get(base + "/classes").with(as(principal))).andExpect(content().string(containsString("Khối 6")));
    }

    /** The students' names in the order the page lists them. */
    static List<String> namesInOrder(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"ts-student-name\"[^>]*>([^<]+)<").matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
