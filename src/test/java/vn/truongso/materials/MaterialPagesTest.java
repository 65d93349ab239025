package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** The repository's pages, driven as a teacher, a group head, a principal and a student would; and who may open them. */
@IntegrationTest
class MaterialPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;

    TestSchool school;

    @BeforeEach
    void setUp() {
        school = testSchools.create();
    }

    private CurrentUser user(Role role) {
        return WebUsers.user(accounts, school, role);
    }

    private String base() {
        return "/schools/" + school.schoolId() + "/materials";
    }

    private String location(org.springframework.test.web.servlet.ResultActions result) {
        return result.andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void aMaterialGoesThroughThePagesFromDraftToAStudent() throws Exception {
        mvc.perform(get(base()).with(as(user(Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-material\"")));
        mvc.perform(get(base() + "/new").with(as(user(Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"material-form\"")));
        mvc.perform(get(base() + "/topics?subjectCode=TOAN&grades=6").with(as(user(Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"topics\"")));

        // Bad input comes back on the form, every error named.
        mvc.perform(post(base()).with(as(user(Role.TEACHER))).with(csrf()).param("title", "").param("kind", "E_LECTURE")
                        .param("subjectCode", "TOAN").param("licence", "CC BY 4.0").param("authors", "Phạm Thị Giáo"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("Khối lớp")));

        String created = location(mvc.perform(post(base()).with(as(user(Role.TEACHER))).with(csrf()).param("title", "Phân số – bài giảng")
                .param("description", "Bài giảng điện tử").param("kind", "E_LECTURE").param("subjectCode", "TOAN").param("grades", "6")
                .param("licence", "CC BY 4.0").param("authors", "Phạm Thị Giáo\nNguyễn Văn Hai").param("language", "vi"))
                .andExpect(status().is3xxRedirection()));
        UUID id = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));

        mvc.perform(multipart(base() + "/" + id + "/files").file(new MockMultipartFile("file", "phan-so.pdf", "application/pdf",
                MaterialFilesTest.pdf(2000, 9))).with(as(user(Role.TEACHER))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id).with(as(user(Role.TEACHER)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("phan-so.pdf")))
                .andExpect(content().string(containsString("Nguyễn Văn Hai")))
                .andExpect(content().string(containsString("id=\"action-SUBMIT\"")));

        mvc.perform(post(base() + "/" + id + "/actions/submit").with(as(user(Role.TEACHER))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/materials/inbox").with(as(user(Role.GROUP_HEAD)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Phân số – bài giảng")));
        mvc.perform(post(base() + "/" + id + "/actions/start-appraisal").with(as(user(Role.GROUP_HEAD))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base() + "/" + id + "/appraise").with(as(user(Role.GROUP_HEAD)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tính chính xác, khoa học")));
        // A missing verdict comes back on the form.
        mvc.perform(post(base() + "/" + id + "/appraise").with(as(user(Role.GROUP_HEAD))).with(csrf()).param("recommendation", "APPROVE")
                .param("verdict.ACCURACY", "PASS")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"form-errors\"")));
        var appraisal = post(base() + "/" + id + "/appraise").with(as(user(Role.GROUP_HEAD))).with(csrf()).param("recommendation", "APPROVE")
                .param("comment", "Đạt");
        for (String c : List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT")) {
            appraisal.param("verdict." + c, "PASS").param("comment." + c, "Tốt");
        }
        mvc.perform(appraisal).andExpect(status().is3xxRedirection());

        // An illegal move comes back as a message on the material's page.
        String back = location(mvc.perform(post(base() + "/" + id + "/actions/publish").with(as(user(Role.PRINCIPAL))).with(csrf())));
        var flash = mvc.perform(post(base() + "/" + id + "/actions/publish").with(as(user(Role.PRINCIPAL))).with(csrf())).andReturn().getFlashMap();
        assertThat(back).endsWith("/materials/" + id);
        assertThat(String.valueOf(flash.get("materialError"))).contains("phê duyệt");

        mvc.perform(get(base() + "/" + id).with(as(user(Role.PRINCIPAL)))).andExpect(content().string(containsString("id=\"action-APPROVE\"")))
                .andExpect(content().string(containsString("id=\"appraisals\"")));
        mvc.perform(post(base() + "/" + id + "/actions/approve").with(as(user(Role.PRINCIPAL))).with(csrf()).param("comment", "Đồng ý"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/" + id + "/actions/publish").with(as(user(Role.PRINCIPAL))).with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(get(base()).with(as(user(Role.STUDENT)))).andExpect(status().isOk()).andExpect(content().string(containsString("Phân số – bài giảng")));
        mvc.perform(get(base() + "/" + id).with(as(user(Role.STUDENT)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("phan-so.pdf")))
                .andExpect(content().string(not(containsString("id=\"history\""))))
                .andExpect(content().string(not(containsString("id=\"action-"))));
        mvc.perform(get(base() + "/" + id).with(as(user(Role.PRINCIPAL)))).andExpect(content().string(containsString("id=\"history\"")));
        mvc.perform(post(base() + "/" + id + "/rate").with(as(user(Role.TEACHER))).with(csrf()).param("stars", "5").param("comment", "Hay"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/materials").with(as(user(Role.STUDENT)))).andExpect(status().isOk());
    }

    @Test
    void thePlanPageShowsProgressAndTakesTargets() throws Exception {
        String plan = "/schools/" + school.schoolId() + "/material-plan";
        mvc.perform(post(plan).with(as(user(Role.PRINCIPAL))).with(csrf()).param("subjectGroup", "Tổ Toán").param("subjectCode", "TOAN")
                .param("grade", "6").param("targetPercent", "80").param("dueOn", "2020-01-31")).andExpect(status().is3xxRedirection());
        mvc.perform(get(plan).with(as(user(Role.GROUP_HEAD)))).andExpect(status().isOk()).andExpect(content().string(containsString("Tổ Toán")))
                .andExpect(content().string(containsString("Quá hạn")))
                .andExpect(content().string(not(containsString("id=\"target-form\""))));
        mvc.perform(post(plan).with(as(user(Role.PRINCIPAL))).with(csrf()).param("subjectGroup", "").param("subjectCode", "TOAN")
                .param("grade", "6").param("dueOn", "")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"form-errors\"")));
        mvc.perform(post(plan).with(as(user(Role.TEACHER))).with(csrf()).param("subjectGroup", "Tổ").param("subjectCode", "TOAN")
                .param("grade", "6").param("dueOn", "2027-01-01")).andExpect(status().isForbidden());
    }

    @Test
    void pagesAnswerForbiddenNotFoundOrSignIn() throws Exception {
        UUID id = new MaterialFlows(mvc).draft(school, "Nháp");
        TestSchool other = testSchools.create();
        List<String> pages = List.of(base(), base() + "/new", base() + "/" + id, base() + "/" + id + "/edit", base() + "/" + id + "/appraise",
                "/schools/" + school.schoolId() + "/material-plan");
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection());
            for (Role role : Role.values()) {
                mvc.perform(get(page).with(as(WebUsers.user(accounts, other, role)))).andExpect(status().isNotFound());
            }
            mvc.perform(get(page).with(as(user(Role.PARENT)))).andExpect(status().isForbidden());
        }
        mvc.perform(get(base() + "/new").with(as(user(Role.STUDENT)))).andExpect(status().isForbidden());
        mvc.perform(get(base() + "/" + id).with(as(user(Role.STUDENT)))).andExpect(status().isNotFound());
        mvc.perform(post(base() + "/" + id + "/actions/approve").with(as(user(Role.TEACHER))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/materials/inbox")).andExpect(status().is3xxRedirection());
    }
}
