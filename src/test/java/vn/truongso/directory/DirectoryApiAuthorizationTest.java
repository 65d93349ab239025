package vn.truongso.directory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every read endpoint of the directory: staff and officers above the school may read; students and parents are
 * refused (403); anyone of another school gets 404; nobody signed in gets 401.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryApiAuthorizationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;

    TestSchool school;
    TestSchool otherSchool;

    @BeforeAll
    void createSchools() {
        school = testSchools.create();
        otherSchool = testSchools.create();
    }

    static Stream<Function<TestSchool, String>> readEndpoints() {
        return Stream.of(
                s -> "/api/v1/schools/" + s.schoolId(),
                s -> "/api/v1/schools/" + s.schoolId() + "/years",
                s -> "/api/v1/schools/" + s.schoolId() + "/classes",
                s -> "/api/v1/schools/" + s.schoolId() + "/classes/" + s.classId(),
                s -> "/api/v1/schools/" + s.schoolId() + "/students?q=nguyen",
                s -> "/api/v1/schools/" + s.schoolId() + "/staff",
                s -> "/api/v1/schools/" + s.schoolId() + "/subject-groups",
                s -> "/api/v1/schools/" + s.schoolId() + "/teaching-assignments",
                s -> "/api/v1/schools/" + s.schoolId() + "/my-classes");
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void staffAndOfficersAboveTheSchoolMayRead(Function<TestSchool, String> endpoint) throws Exception {
        for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SO_OFFICER, Role.PHONG_OFFICER, Role.PRINCIPAL, Role.VICE_PRINCIPAL,
                Role.GROUP_HEAD, Role.TEACHER, Role.IT_STAFF)) {
            mvc.perform(get(endpoint.apply(school)).header("Authorization", school.bearer(role))).andExpect(status().isOk());
        }
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void studentsAndParentsAreRefused(Function<TestSchool, String> endpoint) throws Exception {
        for (Role role : List.of(Role.STUDENT, Role.PARENT)) {
            mvc.perform(get(endpoint.apply(school)).header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
        }
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void anotherSchoolOrDistrictSeesNothing(Function<TestSchool, String> endpoint) throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get(endpoint.apply(school)).header("Authorization", otherSchool.bearer(role))).andExpect(status().isNotFound());
        }
    }

    @ParameterizedTest
    @MethodSource("readEndpoints")
    void nobodySignedInIsUnauthorized(Function<TestSchool, String> endpoint) throws Exception {
        mvc.perform(get(endpoint.apply(school))).andExpect(status().isUnauthorized());
        mvc.perform(get(endpoint.apply(school)).header("Authorization", "Bearer ts_forged")).andExpect(status().isUnauthorized());
    }
}
