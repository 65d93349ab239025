package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools.TestSchool;

/** The downloadable template: four empty data sheets with styled Vietnamese headers, and the guidance sheet. */
@IntegrationTest
class RosterTemplateTest extends RosterTestSupport {

    @Test
    void theTemplateHasFourEmptySheetsAndGuidance() throws Exception {
        TestSchool school = testSchools.create();
        byte[] template = mvc.perform(get(base(school) + "/roster/template").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(RosterApi.XLSX))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp%20danh%20s%C3%A1ch%20tr%C6%B0%E1%BB%9Dng.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3),
                    workbook.getSheetName(4))).containsExactly("Cán bộ", "Lớp", "Học sinh", "Phân công", "Hướng dẫn");
            assertHeader(workbook, "Cán bộ", RosterColumn.Staff.values());
            assertHeader(workbook, "Lớp", RosterColumn.Classes.values());
            assertHeader(workbook, "Học sinh", RosterColumn.Students.values());
            assertHeader(workbook, "Phân công", RosterColumn.Assignments.values());
            var learnerCode = workbook.getSheet("Học sinh").getColumnStyle(0);
            assertThat(learnerCode.getDataFormatString()).isEqualTo("@");
            assertThat(workbook.getSheet("Hướng dẫn").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Hướng dẫn nhập danh sách trường");
        }
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(document).contains("/api/v1/schools/{schoolId}/roster/imports", "/api/v1/schools/{schoolId}/roster/imports/{uploadId}/commit",
                "/api/v1/schools/{schoolId}/roster/imports/{uploadId}/credentials", "/api/v1/schools/{schoolId}/roster/export",
                "/api/v1/schools/{schoolId}/classes/{classId}/export", "/api/v1/schools/{schoolId}/roster/template");
    }

    private static void assertHeader(XSSFWorkbook workbook, String sheetName, RosterColumn[] columns) {
        var sheet = workbook.getSheet(sheetName);
        assertThat(sheet.getLastRowNum()).as("no data, example or note row in " + sheetName).isZero();
        var header = sheet.getRow(0);
        assertThat(Arrays.stream(columns).map(RosterColumn::header).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, header.getLastCellNum()).mapToObj(c -> header.getCell(c).getStringCellValue())
                        .toList());
        assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
    }
}
