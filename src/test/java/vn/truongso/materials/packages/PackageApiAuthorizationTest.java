package vn.truongso.materials.packages;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every endpoint of the package API for every role: teachers and school leaders import and read; students launch only;
 * tracking of all learners is for teachers and leaders; another school's users get 404; nobody signed in gets 401.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageApiAuthorizationTest {

    static final Set<Role> IMPORTERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER,
            Role.IT_STAFF);
    static final Set<Role> LAUNCHERS = EnumSet.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER, Role.IT_STAFF,
            Role.STUDENT);
    static final Set<Role> TRACKING = EnumSet.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;

    TestSchool school;
    TestSchool otherSchool;
    UUID packageId;

    @BeforeAll
    void createSchools() throws Exception {
        school = testSchools.create();
        otherSchool = testSchools.create();
        String body = mvc.perform(multipart("/api/v1/schools/" + school.schoolId() + "/packages")
                .file(new MockMultipartFile("file", "p.zip", "application/zip", TestPackages.scorm12()))
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        packageId = UUID.fromString(json.readTree(body).path("id").asString());
    }

    static MockMultipartFile zip() {
        return new MockMultipartFile("file", "p.zip", "application/zip", TestPackages.scorm12());
    }

    Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("preview", IMPORTERS, 200, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        multipart("/api/v1/schools/" + s + "/packages/previews").file(zip())),
                Arguments.of("import", IMPORTERS, 201, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        multipart("/api/v1/schools/" + s + "/packages").file(zip())),
                Arguments.of("list", IMPORTERS, 200, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        get("/api/v1/schools/" + s + "/packages")),
                Arguments.of("get", IMPORTERS, 200, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        get("/api/v1/schools/" + s + "/packages/" + p)),
                Arguments.of("launch", LAUNCHERS, 201, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        post("/api/v1/schools/" + s + "/packages/" + p + "/launches")),
                Arguments.of("attempts", TRACKING, 200, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        get("/api/v1/schools/" + s + "/packages/" + p + "/attempts")),
                Arguments.of("my attempts", LAUNCHERS, 200, (BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>>) (s, p) ->
                        get("/api/v1/schools/" + s + "/packages/" + p + "/attempts/mine")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyRoleGetsWhatItsCapabilityAllows(String name, Set<Role> allowed, int ok, BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>> endpoint)
            throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(endpoint.apply(school.schoolId(), packageId).header("Authorization", school.bearer(role)))
                    .andExpect(allowed.contains(role) ? status().is(ok) : status().isForbidden());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherSchoolSeesNothing(String name, Set<Role> allowed, int ok, BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>> endpoint)
            throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(endpoint.apply(school.schoolId(), packageId).header("Authorization", otherSchool.bearer(role)))
                    .andExpect(status().isNotFound());
        }
        // Its own school id with this school's package: the package is not there.
        if (name.equals("get") || name.equals("launch") || name.equals("attempts") || name.equals("my attempts")) {
            mvc.perform(endpoint.apply(otherSchool.schoolId(), packageId).header("Authorization", otherSchool.bearer(Role.PRINCIPAL)))
                    .andExpect(status().isNotFound());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void nobodySignedInIsUnauthorized(String name, Set<Role> allowed, int ok, BiFunction<UUID, UUID, AbstractMockHttpServletRequestBuilder<?>> endpoint)
            throws Exception {
        mvc.perform(endpoint.apply(school.schoolId(), packageId)).andExpect(status().isUnauthorized());
    }
}
