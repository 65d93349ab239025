package vn.truongso.directory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import vn.truongso.support.IntegrationTest;

/** The demo district the first command creates: every listed account signs in and sees what its role should. */
@IntegrationTest
class DemoDistrictTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyDemoAccountSignsIn() throws Exception {
        for (String username : new String[] {"admin", "so.chuyenvien", "phong.chuyenvien", "ht.nguyendu", "pht.nguyendu", "tt.toan.nguyendu",
                "gv.nguyendu", "cntt.nguyendu", "hs.nguyendu", "ph.nguyendu", "ht.lequydon", "gv.lequydon"}) {
            mvc.perform(formLogin("/login").user(username).password("TruongSo@2026")).andExpect(status().is3xxRedirection())
                    .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/"));
        }
    }

    @Test
    void theDemoTeacherSeesHerClassAndTheParentSeesOnlyHisChild() throws Exception {
        Cookie teacher = signIn("gv.nguyendu");
        String schoolId = mvc.perform(get("/api/v1/me").cookie(teacher)).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"homeOrgId\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/schools/" + schoolId + "/my-classes").cookie(teacher)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(Matchers.hasItem("6A1")));
        Cookie parent = signIn("ph.nguyendu");
        mvc.perform(get("/api/v1/me/students").cookie(parent)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].currentClass.name").value("6A1"));
        mvc.perform(get("/api/v1/schools/" + schoolId + "/students").cookie(parent)).andExpect(status().isForbidden());
        Cookie student = signIn("hs.nguyendu");
        mvc.perform(get("/api/v1/me/students").cookie(student)).andExpect(jsonPath("$.length()").value(1));
        Cookie otherSchoolTeacher = signIn("gv.lequydon");
        mvc.perform(get("/api/v1/schools/" + schoolId + "/students").cookie(otherSchoolTeacher)).andExpect(status().isNotFound());
        Cookie phong = signIn("phong.chuyenvien");
        mvc.perform(get("/api/v1/schools/" + schoolId + "/classes").cookie(phong)).andExpect(status().isOk());
    }

    private Cookie signIn(String username) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password("TruongSo@2026")).andReturn().getResponse().getCookie("TRUONGSO_SESSION");
    }
}
