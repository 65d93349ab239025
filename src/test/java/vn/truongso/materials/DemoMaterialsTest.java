package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.support.IntegrationTest;
import vn.truongso.support.WebUsers;

/** The first start shows the workflow: a published material the demo student sees, one awaiting the group head. */
@IntegrationTest
class DemoMaterialsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoSchoolHasMaterialsAtEveryStageWithTheirHistory() throws Exception {
        var student = WebUsers.session(mvc.perform(formLogin("/login").user("hs.nguyendu").password("TruongSo@2026")).andReturn());
        java.util.UUID schoolId = jdbc.sql("SELECT id FROM org_unit WHERE code = '79760401'").query(java.util.UUID.class).single();
        String library = mvc.perform(get("/schools/" + schoolId + "/materials").with(student)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(library).contains("Phân số và các phép tính với phân số").doesNotContain("Số nguyên âm").doesNotContain("Hình học trực quan");

        var groupHead = WebUsers.session(mvc.perform(formLogin("/login").user("tt.toan.nguyendu").password("TruongSo@2026")).andReturn());
        String inbox = mvc.perform(get("/materials/inbox").with(groupHead)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inbox).contains("Phiếu học tập: Số nguyên âm");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_name = 'ht.nguyendu' AND action LIKE 'materials.%'")
                .query(Long.class).single()).isPositive();
    }
}
