package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;

@IntegrationTest
class AuditLogTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;

    @Test
    void theDatabaseRefusesToRewriteOrDeleteHistory() {
        testSchools.create();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isPositive();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET action = 'forged'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void theSchoolsAuditLogIsReadableByItsPrincipalAndNotByTeachersOrOtherSchools() throws Exception {
        var school = testSchools.create();
        var other = testSchools.create();
        String url = "/api/v1/schools/" + school.schoolId() + "/audit";
        mvc.perform(get(url).header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'account.created')]").exists());
        mvc.perform(get(url).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isForbidden());
        mvc.perform(get(url).header("Authorization", other.bearer(Role.PRINCIPAL))).andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
    }
}
