package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * Practice sets: a teacher builds one from a bank for her class with a publish and a due date; a student of that class
 * sees it, answers, and gets the key only after answering; students of other classes and schools are refused.
 */
@IntegrationTest
class PracticePagesTest {

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
    UUID bankId;

    CurrentUser user(TestSchool s, Role role) {
        return WebUsers.user(accounts, s, role);
    }

    /** A student of the school enrolled in a class, with her own account. */
    CurrentUser student(TestSchool s, UUID classId, String name) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO student (school_id, id, learner_code, full_name, given_name, name_folded, birth_date, sex)
                VALUES (?, ?, ?, ?, ?, ?, DATE '2014-03-02', 'FEMALE')""")
                .params(s.schoolId(), id, "HS" + id.toString().substring(24), name, name, name.toLowerCase()).update();
        jdbc.sql("INSERT INTO enrolment (school_id, id, student_id, school_year_id, class_id, starts_on) VALUES (?, ?, ?, ?, ?, DATE '2026-09-05')")
                .params(s.schoolId(), Ids.newId(), id, s.yearId(), classId).update();
        UUID account = accounts.create(new Accounts.NewAccount("hs." + id, name, s.schoolId(), id, List.of(new RoleGrant(Role.STUDENT, s.schoolId()))),
                TestSchools.PASSWORD, false);
        return WebUsers.user(accounts, account);
    }

    UUID newClass(TestSchool s, String name) {
        UUID id = Ids.newId();
        jdbc.sql("INSERT INTO school_class (school_id, id, school_year_id, grade, name) VALUES (?, ?, ?, 6, ?)").params(s.schoolId(), id, s.yearId(), name)
                .update();
        return id;
    }

    @BeforeEach
    void setUp() throws Exception {
        school = testSchools.create();
        other = testSchools.create();
        bankId = QuestionEditPagesTest.bankWithQuestions(mvc, user(school, Role.TEACHER), school.schoolId());
    }

    String sets() {
        return "/questions/schools/" + school.schoolId() + "/practice-sets";
    }

    MockHttpServletRequestBuilder createSet(String title, LocalDate publishOn, UUID classId) {
        return post(sets()).with(as(user(school, Role.TEACHER))).with(csrf()).param("bankId", bankId.toString()).param("title", title)
                .param("classIds", classId.toString()).param("publishOn", publishOn.toString()).param("dueOn", publishOn.plusDays(20).toString())
                .param("count", "10");
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aStudentOfTheClassPractisesWithFeedbackAfterEachAnswer() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(html(get(sets() + "/new").param("bankId", bankId.toString()).with(as(user(school, Role.TEACHER))))).contains("id=\"practice-form\"")
                .contains("6A1").contains("Số nào là số nguyên tố?");
        // Errors come back on the form: no class, a due date before the publish date.
        assertThat(html(post(sets()).with(as(user(school, Role.TEACHER))).with(csrf()).param("bankId", bankId.toString()).param("title", "Ôn tập")
                .param("publishOn", today.toString()).param("dueOn", today.minusDays(1).toString())))
                .contains("Cần chọn ít nhất một lớp.").contains("Hạn hoàn thành không được trước ngày công bố.");
        // A class she does not teach is refused.
        UUID otherClass = newClass(school, "6A2");
        assertThat(html(createSet("Ôn tập", today, otherClass))).contains("Chỉ giao được cho các lớp bạn dạy.");

        String created = mvc.perform(createSet("Ôn tập chương 1", today, school.classId())).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        UUID setId = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));
        mvc.perform(createSet("Ôn tập chương 2 (tháng sau)", today.plusDays(10), school.classId())).andExpect(status().is3xxRedirection());
        assertThat(html(get(sets()).with(as(user(school, Role.TEACHER))))).contains("Ôn tập chương 1").contains("6A1");
        assertThat(html(get(created).with(as(user(school, Role.TEACHER))))).contains("ts-correct");

        // The student of 6A1 sees only the published set; its page carries no key.
        CurrentUser lan = student(school, school.classId(), "Lan");
        mvc.perform(get("/questions").with(as(lan))).andExpect(status().is3xxRedirection());
        String mine = html(get("/questions/practice").with(as(lan)));
        assertThat(mine).contains("Ôn tập chương 1").doesNotContain("tháng sau");
        String take = "/questions/practice/" + school.schoolId() + "/" + setId;
        String page = html(get(take).with(as(lan)));
        assertThat(page).contains("Số nào là số nguyên tố?").doesNotContain("ts-correct").doesNotContain("Đáp án đúng")
                .doesNotContain("Key=").contains("hx-post");

        UUID single = jdbc.sql("SELECT id FROM question WHERE school_id = ? AND bank_id = ? AND type = 'SINGLE_CHOICE'").params(school.schoolId(), bankId)
                .query(UUID.class).single();
        // A wrong answer: no points, then the key. A right one: full points. Best and last are kept.
        String wrong = html(post(take + "/questions/" + single).with(as(lan)).with(csrf()).param("selected", "A"));
        assertThat(wrong).contains("Chưa đúng").contains("0/1").contains("ts-correct");
        String right = html(post(take + "/questions/" + single).with(as(lan)).with(csrf()).param("selected", "B"));
        assertThat(right).contains("Chính xác!").contains("1/1");
        html(post(take + "/questions/" + single).with(as(lan)).with(csrf()).param("selected", "C"));
        var result = jdbc.sql("SELECT last_points, best_points, attempts FROM practice_result WHERE school_id = ? AND set_id = ? AND question_id = ?")
                .params(school.schoolId(), setId, single).query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
        assertThat(result.get(0)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(result.get(1)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(result.get(2)).isEqualByComparingTo("3");
        assertThat(html(get(take).with(as(lan)))).contains("cao nhất: 1/");
        // The teacher sees each student's results; the student's menu offers "Ôn tập".
        assertThat(html(get(created).with(as(user(school, Role.TEACHER))))).contains("id=\"results\"").contains("Lan")
                .contains("Lần gần nhất\">0/3<").contains("Cao nhất\">1/3<");
        assertThat(html(get("/questions/practice").with(as(lan)))).contains("href=\"/questions/practice\"");

        // The true/false cluster and the short answer are scored on the server too.
        UUID cluster = jdbc.sql("SELECT id FROM question WHERE school_id = ? AND bank_id = ? AND type = 'TRUE_FALSE_CLUSTER'")
                .params(school.schoolId(), bankId).query(UUID.class).single();
        assertThat(html(post(take + "/questions/" + cluster).with(as(lan)).with(csrf()).param("v_a", "true").param("v_b", "false")
                .param("v_c", "true").param("v_d", "false"))).contains("Chính xác!");
        UUID shortAnswer = jdbc.sql("SELECT id FROM question WHERE school_id = ? AND bank_id = ? AND type = 'SHORT_ANSWER'")
                .params(school.schoolId(), bankId).query(UUID.class).single();
        assertThat(html(post(take + "/questions/" + shortAnswer).with(as(lan)).with(csrf()).param("text", " 5 "))).contains("Chính xác!");

        // A student of another class, of another school, a teacher: refused.
        CurrentUser minh = student(school, otherClass, "Minh");
        assertThat(html(get("/questions/practice").with(as(minh)))).doesNotContain("Ôn tập chương 1");
        mvc.perform(get(take).with(as(minh))).andExpect(status().isNotFound());
        mvc.perform(post(take + "/questions/" + single).with(as(minh)).with(csrf()).param("selected", "B")).andExpect(status().isNotFound());
        CurrentUser far = student(other, other.classId(), "Hoa");
        mvc.perform(get(take).with(as(far))).andExpect(status().isNotFound());
        mvc.perform(get(take).with(as(user(school, Role.TEACHER)))).andExpect(status().isForbidden());
        mvc.perform(get(take)).andExpect(status().is3xxRedirection());
        // A question outside the set is not answered through it.
        mvc.perform(post(take + "/questions/" + UUID.randomUUID()).with(as(lan)).with(csrf()).param("selected", "B")).andExpect(status().isNotFound());
        // Students do not build sets.
        mvc.perform(createSet("x", today, school.classId()).with(as(lan))).andExpect(status().isForbidden());
        mvc.perform(get(sets()).with(as(user(other, Role.TEACHER)))).andExpect(status().isNotFound());
    }
}
