package vn.truongso.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** The curriculum pages: subjects per grade, topics with outcomes, and the check-then-apply topic import. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurriculumPagesTest {

    private static final Pattern FILE_ID = Pattern.compile("name=\"fileId\" value=\"([0-9a-f]{64})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;

    @BeforeAll
    void createSchool() {
        school = testSchools.create();
    }

    private RequestPostProcessor signedIn(Role role) throws Exception {
        var result = mvc.perform(formLogin("/login").user(school.usernames().get(role)).password(TestSchools.PASSWORD)).andReturn();
        return WebUsers.session(result);
    }

    @Test
    void aTeacherSeesTheSubjectsOfAGradeWithPeriodsAndAssessment() throws Exception {
        var teacher = signedIn(Role.TEACHER);
        mvc.perform(get("/curriculum").param("grade", "6").with(teacher)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chương trình GDPT 2018"), containsString(">Toán</a>"),
                        containsString("Nhận xét (Đạt / Chưa đạt)"), containsString("Biết"), not(containsString("id=\"curriculum-import\"")))));
        mvc.perform(get("/curriculum").param("grade", "2").param("lang", "en").with(teacher)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Mathematics</a>"), containsString("Circular 27/2020"))));
        mvc.perform(get("/curriculum").param("grade", "13").with(teacher)).andExpect(status().isNotFound());
        mvc.perform(get("/curriculum/subjects/KHONG_CO/grades/6").with(teacher)).andExpect(status().isNotFound());
        // Tin học is not taught in grade 1 (it starts in grade 3).
        mvc.perform(get("/curriculum/subjects/TIN_HOC/grades/1").with(teacher)).andExpect(status().isNotFound());
    }

    @Test
    void aSoOfficerChecksAFileThenAppliesItAndTeachersSeeTheTopics() throws Exception {
        var officer = signedIn(Role.SO_OFFICER);
        String p = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        byte[] file = TopicWorkbooks.xlsx(List.of(
                List.of("TOAN", 7, p + "-C1", "Chủ đề trang " + p, 1, "YC1", "Biết cộng hai phân số " + p),
                List.of("TOAN", 7, p + "-C1", "Chủ đề trang " + p, 1, "YC2", "Vận dụng phân số " + p)));

        String preview = mvc.perform(multipart("/curriculum/import").file(xlsx(file)).with(csrf()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp hợp lệ: 2 dòng, 1 chủ đề (1 mới, 0 đã có), 2 yêu cầu cần đạt (2 mới, 0 đã có)")))
                .andReturn().getResponse().getContentAsString();
        assertThat(topics(p)).as("checking changes nothing").isZero();

        Matcher fileId = FILE_ID.matcher(preview);
        assertThat(fileId.find()).isTrue();
        mvc.perform(post("/curriculum/import/apply").param("fileId", "0".repeat(64)).with(csrf()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tệp cần được kiểm tra lại")));
        assertThat(topics(p)).isZero();
        mvc.perform(post("/curriculum/import/apply").param("fileId", fileId.group(1)).with(csrf()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã nhập: 1 chủ đề mới")));
        assertThat(topics(p)).isEqualTo(1);

        mvc.perform(get("/curriculum/subjects/TOAN/grades/7").with(signedIn(Role.TEACHER))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Chủ đề trang " + p), containsString("Vận dụng phân số " + p))));
    }

    @Test
    void aFileWithErrorsListsThemAndChangesNothing() throws Exception {
        var officer = signedIn(Role.SO_OFFICER);
        String p = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        byte[] file = TopicWorkbooks.xlsx(List.of(List.of("Môn không có", 6, p, "Chủ đề " + p, 1, "YC1", "Yêu cầu")));
        mvc.perform(multipart("/curriculum/import").file(xlsx(file)).with(csrf()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"import-errors\""), containsString("dòng 2"),
                        containsString("Không nhận ra môn học"), not(containsString("id=\"import-apply\"")))));
        mvc.perform(multipart("/curriculum/import").with(csrf()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa chọn tệp.")));
        assertThat(topics(p)).isZero();
    }

    @Test
    void onlyReferenceDataManagersMayImportAndEveryoneMustSignIn() throws Exception {
        for (Role role : List.of(Role.TEACHER, Role.PRINCIPAL, Role.PHONG_OFFICER, Role.IT_STAFF, Role.STUDENT)) {
            var user = signedIn(role);
            mvc.perform(get("/curriculum/import").with(user)).andExpect(status().isForbidden());
            mvc.perform(multipart("/curriculum/import").file(xlsx(new byte[] {1})).with(csrf()).with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/curriculum/import/apply").param("fileId", "x").with(csrf()).with(user)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/curriculum/import").with(signedIn(Role.SYSTEM_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/curriculum")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/curriculum/import")).andExpect(redirectedUrl("/login"));
    }

    private static MockMultipartFile xlsx(byte[] content) {
        return new MockMultipartFile("file", "chu-de.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    private long topics(String prefix) {
        return jdbc.sql("SELECT count(*) FROM topic WHERE code LIKE ?").param(prefix + "%").query(Long.class).single();
    }
}
