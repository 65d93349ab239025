package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * A bank goes through the materials module's appraisal and approval, not a copy of it: submitted from the bank's page,
 * appraised by the group head and approved by the principal through the materials API, each move mirrored onto the
 * bank and its questions.
 */
@IntegrationTest
class BankAppraisalTest {

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

    @BeforeEach
    void setUp() throws Exception {
        school = testSchools.create();
        other = testSchools.create();
        bankId = QuestionEditPagesTest.bankWithQuestions(mvc, user(school, Role.TEACHER), school.schoolId());
    }

    String bankStatus() {
        return jdbc.sql("SELECT status FROM question_bank WHERE school_id = ? AND id = ?").params(school.schoolId(), bankId).query(String.class).single();
    }

    List<String> questionStatuses() {
        return jdbc.sql("SELECT DISTINCT status FROM question WHERE school_id = ? AND bank_id = ? ORDER BY 1").params(school.schoolId(), bankId)
                .query(String.class).list();
    }

    void act(Role role, UUID materialId, String action) throws Exception {
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/materials/" + materialId + "/actions/" + action)
                .header("Authorization", school.bearer(role)).contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Đồng ý\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void theBankIsAppraisedAndApprovedThroughTheMaterialsWorkflow() throws Exception {
        String bank = "/questions/schools/" + school.schoolId() + "/banks/" + bankId;
        // Only the bank's managers submit it; another school's teacher does not find it.
        mvc.perform(post(bank + "/submit").with(as(user(school, Role.PRINCIPAL))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(bank + "/submit").with(as(user(other, Role.TEACHER))).with(csrf())).andExpect(status().isNotFound());
        assertThat(bankStatus()).isEqualTo("DRAFT");

        mvc.perform(post(bank + "/submit").with(as(user(school, Role.TEACHER))).with(csrf())).andExpect(status().is3xxRedirection());
        UUID materialId = jdbc.sql("SELECT material_id FROM question_bank WHERE school_id = ? AND id = ?").params(school.schoolId(), bankId)
                .query(UUID.class).single();
        assertThat(materialId).isNotNull();
        assertThat(bankStatus()).isEqualTo("SUBMITTED");
        assertThat(questionStatuses()).containsExactly("SUBMITTED");
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM material_version WHERE school_id = ? AND material_id = ?").params(school.schoolId(), materialId).query(String.class)
                .single()).isEqualTo("TEST_PAPER");
        assertThat(jdbc.sql("SELECT count(*) FROM material_file WHERE school_id = ? AND material_id = ? AND file_type = 'DOCX'")
                .params(school.schoolId(), materialId).query(Long.class).single()).isEqualTo(1);
        // Submitting twice is refused with the workflow's message, on the bank's page.
        String again = mvc.perform(post(bank + "/submit").with(as(user(school, Role.TEACHER))).with(csrf())).andReturn().getFlashMap()
                .get("bankError").toString();
        assertThat(again).isNotBlank();
        String page = mvc.perform(get(bank).with(as(user(school, Role.TEACHER)))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"appraisal-material\"").contains("/schools/" + school.schoolId() + "/materials/" + materialId);

        // The group head appraises it with the school's rubric and the principal approves it, on the materials side.
        act(Role.GROUP_HEAD, materialId, "start-appraisal");
        assertThat(bankStatus()).isEqualTo("SUBMITTED");
        String criteria = String.join(",", List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT").stream()
                .map(c -> "{\"criterion\":\"" + c + "\",\"verdict\":\"PASS\"}").toList());
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/materials/" + materialId + "/appraisals")
                .header("Authorization", school.bearer(Role.GROUP_HEAD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"recommendation\":\"APPROVE\",\"comment\":\"Đạt\",\"criteria\":[" + criteria + "]}")).andExpect(status().is2xxSuccessful());
        assertThat(bankStatus()).isEqualTo("APPRAISED");
        act(Role.PRINCIPAL, materialId, "approve");
        assertThat(bankStatus()).isEqualTo("APPROVED");
        assertThat(questionStatuses()).containsExactly("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'questions.appraisal.statusMirrored'").param(bankId.toString())
                .query(Long.class).single()).isEqualTo(3);
    }
}
