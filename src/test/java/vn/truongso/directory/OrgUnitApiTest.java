package vn.truongso.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;

@IntegrationTest
class OrgUnitApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;

    @Test
    void aPhongOfficerRegistersASchoolWhosePrincipalMustChooseAPassword() throws Exception {
        var district = testSchools.create();
        String code = "S" + System.nanoTime() % 1_000_000_000L;
        String body = """
                {"code":"%s","name":"Trường THCS  Bàn Cờ","level":"THCS","ownership":"PUBLIC","address":"Quận 3",
                 "principalUsername":"ht.%s","principalName":"Ngô Thị Hạnh"}""".formatted(code, code);
        String response = mvc.perform(post("/api/v1/org-units/" + district.phongId() + "/schools")
                        .header("Authorization", district.bearer(Role.PHONG_OFFICER)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.school.name").value("Trường THCS Bàn Cờ"))
                .andExpect(jsonPath("$.school.lowestGrade").value(6)).andReturn().getResponse().getContentAsString();
        String temporary = json.readTree(response).get("temporaryPassword").asString();
        mvc.perform(formLogin("/login").user("ht." + code).password(temporary)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/org-units/" + district.phongId() + "/schools").header("Authorization", district.bearer(Role.PHONG_OFFICER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code").value(Matchers.hasItem(code)));
    }

    @Test
    void registrationIsRefusedWithEveryProblemNamed() throws Exception {
        var district = testSchools.create();
        // A lower-secondary school cannot sit directly under the Sở; the code is missing; the principal name too.
        mvc.perform(post("/api/v1/org-units/" + district.soId() + "/schools").header("Authorization", district.bearer(Role.SO_OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Trường THCS X\",\"level\":\"THCS\",\"ownership\":\"PUBLIC\",\"principalUsername\":\"ht.x1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].location.field").value(Matchers.containsInAnyOrder("code", "level", "principalName")));
    }

    @Test
    void onlyOfficersAboveTheUnitMayRegisterSchools() throws Exception {
        var district = testSchools.create();
        var other = testSchools.create();
        String url = "/api/v1/org-units/" + district.phongId() + "/schools";
        String body = "{\"code\":\"ZZ1\",\"name\":\"Trường Tiểu học Z\",\"level\":\"TIEU_HOC\",\"ownership\":\"PUBLIC\"}";
        for (Role role : List.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.TEACHER, Role.IT_STAFF, Role.STUDENT, Role.PARENT, Role.GROUP_HEAD)) {
            // School-level grants do not reach the Phòng at all.
            mvc.perform(post(url).header("Authorization", district.bearer(role)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post(url).header("Authorization", other.bearer(Role.PHONG_OFFICER)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", other.bearer(Role.SO_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/org-units/" + district.soId() + "/phong").header("Authorization", district.bearer(Role.PHONG_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"PX1\",\"name\":\"Phòng X\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/org-units/" + district.soId() + "/phong").header("Authorization", district.bearer(Role.SO_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"PX" + System.nanoTime() % 100000 + "\",\"name\":\"Phòng GDĐT Quận X\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void thePrincipalAddsASchoolYearWithOrderedSemesterDates() throws Exception {
        var school = testSchools.create();
        String url = "/api/v1/schools/" + school.schoolId() + "/years";
        mvc.perform(post(url).header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"startYear":2027,"startsOn":"2027-09-05","semester1EndsOn":"2027-09-01","semester2StartsOn":"2028-01-17",
                                 "endsOn":"2028-05-31"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].location.field").value("semester1EndsOn"));
        mvc.perform(post(url).header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"startYear":2026,"startsOn":"2026-09-05","semester1EndsOn":"2027-01-15","semester2StartsOn":"2027-01-17",
                                 "endsOn":"2027-05-31"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("schoolYear.exists"));
        String valid = """
                {"startYear":2027,"startsOn":"2027-09-05","semester1EndsOn":"2028-01-15","semester2StartsOn":"2028-01-17",
                 "endsOn":"2028-05-31","current":false}""";
        mvc.perform(post(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isForbidden());
        mvc.perform(post(url).header("Authorization", testSchools.create().bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                .content(valid)).andExpect(status().isNotFound());
        mvc.perform(post(url).header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isCreated());
        mvc.perform(get(url).header("Authorization", school.bearer(Role.TEACHER))).andExpect(jsonPath("$[0].name").value("2027-2028"))
                .andExpect(jsonPath("$[1].current").value(true));
    }
}
