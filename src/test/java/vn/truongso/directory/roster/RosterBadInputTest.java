package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truongso.directory.roster.SampleRoster.set;
import static vn.truongso.directory.roster.TestWorkbook.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.InputError;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * Every kind of bad input is refused with a message that names the sheet, the row and the column, and nothing in the
 * directory changes (no upload is stored either). One school, imported once, serves all cases.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterBadInputTest extends RosterTestSupport {

    static final String STAFF = "Cán bộ";
    static final String CLASSES = "Lớp";
    static final String STUDENTS = "Học sinh";
    static final String ASSIGNMENTS = "Phân công";

    TestSchool school;
    SampleRoster seed;

    @BeforeAll
    void importASchool() throws Exception {
        school = testSchools.create();
        seed = new SampleRoster();
        // Two teachers share a name; their codes tell them apart.
        seed.staff.add(row("NAM1" + seed.tag, "Trần Văn Nam", null, "Nam", null, "Giáo viên", null, null, null, null));
        seed.staff.add(row("NAM2" + seed.tag, "Trần Văn Nam", null, "Nam", null, "Giáo viên", null, null, null, null));
        seed.students.add(row(seed.code(9), "Hồ Thị Đi", "1/6/2014", "Nữ", "079314000009", null, null, null, "6A2", null, null, null, null, null,
                null));
        JsonNode preview = preview(school, seed.bytes());
        assertThat(preview.get("errors").size()).as(preview.get("errors").toString()).isZero();
        commit(school, preview.get("uploadId").asString());
        String leaving = jdbc.sql("SELECT id::text FROM student WHERE school_id = ? AND learner_code = ?").params(school.schoolId(), seed.code(9))
                .query(String.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base(school) + "/students/" + leaving
                        + "/transfers-out").header("Authorization", school.bearer(Role.PRINCIPAL)).contentType("application/json")
                        .content("{\"effectiveOn\":\"2026-11-20\",\"toSchool\":\"THCS Khác\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        seed.students.removeLast();
    }

    // ---- files that are not a readable .xlsx

    @Test
    void anEmptyFile() {
        assertRefused(new byte[0], null, null, null, "roster.file.empty");
    }

    @Test
    void aRenamedXlsFile() throws IOException {
        try (var workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet("Học sinh").createRow(0).createCell(0).setCellValue("Mã định danh");
            workbook.write(out);
            assertRefused(out.toByteArray(), null, null, null, "roster.file.legacyOffice");
        }
    }

    @Test
    void aRenamedDocFile() throws IOException {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
            assertRefused(out.toByteArray(), null, null, null, "roster.file.legacyOffice");
        }
    }

    @Test
    void aRenamedDocxFile() throws IOException {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Danh sách học sinh");
            document.write(out);
            assertRefused(out.toByteArray(), null, null, null, "roster.file.notWorkbook");
        }
    }

    @Test
    void aCsvOrTextFile() {
        assertRefused("Mã định danh;Họ và tên\n0001;Nguyễn Văn An\n".getBytes(StandardCharsets.UTF_8), null, null, null, "roster.file.notXlsx");
        assertRefused("danh sach hoc sinh".getBytes(StandardCharsets.UTF_8), null, null, null, "roster.file.notXlsx");
    }

    @Test
    void aPasswordProtectedWorkbook() throws Exception {
        try (var fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            var encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(seed.bytes());
            }
            fs.writeFilesystem(out);
            assertRefused(out.toByteArray(), null, null, null, "roster.file.encrypted");
        }
    }

    @Test
    void aCorruptZip() {
        byte[] valid = seed.bytes();
        assertRefused(Arrays.copyOf(valid, valid.length / 2), null, null, null, "roster.file.corrupt");
    }

    @Test
    void aZipBomb() throws IOException {
        byte[] valid = seed.bytes();
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(valid)); var zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(valid.length + 200_000);
        assertRefused(out.toByteArray(), null, null, null, "roster.file.suspicious");
    }

    @Test
    void anOversizedFile() {
        var preview = imports.preview(user(school, Role.PRINCIPAL), school.schoolId(), "lon.xlsx",
                new ByteArrayInputStream(new byte[10 * 1024 * 1024 + 1]));
        assertThat(preview.errors()).extracting(InputError::code).containsExactly("roster.file.tooLarge");
        assertThat(preview.uploadId()).isNull();
    }

    @Test
    void tooManyRowsInASheet() throws IOException {
        try (var workbook = new SXSSFWorkbook(100); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Học sinh");
            sheet.createRow(0).createCell(0).setCellValue("Mã định danh");
            for (int r = 1; r <= 20_001; r++) {
                sheet.createRow(r).createCell(0).setCellValue("HS" + r);
            }
            workbook.write(out);
            assertRefused(out.toByteArray(), STUDENTS, null, null, "roster.sheet.tooManyRows");
        }
    }

    @Test
    void aWorkbookWithoutRosterSheetsOrWithoutData() {
        assertRefused(TestWorkbook.create().sheet("Sheet1", List.of("A"), List.of(row("x"))).bytes(), null, null, null,
                "roster.file.noRosterSheet");
        assertRefused(imports.template(), null, null, null, "roster.file.noData");
    }

    // ---- sheets and columns

    @Test
    void aMissingOrRenamedRequiredColumn() {
        List<String> headers = new ArrayList<>(TestWorkbook.STUDENTS);
        headers.set(2, "Ngày tháng năm sinh");
        assertRefused(TestWorkbook.create().sheet("Học sinh", headers, seed.students).bytes(), STUDENTS, 1, "Ngày sinh", "roster.column.missing");
        List<String> staffHeaders = new ArrayList<>(TestWorkbook.STAFF);
        staffHeaders.remove("Chức vụ");
        assertRefused(TestWorkbook.create().sheet("Cán bộ", staffHeaders, List.of(row("GV9", "Nguyễn Văn Tư"))).bytes(), STAFF, 1, "Chức vụ",
                "roster.column.missing");
    }

    @Test
    void headersAreFoundInAnyOrderCaseAndDiacriticsIgnored() {
        var file = TestWorkbook.create().sheet("hoc sinh", List.of("LOP", "ho va ten", "Ngay sinh (dd/MM/yyyy)", "STT", "ma dinh danh",
                        "GIỚI TÍNH"),
                List.of(row("6A1", "Nguyễn Văn An", LocalDate.of(2014, 9, 5), 1, seed.code(1), "Nam"))).bytes();
        RosterPreview preview = previewDirect(file);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.counts(RosterSheet.STUDENTS).unchangedRows()).isOne();
    }

    @Test
    void aTitleAboveTheHeaderAndRowsHoldingOnlyANumberAreSkipped() {
        var file = TestWorkbook.create().sheet("Học sinh", List.of("DANH SÁCH HỌC SINH NĂM HỌC 2026-2027"), List.of(
                row((Object) null),
                row("STT", "Mã định danh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp"),
                row(1, seed.code(1), "Nguyễn Văn An", LocalDate.of(2014, 9, 5), "Nam", "6A1"),
                row(2), row(3), row(4))).bytes();
        RosterPreview preview = previewDirect(file);
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(4);
            assertThat(r.status()).isEqualTo(RowStatus.UNCHANGED);
        });
    }

    // ---- cells

    @Test
    void anEmptyRequiredCell() {
        var roster = seed.copy();
        set(roster.students, 1, 1, null);
        assertRefused(roster.bytes(), STUDENTS, 3, "Họ và tên", "roster.cell.required");
    }

    @Test
    void impossibleMalformedAndFutureDates() {
        var roster = seed.copy();
        set(roster.students, 0, 2, "31/02/2015");
        set(roster.students, 1, 2, "5 tháng 9 năm 2014");
        set(roster.students, 2, 2, LocalDate.now().plusDays(1));
        set(roster.staff, 1, 2, "2/30/1980");
        RosterPreview preview = refused(roster.bytes());
        assertThat(preview.errors()).contains(InputError.cell(STUDENTS, 2, "Ngày sinh", "roster.date.invalid", "31/02/2015"),
                InputError.cell(STUDENTS, 3, "Ngày sinh", "roster.date.format", "5 tháng 9 năm 2014"),
                InputError.cell(STAFF, 3, "Ngày sinh", "roster.date.invalid", "2/30/1980"));
        assertHas(preview, STUDENTS, 4, "Ngày sinh", "roster.date.future");
    }

    @Test
    void anInvalidSex() {
        var roster = seed.copy();
        set(roster.students, 0, 3, "Trai");
        assertRefused(roster.bytes(), STUDENTS, 2, "Giới tính", "roster.sex.invalid");
    }

    @Test
    void anInvalidCitizenId() {
        var roster = seed.copy();
        set(roster.students, 0, 4, "079215000001");
        assertRefused(roster.bytes(), STUDENTS, 2, "Số định danh cá nhân", "citizenId.birthYear");
        set(roster.students, 0, 4, "07921400001");
        assertRefused(roster.bytes(), STUDENTS, 2, "Số định danh cá nhân", "citizenId.format");
        set(roster.students, 0, 4, "079314000001");
        assertRefused(roster.bytes(), STUDENTS, 2, "Số định danh cá nhân", "citizenId.sex");
    }

    @Test
    void aCitizenIdTypedAsANumberLostItsLeadingZero() {
        var roster = seed.copy();
        set(roster.students, 0, 4, 79214000001L);
        RosterPreview preview = refused(roster.bytes());
        assertHas(preview, STUDENTS, 2, "Số định danh cá nhân", "roster.citizenId.numeric");
        assertThat(describe(preview.errors().getFirst())).contains("Văn bản (Text)");
    }

    @Test
    void numbersTypedAsNumbersAreReadAsTheirDigits() {
        var roster = seed.copy();
        set(roster.students, 0, 0, Long.parseLong(seed.code(1)));
        set(roster.students, 0, 10, Long.parseLong(seed.fatherPhone));
        RosterPreview preview = previewDirect(roster.bytes());
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.counts(RosterSheet.STUDENTS).changedRows()).isZero();
    }

    @Test
    void anInvalidLearnerCodeOrPhone() {
        var roster = seed.copy();
        set(roster.students, 0, 0, "AB-1");
        set(roster.students, 1, 12, "12345");
        RosterPreview preview = refused(roster.bytes());
        assertHas(preview, STUDENTS, 2, "Mã định danh", "student.learnerCode.format");
        assertHas(preview, STUDENTS, 3, "SĐT mẹ", "roster.phone.format");
    }

    @Test
    void duplicateLearnerCodesAndCitizenIdsInTheFile() {
        var roster = seed.copy();
        set(roster.students, 2, 0, seed.code(1));
        set(roster.students, 3, 4, "079214000001");
        RosterPreview preview = refused(roster.bytes());
        assertThat(preview.errors()).contains(InputError.cell(STUDENTS, 4, "Mã định danh", "roster.cell.duplicate", seed.code(1), 2),
                InputError.cell(STUDENTS, 5, "Số định danh cá nhân", "roster.cell.duplicate", "079214000001", 2));
    }

    @Test
    void aCitizenIdOfAnotherStudentOfTheSchool() {
        var roster = seed.copy();
        roster.students.add(row("NEW" + seed.codePrefix, "Đinh Văn Mới", "1/1/2014", "Nam", "079214000001", null, null, null, "6A1", null, null,
                null, null, null, null));
        assertRefused(roster.bytes(), STUDENTS, 6, "Số định danh cá nhân", "roster.cell.duplicate");
        roster.students.removeFirst();
        assertRefused(roster.bytes(), STUDENTS, 5, "Số định danh cá nhân", "roster.student.citizenIdTaken");
    }

    @Test
    void anUnknownClassInStudentsOrAssignments() {
        var roster = seed.copy();
        set(roster.students, 0, 8, "6A9");
        set(roster.assignments, 1, 2, "9Z");
        RosterPreview preview = refused(roster.bytes());
        assertThat(preview.errors()).contains(InputError.cell(STUDENTS, 2, "Lớp", "roster.class.unknown", "6A9", "2026-2027"),
                InputError.cell(ASSIGNMENTS, 3, "Lớp", "roster.class.unknown", "9Z", "2026-2027"));
    }

    @Test
    void anUnknownOrAmbiguousTeacherAndAnUnknownSubject() {
        var roster = seed.copy();
        set(roster.assignments, 0, 0, "khong.co@truong.edu.vn");
        set(roster.assignments, 1, 0, "Trần Văn Nam");
        set(roster.assignments, 2, 1, "Thiên văn");
        set(roster.classes, 2, 2, "Cô Giáo Không Có");
        RosterPreview preview = refused(roster.bytes());
        assertThat(preview.errors()).contains(
                InputError.cell(CLASSES, 4, "GVCN", "roster.teacher.unknown", "Cô Giáo Không Có", 0),
                InputError.cell(ASSIGNMENTS, 2, "Giáo viên", "roster.teacher.unknown", "khong.co@truong.edu.vn", 0),
                InputError.cell(ASSIGNMENTS, 3, "Giáo viên", "roster.teacher.ambiguous", "Trần Văn Nam", 2),
                InputError.cell(ASSIGNMENTS, 4, "Môn", "roster.subject.unknown", "Thiên văn"));
        set(roster.assignments, 1, 0, "NAM2" + seed.tag);
        assertThat(previewDirect(roster.bytes()).errors()).noneMatch(e -> e.code().equals("roster.teacher.ambiguous"));
    }

    @Test
    void aClassOfAGradeTheSchoolDoesNotTeach() {
        var roster = seed.copy();
        roster.classes.add(row("10A1", 10, null));
        assertRefused(roster.bytes(), CLASSES, 5, "Khối", "roster.class.gradeNotTaught");
    }

    @Test
    void aStudentWhoTransferredOutIsNotReimported() {
        var roster = seed.copy();
        roster.students.add(row(seed.code(9), "Hồ Thị Đi", "1/6/2014", "Nữ", null, null, null, null, "6A2", null, null, null, null, null, null));
        RosterPreview preview = refused(roster.bytes());
        assertHas(preview, STUDENTS, 6, "Mã định danh", "roster.student.transferredOut");
        assertThat(describe(preview.errors().getFirst())).contains("Hồ Thị Đi", "Chuyển đến");
    }

    @Test
    void anInvalidPositionOrAHeadWithoutGroup() {
        var roster = seed.copy();
        set(roster.staff, 3, 5, "Bảo vệ");
        set(roster.staff, 4, 7, "x");
        RosterPreview preview = refused(roster.bytes());
        assertHas(preview, STAFF, 5, "Chức vụ", "roster.position.invalid");
        assertHas(preview, STAFF, 6, "Tổ trưởng", "roster.staff.headWithoutGroup");
    }

    @Test
    void onePhoneForTwoDifferentParents() {
        var roster = seed.copy();
        set(roster.students, 2, 13, "Lê Văn Khác");
        set(roster.students, 2, 14, seed.fatherPhone);
        RosterPreview preview = refused(roster.bytes());
        assertHas(preview, STUDENTS, 4, "SĐT người giám hộ", "roster.guardian.phoneConflict");
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnceInBothLanguages() throws Exception {
        var roster = seed.copy();
        set(roster.staff, 0, 3, "X");
        set(roster.classes, 1, 1, "sáu");
        set(roster.students, 0, 2, "31/02/2015");
        set(roster.assignments, 0, 1, "Thiên văn");
        String before = directoryState(school);
        JsonNode preview = preview(school, Role.IT_STAFF, roster.bytes(), "danh sách.xlsx");
        assertThat(preview.get("uploadId").isNull()).isTrue();
        assertThat(preview.get("canCommit").asBoolean()).isFalse();
        JsonNode errors = preview.get("errors");
        assertThat(errors.size()).isEqualTo(4);
        assertThat(errors.findValuesAsString("sheet")).containsExactly(STAFF, CLASSES, STUDENTS, ASSIGNMENTS);
        JsonNode date = errors.get(2);
        assertThat(date.get("row").asInt()).isEqualTo(2);
        assertThat(date.get("column").asString()).isEqualTo("Ngày sinh");
        assertThat(date.get("message").asString()).isEqualTo(
                "Trang tính 'Học sinh', dòng 2, cột 'Ngày sinh': Ngày “31/02/2015” không có thật (kiểm tra ngày và tháng, ví dụ tháng 2 không có ngày 30, 31).");
        assertThat(date.get("messageEn").asString()).startsWith("Sheet 'Học sinh', row 2, column 'Ngày sinh': The date \"31/02/2015\" does not exist");
        assertThat(directoryState(school)).isEqualTo(before);
    }

    // ---- helpers

    private RosterPreview previewDirect(byte[] file) {
        return previewDirect(school, file);
    }

    private RosterPreview refused(byte[] file) {
        String before = directoryState(school);
        RosterPreview preview = previewDirect(file);
        assertThat(preview.hasErrors()).as("errors expected").isTrue();
        assertThat(preview.uploadId()).isNull();
        assertThat(preview.canCommit()).isFalse();
        assertThat(directoryState(school)).isEqualTo(before);
        return preview;
    }

    private void assertRefused(byte[] file, String sheet, Integer row, String column, String code) {
        assertHas(refused(file), sheet, row, column, code);
    }

    private static void assertHas(RosterPreview preview, String sheet, Integer row, String column, String code) {
        assertThat(preview.errors()).as(preview.errors().toString())
                .anyMatch(e -> java.util.Objects.equals(e.sheet(), sheet) && java.util.Objects.equals(e.row(), row)
                        && java.util.Objects.equals(e.column(), column) && e.code().equals(code));
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.truongso.platform.web.BilingualMessages messages;

    private String describe(InputError error) {
        return messages.describe(error, vn.truongso.platform.web.BilingualMessages.VIETNAMESE);
    }
}
