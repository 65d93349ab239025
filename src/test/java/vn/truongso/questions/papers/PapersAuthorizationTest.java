package vn.truongso.questions.papers;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.questions.types.QuestionTypes;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every endpoint of blueprints and test papers: readers are the principal, vice-principals, group heads and teachers;
 * writers only group heads and teachers; any other role is refused (403), another school's users get 404, nobody
 * signed in gets 401.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PapersAuthorizationTest {

    static final Set<Role> READERS = EnumSet.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER);
    static final Set<Role> WRITERS = EnumSet.of(Role.GROUP_HEAD, Role.TEACHER);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    PaperFixtures fixtures;
    @Autowired
    JsonMapper json;

    TestSchool school;
    TestSchool other;
    UUID bankId;
    UUID blueprintId;
    UUID paperId;

    @BeforeAll
    void setUp() throws Exception {
        school = testSchools.create();
        other = testSchools.create();
        bankId = fixtures.bank(school.schoolId(), "Ngân hàng");
        fixtures.add(school.schoolId(), bankId, "Chương 1", "BIET", QuestionTypes.SINGLE_CHOICE, 10);
        blueprintId = UUID.fromString(json.readTree(mvc.perform(post(base(school) + "/blueprints").header("Authorization", school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content(blueprint())).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("id").asString());
        paperId = UUID.fromString(json.readTree(mvc.perform(post(base(school) + "/test-papers").header("Authorization", school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content(generate())).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("paper").get("id").asString());
    }

    String blueprint() {
        return """
                {"name": "Kiểm tra 15 phút", "durationMinutes": 15, "bankIds": ["%s"],
                 "cells": [{"chapter": "Chương 1", "level": "BIET", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 2.5}]}""".formatted(bankId);
    }

    String generate() {
        return "{\"blueprintId\": \"%s\", \"variants\": 2}".formatted(blueprintId);
    }

    static String base(TestSchool s) {
        return "/api/v1/schools/" + s.schoolId();
    }

    /** A request against the test school's data, whoever sends it. */
    record Endpoint(String name, Function<PapersAuthorizationTest, AbstractMockHttpServletRequestBuilder<?>> request, boolean write) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> reads() {
        return Stream.of(
                new Endpoint("list blueprints", t -> get(base(t.school) + "/blueprints"), false),
                new Endpoint("read blueprint", t -> get(base(t.school) + "/blueprints/" + t.blueprintId), false),
                new Endpoint("blueprint shortages", t -> get(base(t.school) + "/blueprints/" + t.blueprintId + "/shortages"), false),
                new Endpoint("list papers", t -> get(base(t.school) + "/test-papers"), false),
                new Endpoint("read paper", t -> get(base(t.school) + "/test-papers/" + t.paperId), false),
                new Endpoint("zip", t -> get(base(t.school) + "/test-papers/" + t.paperId + "/download"), false),
                new Endpoint("variant docx", t -> get(base(t.school) + "/test-papers/" + t.paperId + "/variants/101/docx"), false),
                new Endpoint("answer key", t -> get(base(t.school) + "/test-papers/" + t.paperId + "/answer-key/docx"), false),
                new Endpoint("answer sheet", t -> get(base(t.school) + "/test-papers/" + t.paperId + "/answer-sheet/docx"), false));
    }

    static Stream<Endpoint> writes() {
        return Stream.of(
                new Endpoint("create blueprint", t -> post(base(t.school) + "/blueprints").contentType(MediaType.APPLICATION_JSON).content(t.blueprint()),
                        true),
                new Endpoint("update blueprint", t -> put(base(t.school) + "/blueprints/" + t.blueprintId).contentType(MediaType.APPLICATION_JSON)
                        .content(t.blueprint()), true),
                new Endpoint("generate", t -> post(base(t.school) + "/test-papers").contentType(MediaType.APPLICATION_JSON).content(t.generate()), true),
                new Endpoint("delete paper", t -> delete(base(t.school) + "/test-papers/" + UUID.randomUUID()), true),
                new Endpoint("delete blueprint", t -> delete(base(t.school) + "/blueprints/" + UUID.randomUUID()), true));
    }

    static Stream<Endpoint> all() {
        return Stream.concat(reads(), writes());
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readersMayReadOthersAreRefused(Endpoint e) throws Exception {
        for (Role role : Role.values()) {
            var expected = READERS.contains(role) ? status().isOk() : status().isForbidden();
            if (Set.of(Role.SYSTEM_ADMIN, Role.SO_OFFICER, Role.PHONG_OFFICER).contains(role)) {
                expected = status().isForbidden();
            }
            mvc.perform(e.request().apply(this).header("Authorization", school.bearer(role))).andExpect(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("writes")
    void onlyTeachersAndGroupHeadsMayChange(Endpoint e) throws Exception {
        for (Role role : Role.values()) {
            if (WRITERS.contains(role)) {
                continue;
            }
            mvc.perform(e.request().apply(this).header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void writersMayChange() throws Exception {
        for (Role role : WRITERS) {
            mvc.perform(post(base(school) + "/blueprints").contentType(MediaType.APPLICATION_JSON).content(blueprint())
                    .header("Authorization", school.bearer(role))).andExpect(status().isCreated());
            mvc.perform(put(base(school) + "/blueprints/" + blueprintId).contentType(MediaType.APPLICATION_JSON).content(blueprint())
                    .header("Authorization", school.bearer(role))).andExpect(status().isOk());
            mvc.perform(post(base(school) + "/test-papers").contentType(MediaType.APPLICATION_JSON).content(generate())
                    .header("Authorization", school.bearer(role))).andExpect(status().isCreated());
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void anotherSchoolSeesNothing(Endpoint e) throws Exception {
        for (Role role : List.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER, Role.STUDENT, Role.IT_STAFF)) {
            mvc.perform(e.request().apply(this).header("Authorization", other.bearer(role))).andExpect(status().isNotFound());
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void nobodySignedInIsAskedToSignIn(Endpoint e) throws Exception {
        mvc.perform(e.request().apply(this)).andExpect(status().isUnauthorized());
    }

    @Test
    void anotherSchoolsIdsInTheOwnSchoolAreNotFound() throws Exception {
        // the other school's teacher asks in her own school for this school's blueprint and paper
        mvc.perform(get(base(other) + "/blueprints/" + blueprintId).header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isNotFound());
        mvc.perform(get(base(other) + "/test-papers/" + paperId).header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isNotFound());
        mvc.perform(post(base(other) + "/test-papers").contentType(MediaType.APPLICATION_JSON).content(generate())
                .header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isNotFound());
        // and cannot point a blueprint of her school at this school's bank
        mvc.perform(post(base(other) + "/blueprints").contentType(MediaType.APPLICATION_JSON).content(blueprint())
                .header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isBadRequest());
    }
}
