package vn.truongso.testing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The .xlsx export of an item analysis, checked by reopening the written file. */
class ItemAnalysisWorkbookTest {

    @Test
    void writesTheTestItemsAndOptionsSheetsWithRoundedFigures() throws Exception {
        ItemAnalysisResult result = ItemAnalysis.analyse(ItemAnalysisTest.fourItems(), ItemAnalysisTest.dataset1());

        try (Workbook workbook = reopen("Kiểm tra giữa kỳ I – Toán 6", result)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            Sheet summary = workbook.getSheet(ItemAnalysisWorkbook.SUMMARY_SHEET);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kiểm tra giữa kỳ I – Toán 6");
            assertThat(valueOf(summary, "Số bài làm")).isEqualTo(6.0);
            assertThat(valueOf(summary, "Điểm trung bình")).isEqualTo(2.33);
            assertThat(valueOf(summary, "Độ lệch chuẩn")).isEqualTo(1.11);
            assertThat(valueOf(summary, "Độ tin cậy (KR-20)")).isEqualTo(0.424);
            assertThat(valueOf(summary, "Sai số chuẩn")).isEqualTo(0.84);

            Sheet items = workbook.getSheet(ItemAnalysisWorkbook.ITEMS_SHEET);
            assertThat(items.getRow(0).getCell(3).getStringCellValue()).startsWith("Độ khó p");
            assertThat(items.getLastRowNum()).isEqualTo(4);
            // Q1: p 0.83, r 0.23, D 0.50; Q2 flagged for low discrimination (r 0.13).
            assertThat(items.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Câu 1");
            assertThat(items.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.83);
            assertThat(items.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(0.23);
            assertThat(items.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(0.5);
            assertThat(items.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(0.13);
            assertThat(items.getRow(2).getCell(8).getStringCellValue()).isEqualTo("Phân biệt thấp / Low discrimination");
            assertThat(items.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(items.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(0.167);

            Sheet options = workbook.getSheet(ItemAnalysisWorkbook.OPTIONS_SHEET);
            // 4 items × (4 options + the omitted row).
            assertThat(options.getLastRowNum()).isEqualTo(20);
            // Q3 (rows 11–15): A 1, B 0, C 3 (the key, 50 %), D 1, omitted 1.
            assertThat(options.getRow(13).getCell(0).getStringCellValue()).isEqualTo("Câu 3");
            assertThat(options.getRow(13).getCell(1).getStringCellValue()).isEqualTo("C");
            assertThat(options.getRow(13).getCell(2).getStringCellValue()).isEqualTo("✓");
            assertThat(options.getRow(13).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(options.getRow(13).getCell(4).getNumericCellValue()).isEqualTo(0.5);
            assertThat(options.getRow(13).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(options.getRow(15).getCell(1).getStringCellValue()).contains("omitted");
            assertThat(options.getRow(15).getCell(3).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void absentFiguresAreWrittenAsTheirReason() throws Exception {
        ItemAnalysisResult result = ItemAnalysis.analyse(ItemAnalysisTest.fourItems(), List.of());

        try (Workbook workbook = reopen("Trống", result)) {
            Sheet summary = workbook.getSheet(ItemAnalysisWorkbook.SUMMARY_SHEET);
            var reliability = rowOf(summary, "Độ tin cậy").getCell(1);
            assertThat(reliability.getCellType()).isEqualTo(CellType.STRING);
            assertThat(reliability.getStringCellValue()).contains(ItemAnalysis.NO_ATTEMPTS);
            Sheet items = workbook.getSheet(ItemAnalysisWorkbook.ITEMS_SHEET);
            assertThat(items.getRow(1).getCell(3).getStringCellValue()).contains(ItemAnalysis.NO_ATTEMPTS);
        }
    }

    private static Workbook reopen(String title, ItemAnalysisResult result) throws Exception {
        var out = new ByteArrayOutputStream();
        ItemAnalysisWorkbook.write(title, result, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static double valueOf(Sheet sheet, String labelPrefix) {
        return rowOf(sheet, labelPrefix).getCell(1).getNumericCellValue();
    }

    private static org.apache.poi.ss.usermodel.Row rowOf(Sheet sheet, String labelPrefix) {
        for (var row : sheet) {
            var cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(labelPrefix)) {
                return row;
            }
        }
        throw new AssertionError("no row " + labelPrefix);
    }
}
