package vn.truongso.directory.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.support.WebUsers.as;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.Capability;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * Every directory page: a role with the page's capability sees it; a role without it gets the 403 page; any user of
 * another school or district gets the 404 page (the school does not exist for her); nobody signed in is sent to sign in.
 * The forms (transfers, roster upload and commit) are refused the same way before they touch anything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPagesAuthorizationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;

    TestSchool school;
    TestSchool otherSchool;
    UUID studentId;

    @BeforeAll
    void createSchools() throws Exception {
        school = testSchools.create();
        otherSchool = testSchools.create();
        // A student to open, received through the page itself by the principal.
        var result = mvc.perform(post("/schools/" + school.schoolId() + "/students/transfers-in").with(csrf())
                        .with(as(WebUsers.user(accounts, school, Role.PRINCIPAL)))
                        .param("learnerCode", "AUTH0001").param("fullName", "Nguyễn Văn An").param("birthDate", "2014-03-02")
                        .param("sex", "MALE").param("classId", school.classId().toString()).param("effectiveOn", "2026-10-01")
                        .param("fromSchool", "THCS Lê Lợi"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        studentId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    record Page(String path, Capability capability) {
        @Override
        public String toString() {
            return path + " (" + capability + ")";
        }
    }

    Stream<Page> pages() {
        return Stream.of(
                new Page("/schools/{school}/classes", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/classes/{class}", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/students", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/students?q=nguyen+van", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/students/{student}", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/staff?q=giao", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/subject-groups", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/assignments", Capability.VIEW_DIRECTORY),
                new Page("/schools/{school}/roster", Capability.MANAGE_DIRECTORY));
    }

    String path(Page page, TestSchool of) {
        return page.path().replace("{school}", of.schoolId().toString()).replace("{class}", of.classId().toString())
                .replace("{student}", studentId.toString());
    }

    @ParameterizedTest
    @MethodSource("pages")
    void eachRoleSeesThePageOrTheForbiddenPage(Page page) throws Exception {
        for (Role role : Role.values()) {
            var user = WebUsers.user(accounts, school, role);
            if (page.capability().grantedTo(role)) {
                mvc.perform(get(path(page, school)).with(as(user))).andExpect(status().isOk())
                        .andExpect(content().string(containsString("<main")));
            } else {
                mvc.perform(get(path(page, school)).with(as(user))).andExpect(status().isForbidden())
                        .andExpect(content().string(containsString("id=\"error-403\"")));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void anotherSchoolOrDistrictGetsTheNotFoundPage(Page page) throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get(path(page, school)).with(as(WebUsers.user(accounts, otherSchool, role))))
                    .andExpect(status().isNotFound()).andExpect(content().string(containsString("id=\"error-404\"")));
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void nobodySignedInIsSentToSignIn(Page page) throws Exception {
        mvc.perform(get(path(page, school))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aClassOrStudentOfAnotherSchoolIsNotFoundEvenInsideOnesOwnSchool() throws Exception {
        var principal = WebUsers.user(accounts, school, Role.PRINCIPAL);
        mvc.perform(get("/schools/" + school.schoolId() + "/classes/" + otherSchool.classId()).with(as(principal)))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("id=\"error-404\"")));
        mvc.perform(get("/schools/" + school.schoolId() + "/students/" + UUID.randomUUID()).with(as(principal)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/schools/not-an-id/classes").with(as(principal))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("id=\"error-404\"")));
    }

    /** The forms: refused for the wrong role (403), another school (404) and nobody (sign-in), before any change. */
    List<Function<TestSchool, AbstractMockHttpServletRequestBuilder<?>>> forms() {
        var file = new MockMultipartFile("file", "roster.xlsx", RosterPages.XLSX, new byte[] {1, 2, 3});
        UUID upload = UUID.randomUUID();
        return List.of(
                s -> post("/schools/" + s.schoolId() + "/students/transfers-in").param("learnerCode", "X1234567").with(csrf()),
                s -> post("/schools/" + s.schoolId() + "/students/" + studentId + "/transfer-out").param("toSchool", "THCS A").with(csrf()),
                s -> multipart("/schools/" + s.schoolId() + "/roster").file(file).with(csrf()),
                s -> post("/schools/" + s.schoolId() + "/roster/" + upload + "/commit").with(csrf()),
                s -> post("/schools/" + s.schoolId() + "/roster/" + upload + "/credentials").with(csrf()));
    }

    @Test
    void formsAreRefusedToRolesWithoutManageDirectory() throws Exception {
        for (var form : forms()) {
            for (Role role : Role.values()) {
                if (Capability.MANAGE_DIRECTORY.grantedTo(role)) {
                    continue;
                }
                mvc.perform(form.apply(school).with(as(WebUsers.user(accounts, school, role)))).andExpect(status().isForbidden());
            }
        }
    }

    @Test
    void formsOfAnotherSchoolAreNotFound() throws Exception {
        for (var form : forms()) {
            for (Role role : Role.values()) {
                mvc.perform(form.apply(school).with(as(WebUsers.user(accounts, otherSchool, role)))).andExpect(status().isNotFound());
            }
        }
    }

    @Test
    void formsNeedASignedInUser() throws Exception {
        for (var form : forms()) {
            mvc.perform(form.apply(school)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void theStudentWasNotTransferredOutByAnyRefusedForm() throws Exception {
        formsAreRefusedToRolesWithoutManageDirectory();
        formsOfAnotherSchoolAreNotFound();
        mvc.perform(get("/schools/" + school.schoolId() + "/students/" + studentId).with(as(WebUsers.user(accounts, school, Role.PRINCIPAL))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"transfer-out\"")));
    }

    @Test
    void homePagesAreForEveryoneSignedIn() throws Exception {
        for (Role role : Role.values()) {
            var user = WebUsers.user(accounts, school, role);
            mvc.perform(get("/").with(as(user))).andExpect(status().isOk());
            mvc.perform(get("/my-classes").with(as(user))).andExpect(status().isOk());
        }
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/my-classes")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
}
