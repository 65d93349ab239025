package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.truongso.platform.InputError;

/** The small pure pieces: header matching, download names, and the reader's refusal of non-workbooks. */
class RosterUnitTest {

    @Test
    void headersMatchWhateverTheCaseDiacriticsOrNotes() {
        assertThat(RosterColumn.Students.BIRTH_DATE.matches("NGÀY SINH (dd/MM/yyyy) *")).isTrue();
        assertThat(RosterColumn.Students.BIRTH_DATE.matches("ngay sinh")).isTrue();
        assertThat(RosterColumn.Students.LEARNER_CODE.matches("Mã học sinh")).isTrue();
        assertThat(RosterColumn.Students.LEARNER_CODE.matches("Số định danh cá nhân")).isFalse();
        assertThat(RosterColumn.Students.CITIZEN_ID.matches("Số CCCD")).isTrue();
        assertThat(RosterSheet.byTitle("HOC SINH")).isEqualTo(RosterSheet.STUDENTS);
        assertThat(RosterSheet.byTitle("Hướng dẫn")).isNull();
    }

    @Test
    void downloadNamesAreUtf8WithAnAsciiFallback() {
        assertThat(RosterApi.contentDisposition("Danh sách lớp 6A1.xlsx"))
                .isEqualTo("attachment; filename=\"danh-sach-lop-6a1.xlsx\"; filename*=UTF-8''Danh%20s%C3%A1ch%20l%E1%BB%9Bp%206A1.xlsx");
        assertThat(RosterApi.contentDisposition("a\"b;c.xlsx")).startsWith("attachment; filename=\"a-b-c.xlsx\"; filename*=UTF-8''a%22b%3Bc.xlsx");
    }

    @Test
    void theReaderDecidesByContentNotByName() {
        var reader = new WorkbookReader(new RosterProperties(org.springframework.util.unit.DataSize.ofMegabytes(10), 20_000,
                java.time.Duration.ofHours(24), java.time.Duration.ofHours(24), ""));
        assertThat(reader.read("<html></html>".getBytes()).errors()).extracting(InputError::code).containsExactly("roster.file.notXlsx");
        assertThat(reader.read(new byte[] {'P', 'K', 3, 4, 0, 0}).errors()).extracting(InputError::code).containsExactly("roster.file.corrupt");
        var ok = reader.read(TestWorkbook.create().sheet("Lớp", TestWorkbook.CLASSES, List.of(TestWorkbook.row("6A1", 6, null))).bytes());
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.workbook().sheet(RosterSheet.CLASSES).rows()).hasSize(2);
    }
}
