package vn.truongso.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.directory.demo.ScaleDataGenerator;
import vn.truongso.directory.domain.CitizenId;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.StudentValidation;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.Role;
import vn.truongso.platform.VietnameseText;
import vn.truongso.support.IntegrationTest;

/** The benchmark-data generator at a small scale: 3 schools × 50 students and one empty school. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleDataGeneratorTest {

    @Autowired
    ScaleDataGenerator generator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    ScaleDataGenerator.Plan plan;
    ScaleDataGenerator.Result result;

    @BeforeAll
    void generate() {
        // Its own Sở in the shared test database: one seed makes one Sở.
        plan = new ScaleDataGenerator.Plan(3, 50, ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000), ScaleDataGenerator.DISTRICTS, 1);
        result = generator.generate(plan);
    }

    @Test
    void buildsTheSoPhongSchoolTree() {
        assertThat(result.schools()).hasSize(3);
        assertThat(result.emptySchools()).hasSize(1);
        // Fewer schools than the 22 districts: one Phòng per school.
        assertThat(result.phongIds()).hasSize(4).doesNotHaveDuplicates();
        for (var school : all()) {
            UUID parent = jdbc.sql("SELECT parent_id FROM org_unit WHERE id = ? AND kind = 'SCHOOL'").param(school.schoolId()).query(UUID.class).single();
            assertThat(result.phongIds()).contains(parent);
            assertThat(jdbc.sql("SELECT parent_id FROM org_unit WHERE id = ? AND kind = 'PHONG'").param(parent).query(UUID.class).single())
                    .isEqualTo(result.soId());
            assertThat(jdbc.sql("SELECT level || lowest_grade || highest_grade FROM school WHERE school_id = ?").param(school.schoolId())
                    .query(String.class).single()).isEqualTo("THCS69");
            assertThat(count("SELECT count(*) FROM school_year WHERE school_id = ? AND is_current", school.schoolId())).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM subject_group WHERE school_id = ? AND head_staff_id IS NOT NULL", school.schoolId()))
                    .isEqualTo(5);
        }
        assertThat(result.rowsByTable().get("student")).isEqualTo(150);
        assertThat(result.rows()).isGreaterThan(150);
    }

    @Test
    void everySchoolHasItsStudentsClassesStaffAndGuardians() {
        for (var school : result.schools()) {
            UUID id = school.schoolId();
            assertThat(count("SELECT count(*) FROM student WHERE school_id = ?", id)).isEqualTo(50);
            assertThat(count("SELECT count(*) FROM enrolment WHERE school_id = ? AND ends_on IS NULL AND school_year_id = ?", id, school.yearId()))
                    .isEqualTo(50);
            // 12 or 13 students per grade: one class in each of grades 6 to 9.
            assertThat(jdbc.sql("SELECT name FROM school_class WHERE school_id = ? ORDER BY grade").param(id).query(String.class).list())
                    .containsExactly("6A1", "7A1", "8A1", "9A1");
            assertThat(count("SELECT count(*) FROM teaching_assignment WHERE school_id = ?", id)).isEqualTo(4 * 8);
            assertThat(count("SELECT count(*) FROM staff WHERE school_id = ? AND position = 'PRINCIPAL'", id)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM staff WHERE school_id = ? AND position = 'TEACHER'", id)).isGreaterThanOrEqualTo(10);
            assertThat(count("""
                    SELECT count(*) FROM student s WHERE s.school_id = ?
                    AND NOT EXISTS (SELECT 1 FROM student_guardian l WHERE l.school_id = s.school_id AND l.student_id = s.id)""", id)).isZero();
            assertThat(school.students()).isEqualTo(50);
            assertThat(school.classes()).isEqualTo(4);
        }
        var empty = result.emptySchools().getFirst();
        assertThat(count("SELECT count(*) FROM student WHERE school_id = ?", empty.schoolId())).isZero();
        assertThat(count("SELECT count(*) FROM school_class WHERE school_id = ?", empty.schoolId())).isZero();
        assertThat(count("SELECT count(*) FROM staff WHERE school_id = ?", empty.schoolId())).isGreaterThan(10);
    }

    @Test
    void referencesStayInsideTheirSchool() {
        // Foreign-key checks may be skipped while bulk loading, so prove the references hold, school by school.
        for (var school : all()) {
            UUID id = school.schoolId();
            assertThat(count("""
                    SELECT count(*) FROM enrolment e WHERE e.school_id = ?
                    AND (NOT EXISTS (SELECT 1 FROM student s WHERE s.school_id = e.school_id AND s.id = e.student_id)
                      OR NOT EXISTS (SELECT 1 FROM school_class c WHERE c.school_id = e.school_id AND c.id = e.class_id
                                     AND c.school_year_id = e.school_year_id))""", id)).isZero();
            assertThat(count("""
                    SELECT count(*) FROM student_guardian l WHERE l.school_id = ?
                    AND (NOT EXISTS (SELECT 1 FROM student s WHERE s.school_id = l.school_id AND s.id = l.student_id)
                      OR NOT EXISTS (SELECT 1 FROM guardian g WHERE g.school_id = l.school_id AND g.id = l.guardian_id))""", id)).isZero();
            assertThat(count("""
                    SELECT count(*) FROM teaching_assignment a WHERE a.school_id = ?
                    AND (NOT EXISTS (SELECT 1 FROM staff t WHERE t.school_id = a.school_id AND t.id = a.staff_id AND t.position = 'TEACHER')
                      OR NOT EXISTS (SELECT 1 FROM school_class c WHERE c.school_id = a.school_id AND c.id = a.class_id))""", id)).isZero();
            assertThat(count("""
                    SELECT count(*) FROM school_class c WHERE c.school_id = ?
                    AND NOT EXISTS (SELECT 1 FROM staff t WHERE t.school_id = c.school_id AND t.id = c.homeroom_staff_id)""", id)).isZero();
            assertThat(count("""
                    SELECT count(*) FROM staff t WHERE t.school_id = ? AND t.subject_group_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM subject_group g WHERE g.school_id = t.school_id AND g.id = t.subject_group_id)""", id)).isZero();
        }
    }

    record Person(String learnerCode, String fullName, String givenName, String nameFolded, LocalDate birthDate, Sex sex, String citizenId) {
    }

    @Test
    void namesAndCitizenIdsValidate() {
        for (var school : result.schools()) {
            List<Person> students = jdbc.sql("""
                    SELECT learner_code, full_name, given_name, name_folded, birth_date, sex, citizen_id FROM student WHERE school_id = ?""")
                    .param(school.schoolId()).query(Person.class).list();
            assertThat(students).hasSize(50);
            assertThat(students).extracting(Person::citizenId).doesNotHaveDuplicates();
            for (Person student : students) {
                List<InputError> errors = StudentValidation.check(student.learnerCode(), student.fullName(), student.birthDate(), student.sex(),
                        student.citizenId(), (field, code) -> InputError.field(field, code));
                assertThat(errors).as(student.toString()).isEmpty();
                assertThat(CitizenId.problem(student.citizenId(), student.birthDate(), student.sex())).as(student.toString()).isEmpty();
                assertThat(student.fullName().split(" ")).hasSizeGreaterThanOrEqualTo(3);
                assertThat(student.nameFolded()).isEqualTo(VietnameseText.fold(student.fullName()));
                assertThat(student.givenName()).isEqualTo(VietnameseText.givenName(student.fullName()));
            }
            List<Person> staff = jdbc.sql("""
                    SELECT staff_code AS learner_code, full_name, given_name, name_folded, birth_date, sex, citizen_id FROM staff WHERE school_id = ?""")
                    .param(school.schoolId()).query(Person.class).list();
            for (Person member : staff) {
                assertThat(CitizenId.problem(member.citizenId(), member.birthDate(), member.sex())).as(member.toString()).isEmpty();
            }
        }
    }

    @Test
    void generatedStudentsAreFoundByFoldedName() throws Exception {
        var school = result.schools().get(1);
        String bearer = "Bearer " + token(school.principalUsername());
        Person student = jdbc.sql("""
                SELECT learner_code, full_name, given_name, name_folded, birth_date, sex, citizen_id FROM student
                WHERE school_id = ? ORDER BY learner_code LIMIT 1""").param(school.schoolId()).query(Person.class).single();
        String[] folded = student.nameFolded().split(" ");
        String id = jdbc.sql("SELECT id::text FROM student WHERE school_id = ? AND learner_code = ?")
                .params(school.schoolId(), student.learnerCode()).query(String.class).single();
        // Family name and given name typed without diacritics, as a teacher searches ("nguyen an").
        for (String query : List.of(folded[0] + " " + folded[folded.length - 1], student.fullName(), student.fullName().toUpperCase())) {
            mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/students").param("q", query).param("size", "200")
                    .header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].id", hasItem(id)))
                    .andExpect(jsonPath("$.items[*].fullName", hasItem(student.fullName())));
        }
        // Another generated school's principal does not see this school.
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/students").param("q", folded[0])
                .header("Authorization", "Bearer " + token(result.schools().getFirst().principalUsername())))
                .andExpect(status().isNotFound());
    }

    @Test
    void accountsSignInWithTheBenchPasswordAndSeeTheirSchool() throws Exception {
        var school = result.schools().getFirst();
        var principal = accounts.findByUsername(school.principalUsername()).orElseThrow();
        assertThat(principal.grants()).extracting(g -> g.role() + "@" + g.orgUnitId()).containsExactly(Role.PRINCIPAL + "@" + school.schoolId());
        assertThat(principal.personId()).isEqualTo(school.principalStaffId());
        assertThat(principal.displayName()).isEqualTo(school.principalName());
        // A failed sign-in is sent back to the sign-in page; a successful one goes on elsewhere.
        mvc.perform(post("/login").param("username", school.teacherUsername()).param("password", ScaleDataGenerator.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("login"));
        mvc.perform(post("/login").param("username", school.teacherUsername()).param("password", "wrong-" + ScaleDataGenerator.PASSWORD)
                .with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("login"));
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/my-classes").header("Authorization", "Bearer " + token(school.teacherUsername())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("6A1")));
    }

    @Test
    void refusesToGenerateTheSameSeedTwice() {
        assertThatThrownBy(() -> generator.generate(new ScaleDataGenerator.Plan(1, 10, plan.seed())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    private List<ScaleDataGenerator.GeneratedSchool> all() {
        return java.util.stream.Stream.concat(result.schools().stream(), result.emptySchools().stream()).toList();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String token(String username) {
        var summary = accounts.findByUsername(username).orElseThrow();
        return accounts.issueApiToken(new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(),
                summary.personId(), "vi", summary.grants()), "test", 1);
    }
}
