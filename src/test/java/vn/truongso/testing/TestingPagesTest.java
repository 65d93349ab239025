package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.WebUsers;
import vn.truongso.testing.TestingFixture.Student;

/** The teacher's and the student's pages render, the create form reports errors, and roles are kept apart. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestingPagesTest {

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

    TestingFixture f;
    UUID bankId;
    Student student;
    CurrentUser teacher;

    @BeforeAll
    void setUp() throws Exception {
        f = new TestingFixture(mvc, json, jdbc, accounts, schools);
        bankId = f.bank();
        student = f.student("Trịnh Thu Trang");
        teacher = WebUsers.user(accounts, f.school, Role.TEACHER);
    }

    String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aTeacherCreatesASessionFromTheFormAndMonitorsIt() throws Exception {
        String base = "/schools/" + f.school.schoolId() + "/test-sessions";
        assertThat(page(get(base).with(WebUsers.as(teacher)), 200)).contains("session-form").contains("6A1").contains("id=\"practiceSetId\"");
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withSecond(0).withNano(0);
        String errors = page(post(base).with(WebUsers.as(teacher)).with(csrf()).param("title", "").param("bankId", bankId.toString())
                .param("opensAt", now.toString()).param("closesAt", now.minusHours(1).toString()).param("durationMinutes", "45")
                .param("resultsPolicy", "IMMEDIATELY").param("purpose", "REGULAR"), 200);
        assertThat(errors).contains("form-errors").contains("Cần nhập tên bài kiểm tra").contains("Cần giao bài");
        var created = mvc.perform(post(base).with(WebUsers.as(teacher)).with(csrf()).param("title", "Kiểm tra 15 phút").param("bankId", bankId.toString())
                .param("classIds", f.school.classId().toString()).param("opensAt", now.minusMinutes(5).toString())
                .param("closesAt", now.plusHours(1).toString()).param("durationMinutes", "15").param("attemptsAllowed", "1")
                .param("resultsPolicy", "IMMEDIATELY").param("purpose", "REGULAR").param("shuffleQuestions", "on")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        String monitor = created.getRedirectedUrl();
        String html = page(get(monitor).with(WebUsers.as(teacher)), 200);
        assertThat(html).contains("Kiểm tra 15 phút").contains("Trịnh Thu Trang").contains("hx-get");
        assertThat(page(get(monitor + "/progress").with(WebUsers.as(teacher)), 200)).contains("Trịnh Thu Trang");
        assertThat(page(get(monitor + "/essays").with(WebUsers.as(teacher)), 200)).contains("Chấm tự luận");

        CurrentUser pupil = WebUsers.user(accounts, student.accountId());
        String mine = page(get("/tests").with(WebUsers.as(pupil)), 200);
        assertThat(mine).contains("Kiểm tra 15 phút");
        String sessionId = monitor.substring(monitor.lastIndexOf('/') + 1);
        String take = page(get("/tests/" + f.school.schoolId() + "/" + sessionId).with(WebUsers.as(pupil)), 200);
        assertThat(take).contains("/js/testing-take-").contains("data-session=\"" + sessionId + "\"");
        // Roles stay apart: the student cannot open the monitor, the teacher has no test to take.
        page(get(monitor).with(WebUsers.as(pupil)), 403);
        page(get("/tests/" + f.school.schoolId() + "/" + sessionId).with(WebUsers.as(teacher)), 403);
    }
}
