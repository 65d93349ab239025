package vn.truongso.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * The topic import through the JSON API, with generated workbooks: a valid file becomes visible, a second import of
 * it duplicates nothing, and every kind of bad file is refused with the row and column of each problem and no change.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicImportTest {

    static final String IMPORTS = "/api/v1/curriculum/topics/imports";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Curriculum curriculum;

    TestSchool school;
    String admin;

    @BeforeAll
    void createSchool() {
        school = testSchools.create();
        admin = school.bearer(Role.SO_OFFICER);
    }

    /** A prefix that keeps this test's topic codes apart from any other test's. */
    private static String unique() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private ResultActions upload(byte[] content, boolean commit) throws Exception {
        return mvc.perform(multipart(IMPORTS).file(new MockMultipartFile("file", "chu-de.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
                .param("commit", String.valueOf(commit)).header("Authorization", admin));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'curriculum.topics.imported'").query(Long.class).single();
    }

    /** Generated rows: 2 topics of Toán 6 (the second with 2 outcomes) and 1 of Vật lí 10 with an HCMC-style code. */
    private List<List<Object>> validRows(String p) {
        return List.of(
                row("TOAN", 6, p + "-C1", "Chủ đề thử nghiệm một " + p, 1, "YC1", "Yêu cầu sinh tự động 1.1 " + p),
                row("Toán", 6, p + "-C2", "Chủ đề thử nghiệm hai " + p, 2, "YC1", "Yêu cầu sinh tự động 2.1 " + p),
                row("toan", "6", p + "-C2", "Chủ đề thử nghiệm hai " + p, 2, "YC2", "Yêu cầu sinh tự động 2.2 " + p),
                row("Vật lý", 10, p + "-VL1", "Chủ đề thử nghiệm vật lí " + p, 1, "020110.0101a1", "Yêu cầu sinh tự động VL " + p));
    }

    @Test
    void aValidFileIsPreviewedThenCommittedAndVisible() throws Exception {
        String p = unique();
        byte[] file = TopicWorkbooks.xlsx(validRows(p));
        long topics = count("topic");
        long outcomes = count("required_outcome");

        upload(file, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.topics").value(3))
                .andExpect(jsonPath("$.outcomes").value(4))
                .andExpect(jsonPath("$.newTopics").value(3))
                .andExpect(jsonPath("$.newOutcomes").value(4))
                .andExpect(jsonPath("$.errors", hasSize(0)));
        assertThat(count("topic")).as("a preview changes nothing").isEqualTo(topics);

        long audits = auditEntries();
        upload(file, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.committed").value(true))
                .andExpect(jsonPath("$.newTopics").value(3))
                .andExpect(jsonPath("$.newOutcomes").value(4));
        assertThat(count("topic")).isEqualTo(topics + 3);
        assertThat(count("required_outcome")).isEqualTo(outcomes + 4);
        assertThat(auditEntries()).isEqualTo(audits + 1);

        // Anyone signed in, a student too, sees the topics in order with their outcomes.
        String student = school.bearer(Role.STUDENT);
        mvc.perform(get("/api/v1/curriculum/subjects/TOAN/grades/6/topics").header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + p + "-C2')].title").value(contains("Chủ đề thử nghiệm hai " + p)))
                .andExpect(jsonPath("$[?(@.code == '" + p + "-C2')].outcomes[*].code").value(contains("YC1", "YC2")))
                .andExpect(jsonPath("$[?(@.code == '" + p + "-C1')].outcomes[0].text").value(contains("Yêu cầu sinh tự động 1.1 " + p)));
        var physics = curriculum.topics("VAT_LI", 10).stream().filter(t -> t.code().equals(p + "-VL1")).findFirst().orElseThrow();
        var outcome = curriculum.outcomes(physics.id()).getFirst();
        assertThat(outcome.code()).isEqualTo("020110.0101a1");
        assertThat(outcome.hasHcmc791Code()).isTrue();
        mvc.perform(get("/api/v1/curriculum/topics/" + physics.id()).header("Authorization", student))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0].code").value("020110.0101a1"))
                .andExpect(jsonPath("$.outcomes[0].hcmc791Code").value(true));
        var toan = curriculum.topics("TOAN", 6).stream().filter(t -> t.code().startsWith(p)).toList();
        assertThat(toan).extracting(Topic::code).containsExactly(p + "-C1", p + "-C2");
    }

    @Test
    void importingTheSameFileAgainDuplicatesNothingAndAnEditedFileUpdates() throws Exception {
        String p = unique();
        byte[] file = TopicWorkbooks.xlsx(validRows(p));
        upload(file, true).andExpect(status().isOk());
        long topics = count("topic");
        long outcomes = count("required_outcome");

        upload(file, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.newTopics").value(0))
                .andExpect(jsonPath("$.existingTopics").value(3))
                .andExpect(jsonPath("$.newOutcomes").value(0))
                .andExpect(jsonPath("$.existingOutcomes").value(4));
        upload(file, true).andExpect(status().isOk()).andExpect(jsonPath("$.newTopics").value(0));
        assertThat(count("topic")).isEqualTo(topics);
        assertThat(count("required_outcome")).isEqualTo(outcomes);

        // A new title, a changed outcome text and one more outcome: updated in place, one row added.
        var edited = new ArrayList<>(validRows(p));
        edited.set(0, row("TOAN", 6, p + "-C1", "Chủ đề đã sửa " + p, 1, "YC1", "Yêu cầu đã sửa " + p));
        edited.add(row("TOAN", 6, p + "-C1", "Chủ đề đã sửa " + p, 1, "YC2", "Yêu cầu thêm " + p));
        upload(TopicWorkbooks.xlsx(edited), true).andExpect(status().isOk())
                .andExpect(jsonPath("$.newTopics").value(0))
                .andExpect(jsonPath("$.newOutcomes").value(1))
                .andExpect(jsonPath("$.existingOutcomes").value(4));
        assertThat(count("topic")).isEqualTo(topics);
        assertThat(count("required_outcome")).isEqualTo(outcomes + 1);
        var topic = curriculum.topics("TOAN", 6).stream().filter(t -> t.code().equals(p + "-C1")).findFirst().orElseThrow();
        assertThat(topic.title()).isEqualTo("Chủ đề đã sửa " + p);
        assertThat(curriculum.outcomes(topic.id())).extracting(RequiredOutcome::text).containsExactly("Yêu cầu đã sửa " + p, "Yêu cầu thêm " + p);
        String lastAudit = jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'curriculum.topics.imported' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(lastAudit).contains("Yêu cầu sinh tự động 1.1 " + p).contains("Yêu cầu đã sửa " + p);
    }

    @Test
    void theTemplateIsAWorkbookWithTheExpectedHeaderAndImportsAsIsWhenFilled() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/curriculum/topics/template").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", containsString("spreadsheetml")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var sheet = workbook.getSheet(TopicWorkbooks.SHEET);
            assertThat(sheet).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(TopicWorkbooks.HEADER);
            assertThat(workbook.getSheet("Mã môn").getPhysicalNumberOfRows()).isGreaterThan(20);
            // Filled in like a user would, the template itself imports.
            String p = unique();
            var row = sheet.createRow(1);
            Object[] values = {"NGU_VAN", 7, p, "Chủ đề mẫu " + p, 1, "1", "Yêu cầu mẫu " + p};
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Integer i) {
                    row.createCell(c).setCellValue(i);
                } else {
                    row.createCell(c).setCellValue((String) values[c]);
                }
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            upload(out.toByteArray(), true).andExpect(status().isOk()).andExpect(jsonPath("$.newOutcomes").value(1));
        }
        // Nothing imported from the blank template: it has no data rows.
        upload(template, false).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].code").value("curriculum.import.noRows"));
    }

    @Test
    void aWholeSubjectSizedFileImportsInOneGo() throws Exception {
        String p = unique();
        List<List<Object>> rows = new ArrayList<>();
        for (int t = 1; t <= 100; t++) {
            for (int o = 1; o <= 20; o++) {
                rows.add(row("KHTN", 7, p + "-" + t, "Chủ đề sinh tự động " + t, t, String.format("020107.%04da%d", t, o % 6 + 1) + o,
                        "Yêu cầu sinh tự động " + t + "." + o));
            }
        }
        long outcomes = count("required_outcome");
        upload(TopicWorkbooks.xlsx(rows), true).andExpect(status().isOk())
                .andExpect(jsonPath("$.newTopics").value(100))
                .andExpect(jsonPath("$.newOutcomes").value(2000));
        assertThat(count("required_outcome")).isEqualTo(outcomes + 2000);
        var topic50 = curriculum.topics("KHTN", 7).stream().filter(t -> t.code().equals(p + "-50")).findFirst().orElseThrow();
        assertThat(topic50.position()).isEqualTo(50);
        assertThat(curriculum.outcomes(topic50.id())).hasSize(20).first().extracting(RequiredOutcome::position).isEqualTo(1);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Bad input: each case is previewed (200, errors listed) and committed (400, errors listed); nothing changes.

    /** Uploads a bad file both ways and returns the commit's response for further checks. */
    private ResultActions refused(byte[] file, String code, Integer row, String column) throws Exception {
        long topics = count("topic");
        long outcomes = count("required_outcome");
        long audits = auditEntries();
        var preview = upload(file, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.committed").value(false));
        var commit = upload(file, true).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("không có gì được thay đổi")));
        for (var result : List.of(preview, commit)) {
            String at = "$.errors[?(@.code == '" + code + "'";
            if (row != null) {
                at += " && @.location.row == " + row + " && @.location.column == '" + column + "'";
            } else {
                at += " && @.location.field == 'file'";
            }
            at += ")]";
            result.andExpect(jsonPath(at).exists())
                    .andExpect(jsonPath(at + ".message").value(contains(containsStringIgnoringCase(row == null ? "tệp" : "dòng " + row))))
                    .andExpect(jsonPath(at + ".messageEn").value(contains(containsStringIgnoringCase(row == null ? "file" : "row " + row))));
        }
        assertThat(count("topic")).as("topics unchanged").isEqualTo(topics);
        assertThat(count("required_outcome")).as("outcomes unchanged").isEqualTo(outcomes);
        assertThat(auditEntries()).as("no import audited").isEqualTo(audits);
        return commit;
    }

    @Test
    void contentThatIsNotAnXlsxIsRefusedWhateverItsName() throws Exception {
        refused("Môn,Lớp\nTOAN,6\n".getBytes(StandardCharsets.UTF_8), "curriculum.import.notXlsx", null, null);
        refused("%PDF-1.7 not a workbook".getBytes(StandardCharsets.US_ASCII), "curriculum.import.notXlsx", null, null);
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        refused(zip.toByteArray(), "curriculum.import.notXlsx", null, null);
        refused(TopicWorkbooks.xls(validRows(unique())), "curriculum.import.legacyXls", null, null);
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        refused(new byte[0], "curriculum.import.fileEmpty", null, null);
        refused(TopicWorkbooks.xlsx(List.of()), "curriculum.import.noRows", 2, "Môn");
    }

    @Test
    void aPasswordProtectedFileIsRefused() throws Exception {
        refused(TopicWorkbooks.encryptedXlsx(validRows(unique()), "matkhau123"), "curriculum.import.encrypted", null, null);
    }

    @Test
    void missingOrRenamedColumnsAreNamed() throws Exception {
        String p = unique();
        var header = new ArrayList<>(TopicWorkbooks.HEADER);
        header.set(0, "Môn học");
        header.remove("Mã YCCĐ");
        var rows = List.<List<Object>>of(row("TOAN", 6, p, "Chủ đề " + p, 1, "Yêu cầu " + p));
        refused(TopicWorkbooks.xlsx(header, rows), "curriculum.import.columnMissing", 1, "Môn")
                .andExpect(jsonPath("$.errors[?(@.code == 'curriculum.import.columnMissing')].location.column").value(contains("Môn", "Mã YCCĐ")));
        // Header names match regardless of case and diacritics, and in any order.
        var relaxed = List.of("lớp", "MON", "Ma chu de", "Tên chủ đề", "Thu tu", "Mã YCCĐ", "Yêu cầu cần đạt");
        upload(TopicWorkbooks.xlsx(relaxed, List.of(row(6, "TOAN", p, "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p))), false)
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void unknownSubjectsAndImpossibleGradesAreLocated() throws Exception {
        String p = unique();
        var rows = List.of(
                row("Thiên văn", 6, p + "-A", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("TOAN", 13, p + "-B", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("TOAN", "sáu", p + "-C", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("TOAN", 0, p + "-D", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("TIENG_VIET", 7, p + "-E", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("Khoa học tự nhiên", 10, p + "-F", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p),
                row("TOAN", 6.5, p + "-G", "Chủ đề " + p, 1, "YC1", "Yêu cầu " + p));
        byte[] file = TopicWorkbooks.xlsx(rows);
        refused(file, "curriculum.import.subjectUnknown", 2, "Môn");
        refused(file, "curriculum.import.gradeInvalid", 3, "Lớp");
        refused(file, "curriculum.import.gradeInvalid", 4, "Lớp");
        refused(file, "curriculum.import.gradeInvalid", 5, "Lớp");
        refused(file, "curriculum.import.subjectNotInGrade", 6, "Lớp");
        refused(file, "curriculum.import.subjectNotInGrade", 7, "Lớp");
        refused(file, "curriculum.import.gradeInvalid", 8, "Lớp").andExpect(jsonPath("$.errors", hasSize(7)));
    }

    @Test
    void duplicateCodesAndInconsistentTopicRowsAreLocated() throws Exception {
        String p = unique();
        var rows = List.of(
                row("TOAN", 8, p, "Chủ đề " + p, 1, "YC1", "Yêu cầu 1 " + p),
                row("TOAN", 8, p, "Chủ đề " + p, 1, "YC1", "Yêu cầu 1 lặp " + p),
                row("TOAN", 8, p, "Tên khác " + p, 1, "YC2", "Yêu cầu 2 " + p),
                row("TOAN", 8, p, "Chủ đề " + p, 2, "YC3", "Yêu cầu 3 " + p),
                // The same codes in another grade are another topic: no error.
                row("TOAN", 9, p, "Chủ đề " + p, 1, "YC1", "Yêu cầu 1 " + p));
        byte[] file = TopicWorkbooks.xlsx(rows);
        refused(file, "curriculum.import.outcomeDuplicate", 3, "Mã YCCĐ")
                .andExpect(jsonPath("$.errors[?(@.code == 'curriculum.import.outcomeDuplicate')].messageEn")
                        .value(contains(containsString("repeats row 2"))));
        refused(file, "curriculum.import.topicTitleDiffers", 4, "Tên chủ đề");
        refused(file, "curriculum.import.topicPositionDiffers", 5, "Thứ tự").andExpect(jsonPath("$.errors", hasSize(3)));
    }

    @Test
    void blankRequiredCellsAreLocated() throws Exception {
        String p = unique();
        var rows = List.of(
                row(null, 6, p + "-1", "Chủ đề", 1, "YC1", "Yêu cầu"),
                row("TOAN", null, p + "-2", "Chủ đề", 1, "YC1", "Yêu cầu"),
                row("TOAN", 6, "  ", "Chủ đề", 1, "YC1", "Yêu cầu"),
                row("TOAN", 6, p + "-4", null, 1, "YC1", "Yêu cầu"),
                row("TOAN", 6, p + "-5", "Chủ đề", null, "YC1", "Yêu cầu"),
                row("TOAN", 6, p + "-6", "Chủ đề", 1, null, "Yêu cầu"),
                row("TOAN", 6, p + "-7", "Chủ đề", 1, "YC1", null),
                row("TOAN", 6, p + "-8", "Chủ đề", -1, "YC1", "Yêu cầu"),
                row("TOAN", 6, p + "-9", "Chủ đề", 1, "X".repeat(41), "Yêu cầu"));
        byte[] file = TopicWorkbooks.xlsx(rows);
        String[] columns = {"Môn", "Lớp", "Mã chủ đề", "Tên chủ đề", "Thứ tự", "Mã YCCĐ", "Yêu cầu cần đạt"};
        for (int i = 0; i < columns.length; i++) {
            refused(file, "curriculum.import.required", i + 2, columns[i]);
        }
        refused(file, "curriculum.import.positionInvalid", 9, "Thứ tự");
        refused(file, "curriculum.import.tooLong", 10, "Mã YCCĐ").andExpect(jsonPath("$.errors", hasSize(9)));
    }

    @Test
    void aFileWithOneBadRowImportsNothingAtAll() throws Exception {
        String p = unique();
        var rows = new ArrayList<>(validRows(p));
        rows.add(row("TOAN", 6, p + "-C9", "Chủ đề " + p, 9, "YC1", null));
        refused(TopicWorkbooks.xlsx(rows), "curriculum.import.required", 6, "Yêu cầu cần đạt");
        assertThat(curriculum.topics("TOAN", 6)).noneMatch(t -> t.code().startsWith(p));
        assertThat(curriculum.topics("VAT_LI", 10)).noneMatch(t -> t.code().startsWith(p));
    }
}
