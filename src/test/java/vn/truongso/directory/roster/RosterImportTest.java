package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.directory.roster.TestWorkbook.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools.TestSchool;

/** The whole import cycle against the real database: preview, commit, re-import, changes, export round trip. */
@IntegrationTest
class RosterImportTest extends RosterTestSupport {

    @Test
    void aValidRosterIsPreviewedThenCommittedWithAccounts() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        String before = directoryState(school);

        JsonNode preview = preview(school, roster.bytes());
        assertThat(preview.get("errors").size()).as(preview.get("errors").toString()).isZero();
        assertThat(preview.get("canCommit").asBoolean()).isTrue();
        assertThat(counts(preview)).containsExactly(
                Map.entry("STAFF", List.of(5, 0, 0)), Map.entry("CLASSES", List.of(2, 1, 0)),
                Map.entry("STUDENTS", List.of(4, 0, 0)), Map.entry("ASSIGNMENTS", List.of(4, 0, 0)));
        JsonNode changed6A1 = rows(preview, "CLASSES").stream().filter(r -> r.get("key").asString().equals("6A1")).findFirst().orElseThrow();
        assertThat(changed6A1.get("status").asString()).isEqualTo("CHANGED");
        assertThat(changed6A1.get("changes").get(0).get("column").asString()).isEqualTo("GVCN");
        assertThat(changed6A1.get("changes").get(0).get("oldValue").asString()).isEqualTo("Phạm Thị Giáo");
        assertThat(changed6A1.get("changes").get(0).get("newValue").asString()).isEqualTo("Nguyễn Thị Lan");
        // The preview changed nothing but keep the upload.
        assertThat(directoryState(school)).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE school_id = ?").param(school.schoolId()).query(Long.class).single()).isZero();

        JsonNode result = commit(school, preview.get("uploadId").asString());
        assertThat(result.get("accountsCreated").asInt()).isEqualTo(11);
        assertThat(result.get("guardiansCreated").asInt()).isEqualTo(3);
        assertThat(result.get("subjectGroupsCreated").asInt()).isEqualTo(2);
        Map<String, JsonNode> credentials = new java.util.HashMap<>();
        result.get("credentials").forEach(c -> credentials.put(c.get("displayName").asString(), c));
        assertThat(credentials.get("Nguyễn Thị Lan").get("username").asString()).isEqualTo("lan." + roster.tag);
        assertThat(credentials.get("Nguyễn Thị Lan").get("roleLabel").asString()).isEqualTo("Giáo viên, Tổ trưởng chuyên môn");
        assertThat(credentials.get("Nguyễn Văn An").get("username").asString()).isEqualTo(roster.code(1));
        assertThat(credentials.get("Nguyễn Văn Bình").get("username").asString()).isEqualTo(roster.fatherPhone);
        assertThat(credentials.get("Nguyễn Văn Bình").get("note").asString()).contains("Nguyễn Văn An (6A1)", "Nguyễn Thị Bé (6A2)");
        assertThat(credentials.get("Đỗ Văn Tâm").get("username").asString()).startsWith("dovantam");
        assertThat(credentials).doesNotContainKey("Vũ Thị Mai");

        // The directory API shows what was imported.
        JsonNode classes = getJson(school, "/classes");
        assertThat(StreamSupport.stream(classes.spliterator(), false).map(c -> c.get("name").asString() + ":" + c.get("studentCount").asInt()
                + ":" + c.get("homeroomTeacher").asString())).containsExactly("6A1:2:Nguyễn Thị Lan", "6A2:1:Trần Văn Minh",
                "7A1:1:Phạm Thị Giáo");
        JsonNode assignments = getJson(school, "/teaching-assignments");
        assertThat(StreamSupport.stream(assignments.spliterator(), false).map(a -> a.get("className").asString() + " " + a.get("subjectCode")
                .asString() + " " + a.get("teacherName").asString())).containsExactly("6A1 NGU_VAN Trần Văn Minh", "6A1 TOAN Nguyễn Thị Lan",
                "6A2 TOAN Nguyễn Thị Lan", "7A1 NGU_VAN Trần Văn Minh");
        JsonNode groups = getJson(school, "/subject-groups");
        assertThat(StreamSupport.stream(groups.spliterator(), false).map(g -> g.get("name").asString() + ":" + g.get("headName").asString()))
                .containsExactly("Tổ Ngữ văn:", "Tổ Toán - Tin:Nguyễn Thị Lan");

