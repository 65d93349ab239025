package vn.truongso.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.truongso.directory.domain.Enrolments;
import vn.truongso.directory.domain.Sex;
import vn.truongso.directory.domain.Student;
import vn.truongso.directory.domain.Students;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

@IntegrationTest
class StudentsAndTransfersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Students students;
    @Autowired
    Enrolments enrolments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void searchIgnoresDiacriticsAndListsInVietnameseNameOrder() throws Exception {
        var school = testSchools.create();
        for (String name : List.of("Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Ân", "Đặng Minh Đức", "Phạm Thị Anh", "Nguyễn Văn Ánh")) {
            enrol(school, name, "2014-01-0" + (1 + name.length() % 8));
        }
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/students").param("q", "nguyen van an")
                        .header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].fullName").value(org.hamcrest.Matchers.containsInAnyOrder("Nguyễn Văn An", "Nguyễn Văn Ánh")));
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/students").param("q", "duc")
                        .header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(jsonPath("$.items[0].fullName").value("Đặng Minh Đức"));
        // Vietnamese order sorts by given name first: An < Anh < Ánh < Ân < Bích < Đức.
        var page = students.search(school.schoolId(), school.yearId(), null, school.classId(), 0, 50);
        assertThat(page.items()).extracting(Students.StudentListItem::fullName)
                .containsExactly("Nguyễn Văn An", "Phạm Thị Anh", "Nguyễn Văn Ánh", "Lê Văn Ân", "Trần Thị Bích", "Đặng Minh Đức");
    }

    @Test
    void aTransferOutClosesTheEnrolmentAndKeepsTheHistory() throws Exception {
        var school = testSchools.create();
        UUID studentId = enrol(school, "Võ Thị Hồng", "2014-03-15");
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/students/" + studentId + "/transfers-out")
                        .header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveOn\":\"2026-11-20\",\"toSchool\":\"Trường THCS Bàn Cờ\",\"reason\":\"Gia đình chuyển nhà\"}"))
                .andExpect(status().isCreated());
        assertThat(students.find(school.schoolId(), studentId).orElseThrow().status()).isEqualTo(Student.Status.TRANSFERRED_OUT);
        assertThat(enrolments.openClass(school.schoolId(), studentId, school.yearId())).isEmpty();
        mvc.perform(get("/api/v1/schools/" + school.schoolId() + "/students/" + studentId).header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(jsonPath("$.transfers[0].direction").value("OUT"))
                .andExpect(jsonPath("$.transfers[0].otherSchool").value("Trường THCS Bàn Cờ"))
                .andExpect(jsonPath("$.enrolments[0].endsOn").value("2026-11-20"));
        // Leaving twice is refused and changes nothing.
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/students/" + studentId + "/transfers-out")
                        .header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveOn\":\"2026-11-21\",\"toSchool\":\"X\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("transfer.notStudying"));
        assertThat(jdbc.sql("SELECT count(*) FROM transfer WHERE school_id = ? AND student_id = ?").params(school.schoolId(), studentId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTransferInEnrolsTheStudentAndAReturningStudentKeepsHerRecord() throws Exception {
        var school = testSchools.create();
        String body = """
                {"learnerCode":"7900112233","fullName":"Huỳnh Gia Bảo","birthDate":"2014-05-02","sex":"MALE","citizenId":"079214000123",
                 "classId":"%s","effectiveOn":"2026-11-10","fromSchool":"Trường THCS Lê Lợi, Quận 3","reason":"Chuyển nơi cư trú"}"""
                .formatted(school.classId());
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/transfers-in").header("Authorization", school.bearer(Role.IT_STAFF))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        var student = students.byLearnerCode(school.schoolId(), "7900112233").orElseThrow();
        assertThat(enrolments.openClass(school.schoolId(), student.id(), school.yearId())).contains(school.classId());
        // Already studying: refused.
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/transfers-in").header("Authorization", school.bearer(Role.IT_STAFF))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("transfer.alreadyStudying"));
    }

    @Test
    void aTransferInWithBadDataNamesEveryFieldAndChangesNothing() throws Exception {
        var school = testSchools.create();
        String body = """
                {"learnerCode":"7#","fullName":"","birthDate":"2014-05-02","sex":"FEMALE","citizenId":"079214000123",
                 "classId":"%s","effectiveOn":null,"fromSchool":""}""".formatted(Ids.newId());
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/transfers-in").header("Authorization", school.bearer(Role.PRINCIPAL))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].location.field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "learnerCode", "fullName", "citizenId", "effectiveOn", "fromSchool", "classId")))
                .andExpect(jsonPath("$.errors[?(@.location.field == 'citizenId')].message").value(
                        org.hamcrest.Matchers.contains("Trường 'citizenId': Số định danh không khớp với giới tính.")));
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = ?").param(school.schoolId()).query(Long.class).single()).isZero();
    }

    @Test
    void transfersAreForTheSchoolsManagersOnly() throws Exception {
        var school = testSchools.create();
        var other = testSchools.create();
        UUID studentId = enrol(school, "Bùi Thị Mai", "2014-02-02");
        String url = "/api/v1/schools/" + school.schoolId() + "/students/" + studentId + "/transfers-out";
        String body = "{\"effectiveOn\":\"2026-11-20\",\"toSchool\":\"Trường khác\"}";
        for (Role role : List.of(Role.TEACHER, Role.GROUP_HEAD, Role.STUDENT, Role.PARENT, Role.PHONG_OFFICER, Role.SO_OFFICER)) {
            mvc.perform(post(url).header("Authorization", school.bearer(role)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post(url).header("Authorization", other.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/transfers-in").header("Authorization", school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/schools/" + school.schoolId() + "/transfers-in").header("Authorization", other.bearer(Role.IT_STAFF))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
    }

    private UUID enrol(TestSchool school, String name, String birthDate) {
        UUID id = Ids.newId();
        students.add(new Student(school.schoolId(), id, "79" + Math.abs(id.getLeastSignificantBits() % 100_000_000L), null, name,
                LocalDate.parse(birthDate), name.contains("Thị") ? Sex.FEMALE : Sex.MALE, "Kinh", null, null, Student.Status.STUDYING));
        enrolments.enrol(school.schoolId(), id, school.yearId(), school.classId(), LocalDate.of(2026, 9, 5));
        return id;
    }
}
