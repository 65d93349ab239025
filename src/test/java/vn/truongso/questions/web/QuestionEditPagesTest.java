package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.questions.imports.DocxBank.b;
import static vn.truongso.questions.imports.DocxBank.red;
import static vn.truongso.questions.imports.DocxBank.u;
import static vn.truongso.support.WebUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.questions.imports.DocxBank;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** One question's page, its edit form (by form or as GIFT), and deletion as archiving. */
@IntegrationTest
class QuestionEditPagesTest {

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
    Map<String, UUID> byType;

    CurrentUser user(TestSchool s, Role role) {
        return WebUsers.user(accounts, s, role);
    }

    String bank() {
        return "/questions/schools/" + school.schoolId() + "/banks/" + bankId;
    }

    /** A bank with a single-choice, a true/false cluster and a short-answer question, imported through the pages. */
    static UUID bankWithQuestions(MockMvc mvc, CurrentUser teacher, UUID schoolId) throws Exception {
        String created = mvc.perform(post("/questions/schools/" + schoolId + "/banks").with(as(teacher)).with(csrf()).param("name", "Toán 6")
                .param("subjectCode", "TOAN").param("grade", "6")).andReturn().getResponse().getRedirectedUrl();
        UUID bankId = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));
        byte[] docx = new DocxBank().p(b("PHẦN I.")).p(b("Câu 1."), " Số nào là số nguyên tố?").p("A. 4").p(u("B. 5")).p("C. 6").p("D. 8")
                .p(b("PHẦN II.")).p(b("Câu 1."), " Cho x = 2.").p(red("a) x > 0")).p("b) x < 0").p(red("c) x + x = 4")).p("d) x = 3")
                .p(b("PHẦN III.")).p(b("Câu 1."), " Tính 2 + 3. <Key=5>").bytes();
        String preview = mvc.perform(multipart("/questions/schools/" + schoolId + "/banks/" + bankId + "/import")
                .file(new MockMultipartFile("file", "de.docx", QuestionPagesTest.DOCX, docx)).param("format", "docx").with(as(teacher)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher commit = Pattern.compile("action=\"([^\"]*/commit)\"").matcher(preview);
        assertThat(commit.find()).as(preview).isTrue();
        mvc.perform(post(commit.group(1)).with(as(teacher)).with(csrf())).andExpect(status().is3xxRedirection());
        return bankId;
    }

    @BeforeEach
    void setUp() throws Exception {
        school = testSchools.create();
        other = testSchools.create();
        bankId = bankWithQuestions(mvc, user(school, Role.TEACHER), school.schoolId());
        byType = new java.util.HashMap<>();
        jdbc.sql("SELECT type, id FROM question WHERE school_id = ? AND bank_id = ?").params(school.schoolId(), bankId)
                .query((rs, n) -> byType.put(rs.getString(1), rs.getObject(2, UUID.class))).list();
    }

    String body(UUID id) {
        return jdbc.sql("SELECT body::text FROM question WHERE school_id = ? AND id = ?").params(school.schoolId(), id).query(String.class).single();
    }

    long audits(UUID id, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = ?").params(id.toString(), action).query(Long.class).single();
    }

    @Test
    void anInvalidDefinitionChangesNothingAndAValidOneIsSavedAndAudited() throws Exception {
        UUID single = byType.get("SINGLE_CHOICE");
        String url = bank() + "/questions/" + single;
        mvc.perform(get(url).with(as(user(school, Role.PRINCIPAL)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Số nào là số nguyên tố?")));
        mvc.perform(get(url + "/edit").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"option-3\"")));
        String before = body(single);

        // Two correct options in a single-choice question: refused with the type's message, nothing saved.
        String refused = mvc.perform(post(url).with(as(user(school, Role.TEACHER))).with(csrf()).param("stem", "Số nào là số nguyên tố? (sửa)")
                .param("option", "4", "5", "7", "8", "").param("correct", "1", "2").param("points", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"form-errors\"").contains("phải có đúng một đáp án đúng");
        assertThat(body(single)).isEqualTo(before);
        // Points that are not a number: refused too.
        mvc.perform(post(url).with(as(user(school, Role.TEACHER))).with(csrf()).param("stem", "x").param("option", "1", "2")
                .param("correct", "0").param("points", "một")).andExpect(content().string(containsString("không phải là số")));
        assertThat(body(single)).isEqualTo(before);

        mvc.perform(post(url).with(as(user(school, Role.TEACHER))).with(csrf()).param("stem", "Số nào là số nguyên tố? \\(p > 1\\)")
                .param("option", "4", "7", "9", "", "").param("correct", "1").param("points", "0,5").param("difficulty", "2").param("tags", "nguyên tố, chương 1"))
                .andExpect(redirectedUrl(url));
        assertThat(body(single)).contains("\\\\(p > 1\\\\)").contains("\"7\"").doesNotContain("\"8\"").contains("nguyên tố");
        assertThat(jdbc.sql("SELECT points FROM question WHERE school_id = ? AND id = ?").params(school.schoolId(), single)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("0.5");
        assertThat(audits(single, "questions.question.edited")).isEqualTo(1);

        // Others may not edit: a student 403, another school 404.
        mvc.perform(post(url).with(as(user(school, Role.STUDENT))).with(csrf()).param("points", "1")).andExpect(status().isForbidden());
        mvc.perform(post(url).with(as(user(school, Role.PRINCIPAL))).with(csrf()).param("points", "1")).andExpect(status().isForbidden());
        mvc.perform(post("/questions/schools/" + school.schoolId() + "/banks/" + bankId + "/questions/" + single)
                .with(as(user(other, Role.TEACHER))).with(csrf()).param("points", "1")).andExpect(status().isNotFound());
        mvc.perform(get(url + "/edit").with(as(user(other, Role.TEACHER)))).andExpect(status().isNotFound());
    }

    @Test
    void aClusterIsEditedByFormAndAShortAnswerAsGift() throws Exception {
        UUID cluster = byType.get("TRUE_FALSE_CLUSTER");
        String url = bank() + "/questions/" + cluster;
        mvc.perform(post(url).with(as(user(school, Role.TEACHER))).with(csrf()).param("stem", "Cho x = 2.")
                .param("option", "x > 0", "x < 0", "x + x = 4", "x = 2").param("correct", "0", "2", "3").param("points", "1"))
                .andExpect(redirectedUrl(url));
        assertThat(body(cluster)).contains("\"x = 2\"");

        UUID shortAnswer = byType.get("SHORT_ANSWER");
        String sa = bank() + "/questions/" + shortAnswer;
        mvc.perform(get(sa + "/edit").with(as(user(school, Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"gift\"")));
        String before = body(shortAnswer);
        // An unclosed brace: the GIFT parser's error, nothing saved.
        mvc.perform(post(sa).with(as(user(school, Role.TEACHER))).with(csrf()).param("gift", "Tính 2 + 3. {=5").param("points", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("không được đóng")));
        assertThat(body(shortAnswer)).isEqualTo(before);
        mvc.perform(post(sa).with(as(user(school, Role.TEACHER))).with(csrf()).param("gift", "Tính 2 + 4. {=6 =sáu}").param("points", "2"))
                .andExpect(redirectedUrl(sa));
        assertThat(body(shortAnswer)).contains("Tính 2 + 4.").contains("sáu");
    }

    @Test
    void deletingArchivesTheQuestionAndHidesItFromTheBank() throws Exception {
        UUID single = byType.get("SINGLE_CHOICE");
        String url = bank() + "/questions/" + single;
        mvc.perform(post(url + "/archive").with(as(user(school, Role.STUDENT))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(url + "/archive").with(as(user(other, Role.TEACHER))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(url + "/archive").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(redirectedUrl(bank()));
        assertThat(jdbc.sql("SELECT status FROM question WHERE school_id = ? AND id = ?").params(school.schoolId(), single).query(String.class)
                .single()).isEqualTo("ARCHIVED");
        assertThat(audits(single, "questions.question.archived")).isEqualTo(1);
        String list = mvc.perform(get(bank()).with(as(user(school, Role.TEACHER)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Tìm thấy 2 câu").doesNotContain("Số nào là số nguyên tố?");
        assertThat(mvc.perform(get(bank()).param("status", "ARCHIVED").with(as(user(school, Role.TEACHER)))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Số nào là số nguyên tố?");
        // An archived question is not edited until restored.
        mvc.perform(post(url).with(as(user(school, Role.TEACHER))).with(csrf()).param("stem", "x").param("option", "1", "2").param("correct", "0")
                .param("points", "1")).andExpect(content().string(containsString("khôi phục")));
        mvc.perform(post(url + "/restore").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(redirectedUrl(url));
        assertThat(jdbc.sql("SELECT status FROM question WHERE school_id = ? AND id = ?").params(school.schoolId(), single).query(String.class)
                .single()).isEqualTo("DRAFT");
        assertThat(List.of(single)).isNotEmpty();
    }
}