        // Siblings share their parents.
        JsonNode an = student(school, roster.code(1));
        JsonNode be = student(school, roster.code(2));
        assertThat(an.get("guardians").size()).isEqualTo(2);
        assertThat(ids(an.get("guardians"))).isEqualTo(ids(be.get("guardians")));
        assertThat(an.get("student").get("citizenId").asString()).isEqualTo("079214000001");
        assertThat(be.get("student").get("birthDate").asString()).isEqualTo("2014-02-03");
        assertThat(an.get("enrolments").get(0).get("className").asString()).isEqualTo("6A1");

        // The new teacher signs in with her temporary password and sees her classes.
        String lan = credentials.get("Nguyễn Thị Lan").get("username").asString();
        mvc.perform(formLogin("/login").user(lan).password(credentials.get("Nguyễn Thị Lan").get("temporaryPassword").asString()))
                .andExpect(authenticated().withUsername(lan));
        var account = accounts.findByUsername(lan).orElseThrow();
        assertThat(account.grants()).extracting(g -> g.role()).containsExactlyInAnyOrder(Role.TEACHER, Role.GROUP_HEAD);
        String token = issueToken(account.id());
        var mine = json.readTree(mvc.perform(get(base(school) + "/my-classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(StreamSupport.stream(mine.spliterator(), false).map(c -> c.get("name").asString())).containsExactly("6A1", "6A2");

        // The commit is audited with its counts.
        String audit = jdbc.sql("SELECT detail::text FROM audit_event WHERE org_unit_id = ? AND action = 'roster.imported'")
                .param(school.schoolId()).query(String.class).single();
        assertThat(audit).contains("\"accountsCreated\": 11", "\"students\": {");
    }

    @Test
    void theSameUploadCannotBeCommittedTwiceAndReimportingChangesNothing() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        String uploadId = preview(school, roster.bytes()).get("uploadId").asString();
        commit(school, uploadId);
        String after = directoryState(school);

        var second = mvc.perform(post(base(school) + "/roster/imports/" + uploadId + "/commit").header("Authorization",
                school.bearer(Role.PRINCIPAL))).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(json.readTree(second.getContentAsByteArray()).get("errors").get(0).get("code").asString())
                .isEqualTo("roster.upload.alreadyCommitted");
        assertThat(directoryState(school)).isEqualTo(after);

        JsonNode again = preview(school, roster.bytes());
        assertThat(again.get("errors").size()).as(again.get("errors").toString()).isZero();
        assertThat(counts(again)).containsExactly(Map.entry("STAFF", List.of(0, 0, 5)), Map.entry("CLASSES", List.of(0, 0, 3)),
                Map.entry("STUDENTS", List.of(0, 0, 4)), Map.entry("ASSIGNMENTS", List.of(0, 0, 4)));
        JsonNode result = commit(school, again.get("uploadId").asString());
        assertThat(result.get("accountsCreated").asInt()).isZero();
        assertThat(result.get("credentialsUrl").isNull()).isTrue();
    }

    @Test
    void changedRowsShowTheirFieldsAndTheCommitMovesStudents() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        commit(school, preview(school, roster.bytes()).get("uploadId").asString());

        roster.students.set(0, replace(roster.students.get(0), 7, "Quận 10"));
        roster.students.set(3, replace(roster.students.get(3), 8, "6a2"));
        roster.assignments.set(0, row("GV2" + roster.tag, "Toán", "6A1"));
        roster.classes.set(1, row("6A2", 6, "Nguyễn Thị Lan"));
        roster.staff.set(4, row(null, "Vũ Thị Mai", null, "Nữ", null, "Nhân viên", null, null, null, "0901234567"));
        JsonNode preview = preview(school, roster.bytes());
        assertThat(preview.get("errors").size()).as(preview.get("errors").toString()).isZero();
        assertThat(counts(preview)).containsExactly(Map.entry("STAFF", List.of(0, 1, 4)), Map.entry("CLASSES", List.of(0, 1, 2)),
                Map.entry("STUDENTS", List.of(0, 2, 2)), Map.entry("ASSIGNMENTS", List.of(0, 1, 3)));
        assertThat(changes(preview, "STUDENTS", roster.code(1))).containsExactly("Địa chỉ: Quận 3 → Quận 10");
        assertThat(changes(preview, "STUDENTS", roster.code(4))).containsExactly("Lớp: 6A1 → 6A2");
        assertThat(changes(preview, "ASSIGNMENTS", "6A1 / TOAN")).containsExactly("Giáo viên: Nguyễn Thị Lan → Trần Văn Minh");
        assertThat(changes(preview, "CLASSES", "6A2")).containsExactly("GVCN: Trần Văn Minh → Nguyễn Thị Lan");
        assertThat(changes(preview, "STAFF", "Vũ Thị Mai")).containsExactly("Số điện thoại:  → 0901234567");

        commit(school, preview.get("uploadId").asString());
        JsonNode huy = student(school, roster.code(4));
        assertThat(huy.get("enrolments").size()).isEqualTo(2);
        assertThat(huy.get("enrolments").findValuesAsString("className")).containsExactlyInAnyOrder("6A1", "6A2");
        long open = jdbc.sql("SELECT count(*) FROM enrolment WHERE school_id = ? AND student_id = ? AND ends_on IS NULL")
                .params(school.schoolId(), UUID.fromString(huy.get("student").get("id").asString())).query(Long.class).single();
        assertThat(open).isOne();
        assertThat(student(school, roster.code(1)).get("student").get("address").asString()).isEqualTo("Quận 10");
        assertThat(counts(preview(school, roster.bytes()))).allSatisfy((sheet, c) -> assertThat(c.subList(0, 2)).containsOnly(0));
    }

