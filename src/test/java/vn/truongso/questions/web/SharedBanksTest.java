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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * A bank shared up the hierarchy reaches the other schools of the district (or city) the way its material does, and a
 * teacher there copies it into her own school; schools it was not shared with do not see it. The appraisal and sharing
 * moves themselves are covered by BankAppraisalTest and the materials workflow tests; here the material's reach is set
 * directly so that the test is about what a reach grants.
 */
@IntegrationTest
class SharedBanksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcClient jdbc;

    TestSchool owner;
    TestSchool elsewhere;
    UUID siblingId;
    CurrentUser siblingTeacher;
    UUID bankId;

    /** Another school in the given Phòng, with its directory row (as TestSchools writes it) and a teacher. */
    CurrentUser teacherOfNewSchool(UUID phongId, String label) {
        UUID schoolId = orgUnits.register(OrgUnits.Kind.SCHOOL, phongId, "T-" + label + "-" + UUID.randomUUID().toString().substring(0, 8),
                "Trường THCS " + label).id();
        jdbc.sql("INSERT INTO school (school_id, level, ownership, lowest_grade, highest_grade) VALUES (?, 'THCS', 'PUBLIC', 6, 9)")
                .param(schoolId).update();
        UUID account = accounts.create(new Accounts.NewAccount("gv." + label.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8),
                "Giáo viên " + label, schoolId, null, List.of(new RoleGrant(Role.TEACHER, schoolId))), TestSchools.PASSWORD, false);
        return WebUsers.user(accounts, account);
    }

    @BeforeEach
    void setUp() throws Exception {
        owner = testSchools.create();
        elsewhere = testSchools.create();
        siblingTeacher = teacherOfNewSchool(owner.phongId(), "SIB");
        siblingId = siblingTeacher.homeOrgId();
        bankId = QuestionEditPagesTest.bankWithQuestions(mvc, WebUsers.user(accounts, owner, Role.TEACHER), owner.schoolId());
        mvc.perform(post("/questions/schools/" + owner.schoolId() + "/banks/" + bankId + "/submit")
                .with(as(WebUsers.user(accounts, owner, Role.TEACHER))).with(csrf())).andExpect(status().is3xxRedirection());
    }

    void reach(String reach) {
        jdbc.sql("UPDATE material SET reach = ? WHERE school_id = ? AND id = (SELECT material_id FROM question_bank WHERE school_id = ? AND id = ?)")
                .params(reach, owner.schoolId(), owner.schoolId(), bankId).update();
    }

    String banksPage(UUID schoolId, CurrentUser user) throws Exception {
        return mvc.perform(get("/questions/schools/" + schoolId).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String copy(UUID schoolId) {
        return "/questions/schools/" + schoolId + "/shared/" + owner.schoolId() + "/" + bankId + "/copy";
    }

    @Test
    void aBankSharedInTheDistrictIsCopiedByAnotherSchoolOfItAndNobodyElseSeesIt() throws Exception {
        // Submitted but not shared: the sibling school neither lists nor copies it.
        assertThat(banksPage(siblingId, siblingTeacher)).doesNotContain("id=\"shared-banks\"");
        mvc.perform(post(copy(siblingId)).with(as(siblingTeacher)).with(csrf())).andExpect(status().isNotFound());

        reach("SHARED_DISTRICT");
        assertThat(banksPage(siblingId, siblingTeacher)).contains("id=\"shared-banks\"").contains(copy(siblingId));
        // A school of another district and city does not see it, by page or API, and cannot copy it.
        assertThat(banksPage(elsewhere.schoolId(), WebUsers.user(accounts, elsewhere, Role.TEACHER))).doesNotContain("id=\"shared-banks\"");
        assertThat(mvc.perform(get("/api/v1/schools/" + elsewhere.schoolId() + "/question-banks/shared").header("Authorization",
                elsewhere.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).isEqualTo("[]");
        mvc.perform(post("/api/v1/schools/" + elsewhere.schoolId() + "/question-banks/shared/" + owner.schoolId() + "/" + bankId + "/copy")
                .header("Authorization", elsewhere.bearer(Role.TEACHER))).andExpect(status().isNotFound());
        // Students do not copy banks; nobody copies into a school that is not theirs.
        mvc.perform(post("/api/v1/schools/" + elsewhere.schoolId() + "/question-banks/shared/" + owner.schoolId() + "/" + bankId + "/copy")
                .header("Authorization", elsewhere.bearer(Role.STUDENT))).andExpect(status().isForbidden());
        mvc.perform(post(copy(siblingId)).with(as(WebUsers.user(accounts, elsewhere, Role.TEACHER))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/schools/" + elsewhere.schoolId() + "/question-banks/shared/" + owner.schoolId() + "/" + bankId + "/copy"))
                .andExpect(status().isUnauthorized());

        long sourceQuestions = jdbc.sql("SELECT count(*) FROM question WHERE school_id = ? AND bank_id = ? AND status <> 'ARCHIVED'")
                .params(owner.schoolId(), bankId).query(Long.class).single();
        String location = mvc.perform(post(copy(siblingId)).with(as(siblingTeacher)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        UUID copyId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT count(*) FROM question WHERE school_id = ? AND bank_id = ?").params(siblingId, copyId).query(Long.class).single())
                .isEqualTo(sourceQuestions).isPositive();
        assertThat(jdbc.sql("SELECT status FROM question_bank WHERE school_id = ? AND id = ?").params(siblingId, copyId).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'questions.sharedBank.copied'")
                .param(copyId.toString()).query(Long.class).single()).isEqualTo(1);
        // The copy is the sibling school's own bank: its teacher opens it.
        mvc.perform(get(location).with(as(siblingTeacher))).andExpect(status().isOk());
    }

    @Test
    void aBankSharedInTheCityReachesAnotherDistrictOfTheSameCityOnly() throws Exception {
        UUID otherPhong = orgUnits.register(OrgUnits.Kind.PHONG, owner.soId(), "P-SHB-" + UUID.randomUUID().toString().substring(0, 8),
                "Phòng GDĐT Quận Khác").id();
        CurrentUser cityTeacher = teacherOfNewSchool(otherPhong, "CITY");
        UUID citySchool = cityTeacher.homeOrgId();

        reach("SHARED_DISTRICT");
        assertThat(banksPage(citySchool, cityTeacher)).doesNotContain("id=\"shared-banks\"");
        reach("SHARED_CITY");
        assertThat(banksPage(citySchool, cityTeacher)).contains(copy(citySchool));
        assertThat(banksPage(elsewhere.schoolId(), WebUsers.user(accounts, elsewhere, Role.TEACHER))).doesNotContain("id=\"shared-banks\"");
    }
}
