package vn.truongso.questions.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.questions.types.QuestionTypes;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** The pages: a teacher builds a blueprint in the grid form, sees its matrix and totals, generates variants and downloads them. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    PaperFixtures fixtures;

    TestSchool school;
    CurrentUser teacher;
    UUID bankId;

    @BeforeAll
    void setUp() {
        school = testSchools.create();
        teacher = WebUsers.user(accounts, school, Role.TEACHER);
        bankId = fixtures.bank(school.schoolId(), "Toán 6 – Chương 1");
        fixtures.add(school.schoolId(), bankId, "Chương 1", "BIET", QuestionTypes.SINGLE_CHOICE, 10);
        fixtures.add(school.schoolId(), bankId, "Chương 1", "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 3);
    }

    String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(WebUsers.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void fromABanksPageTheEditorOpensWithThatBankItsSubjectGradeAndScheme() throws Exception {
        String form = page("/papers/blueprints/new?bankId=" + bankId, teacher);
        assertThat(form).containsPattern("value=\"" + bankId + "\"\\s+checked")
                .containsPattern("value=\"TOAN\"\\s+selected").contains("id=\"grade\" name=\"grade\" value=\"6\"");
        // An unknown bank (or another school's) is simply not ticked.
        assertThat(page("/papers/blueprints/new?bankId=" + UUID.randomUUID(), teacher)).doesNotContainPattern("value=\"" + bankId + "\"\\s+checked");
    }

    @Test
    void aTeacherBuildsABlueprintGeneratesVariantsAndDownloadsThem() throws Exception {
        assertThat(page("/papers", teacher)).contains("Đề kiểm tra", "Tạo ma trận đề", "href=\"/papers\"");
        assertThat(page("/papers/blueprints/new", teacher)).contains("Toán 6 – Chương 1 (13)", "name=\"cellCount\"", "Thêm dòng");
        assertThat(page("/papers/blueprints/cell-row?cognitiveScheme=NB_TH_VD_VDC", teacher)).contains("Vận dụng cao");

        // a bad grid comes back with its errors and what was typed
        String bad = mvc.perform(post("/papers/blueprints").with(WebUsers.as(teacher)).with(csrf()).param("name", "Giữa kì")
                .param("durationMinutes", "45").param("cognitiveScheme", "BHV").param("totalPoints", "10").param("bankIds", bankId.toString())
                .param("cellTopic", "", "").param("cellChapter", "Chương 1", "Chương 1").param("cellLevel", "BIET", "HIEU")
                .param("cellType", "SINGLE_CHOICE", "TRUE_FALSE_CLUSTER").param("cellCount", "4", "abc").param("cellPoints", "1", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("form-errors", "Dòng 2", "abc", "value=\"Giữa kì\"");

        String location = mvc.perform(post("/papers/blueprints").with(WebUsers.as(teacher)).with(csrf()).param("name", "Giữa kì I")
                .param("subjectCode", "TOAN").param("grade", "6").param("durationMinutes", "45").param("cognitiveScheme", "BHV")
                .param("totalPoints", "10").param("bankIds", bankId.toString())
                .param("cellTopic", "", "", "").param("cellChapter", "Chương 1", "Chương 1", "").param("cellLevel", "BIET", "HIEU", "BIET")
                .param("cellType", "SINGLE_CHOICE", "TRUE_FALSE_CLUSTER", "SINGLE_CHOICE").param("cellCount", "8", "2", "")
                .param("cellPoints", "0,5", "3", "")
                .param("specTopic", "").param("specChapter", "Chương 1").param("specLevel", "BIET").param("specDescription", "Nhận biết số tự nhiên"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/papers/blueprints/");
        String blueprint = page(location, teacher);
        assertThat(blueprint).contains("Giữa kì I", "8 × Một lựa chọn (0,5)", "2 × Đúng/Sai (4 ý) (3)", "40.00 %", "60.00 %", "Nhận biết số tự nhiên",
                "generate-form");
        assertThat(page(location + "/edit", teacher)).contains("value=\"Giữa kì I\"", "value=\"0.5\"");

        String paper = mvc.perform(post(location + "/generate").with(WebUsers.as(teacher)).with(csrf()).param("variants", "2").param("mode", "SAME"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(paper).matches("/papers/[0-9a-f-]{36}");
        assertThat(page(paper, teacher)).contains("Giữa kì I", "101", "102", "Tải tất cả (.zip)", "I.1: ");
        byte[] zip = mvc.perform(get(paper + "/download").with(WebUsers.as(teacher))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(zip).isNotEmpty();
        mvc.perform(get(paper + "/variants/102").with(WebUsers.as(teacher))).andExpect(status().isOk());
        mvc.perform(get(paper + "/answer-key").with(WebUsers.as(teacher))).andExpect(status().isOk());
        mvc.perform(get(paper + "/answer-sheet").with(WebUsers.as(teacher))).andExpect(status().isOk());

        // a shortage comes back on the blueprint's page
        String codes = mvc.perform(post(location + "/generate").with(WebUsers.as(teacher)).with(csrf()).param("codes", "A1 A1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(codes).isEqualTo(location);

        // the principal reads but may not change; a student may not look
        CurrentUser principal = WebUsers.user(accounts, school, Role.PRINCIPAL);
        assertThat(page(paper, principal)).contains("Giữa kì I");
        mvc.perform(post(location + "/generate").with(WebUsers.as(principal)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/papers").with(WebUsers.as(WebUsers.user(accounts, school, Role.STUDENT)))).andExpect(status().isForbidden());
        mvc.perform(get(paper).with(WebUsers.as(WebUsers.user(accounts, testSchools.create(), Role.TEACHER)))).andExpect(status().isNotFound());
        mvc.perform(get("/papers")).andExpect(status().is3xxRedirection());
    }
}