    @Test
    void anExportImportsAgainWithoutAnyChange() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        commit(school, preview(school, roster.bytes()).get("uploadId").asString());

        byte[] export = download(school, "/roster/export");
        assertThat(TestWorkbook.read(export, "Học sinh")).hasSize(5);
        assertThat(TestWorkbook.read(export, "Hướng dẫn")).isNotNull();
        JsonNode preview = preview(school, export);
        assertThat(preview.get("errors").size()).as(preview.get("errors").toString()).isZero();
        assertThat(counts(preview)).containsExactly(Map.entry("STAFF", List.of(0, 0, 6)), Map.entry("CLASSES", List.of(0, 0, 3)),
                Map.entry("STUDENTS", List.of(0, 0, 4)), Map.entry("ASSIGNMENTS", List.of(0, 0, 4)));
    }

    @Test
    void theClassListIsInVietnameseNameOrderWithParents() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        roster.students.add(row(roster.code(5), "Trần Minh Đức", "1/1/2014", "Nam", null, null, null, null, "6A1", null, null, null, null,
                null, null));
        roster.students.add(row(roster.code(6), "Lê Văn Dũng", "2/1/2014", "Nam", null, null, null, null, "6A1", null, null, null, null, null,
                null));
        roster.students.add(row(roster.code(7), "Hoàng Ánh", "3/1/2014", "Nữ", null, null, null, null, "6A1", null, null, null, null, null,
                null));
        roster.students.add(row(roster.code(8), "Bùi Thị Anh", "4/1/2014", "Nữ", null, null, null, null, "6A1", null, null, null, null, null,
                null));
        commit(school, preview(school, roster.bytes()).get("uploadId").asString());

        var response = mvc.perform(get(base(school) + "/classes/" + school.classId() + "/export")
                        .header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"danh-sach-lop-6a1.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20l%E1%BB%9Bp%206A1.xlsx"))
                .andReturn().getResponse();
        List<List<Object>> rows = TestWorkbook.read(response.getContentAsByteArray(), "Lớp 6A1");
        assertThat(rows.get(1).getFirst().toString()).contains("DANH SÁCH HỌC SINH LỚP 6A1", "2026-2027");
        assertThat(rows.get(ClassListWriter.HEADER_ROW)).containsExactly((Object[]) ClassListWriter.HEADERS);
        List<Object> names = new ArrayList<>();
        for (var r : rows.subList(ClassListWriter.HEADER_ROW + 1, rows.size())) {
            names.add(r.get(2));
        }
        assertThat(names).containsExactly("Nguyễn Văn An", "Bùi Thị Anh", "Hoàng Ánh", "Lê Văn Dũng", "Trần Minh Đức", "Phạm Gia Huy");
        List<Object> an = rows.get(ClassListWriter.HEADER_ROW + 1);
        assertThat(an).containsExactly(1.0, roster.code(1), "Nguyễn Văn An", LocalDate.of(2014, 9, 5), "Nam", "Nguyễn Văn Bình",
                roster.fatherPhone, "Trần Thị Cúc", roster.motherPhone);
    }

    @Test
    void theCommitterDownloadsTheCredentialsOnceAndOnlySheCan() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        String uploadId = preview(school, roster.bytes()).get("uploadId").asString();
        JsonNode result = commit(school, uploadId);
        String path = "/roster/imports/" + uploadId + "/credentials";
        assertThat(result.get("credentialsUrl").asString()).isEqualTo(base(school) + path);
        String stored = jdbc.sql("SELECT encode(credentials, 'escape') FROM roster_upload WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), UUID.fromString(uploadId)).query(String.class).single();
        String aPassword = result.get("credentials").get(0).get("temporaryPassword").asString();
        assertThat(stored).doesNotContain(aPassword);

        mvc.perform(get(base(school) + path).header("Authorization", school.bearer(Role.IT_STAFF))).andExpect(status().isForbidden());
        byte[] workbook = download(school, path);
        List<List<Object>> rows = TestWorkbook.read(workbook, "Tài khoản");
        assertThat(rows.get(CredentialsWriter.HEADER_ROW)).containsExactly((Object[]) CredentialsWriter.HEADERS);
        assertThat(rows.subList(CredentialsWriter.HEADER_ROW + 1, rows.size())).hasSize(11)
                .anySatisfy(r -> assertThat(r.get(5)).isEqualTo(aPassword));
        mvc.perform(get(base(school) + path).header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT credentials IS NULL FROM roster_upload WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), UUID.fromString(uploadId)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCommitRechecksTheDirectoryAndChangesNothingWhenItNoLongerFits() throws Exception {
        TestSchool school = testSchools.create();
        var roster = new SampleRoster();
        commit(school, preview(school, roster.bytes()).get("uploadId").asString());
        roster.students.set(1, replace(roster.students.get(1), 2, "03/02/2015"));
        String uploadId = preview(school, roster.bytes()).get("uploadId").asString();
        // Meanwhile the student leaves the school.
        UUID be = UUID.fromString(student(school, roster.code(2)).get("student").get("id").asString());
        mvc.perform(post(base(school) + "/students/" + be + "/transfers-out").header("Authorization", school.bearer(Role.PRINCIPAL))
                .contentType("application/json").content("{\"effectiveOn\":\"2026-11-20\",\"toSchool\":\"THCS Khác\"}"))
                .andExpect(status().isCreated());
        String before = directoryState(school);
        var response = mvc.perform(post(base(school) + "/roster/imports/" + uploadId + "/commit")
                .header("Authorization", school.bearer(Role.PRINCIPAL))).andExpect(status().isBadRequest()).andReturn().getResponse();
        JsonNode error = json.readTree(response.getContentAsByteArray()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("roster.student.transferredOut");
        assertThat(error.get("location").get("sheet").asString()).isEqualTo("Học sinh");
        assertThat(error.get("location").get("row").asInt()).isEqualTo(3);
        assertThat(error.get("message").asString()).contains("Chuyển đến");
        assertThat(directoryState(school)).isEqualTo(before);
    }

    private String issueToken(UUID accountId) {
        var user = user(accountId);
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return accounts.issueApiToken(user, "test", 1);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private JsonNode student(TestSchool school, String learnerCode) throws Exception {
        JsonNode page = getJson(school, "/students?q=" + learnerCode);
        String id = page.get("items").get(0).get("id").asString();
        return getJson(school, "/students/" + id);
    }

    static Map<String, List<Integer>> counts(JsonNode preview) {
        Map<String, List<Integer>> counts = new java.util.LinkedHashMap<>();
        preview.get("sheets").forEach(s -> counts.put(s.get("sheet").asString(),
                List.of(s.get("newRows").asInt(), s.get("changedRows").asInt(), s.get("unchangedRows").asInt())));
        return counts;
    }

    static List<JsonNode> rows(JsonNode preview, String sheet) {
        return StreamSupport.stream(preview.get("rows").spliterator(), false).filter(r -> r.get("sheet").asString().equals(sheet)).toList();
    }

    static List<String> changes(JsonNode preview, String sheet, String key) {
        JsonNode row = rows(preview, sheet).stream().filter(r -> r.get("key").asString().equals(key) || r.get("label").asString().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + key));
        List<String> changes = new ArrayList<>();
        row.get("changes").forEach(c -> changes.add(c.get("column").asString() + ": " + c.get("oldValue").asString() + " → "
                + c.get("newValue").asString()));
        return changes;
    }

    private static List<String> ids(JsonNode guardians) {
        List<String> ids = new ArrayList<>();
        guardians.forEach(g -> ids.add(g.get("id").asString()));
        return ids;
    }

    static List<Object> replace(List<Object> row, int index, Object value) {
        List<Object> copy = new ArrayList<>(row);
        copy.set(index, value);
        return copy;
    }
}
