package vn.truongso.testing.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an item analysis as an .xlsx workbook with three sheets: the test's figures ("Tổng quan"), one row per item
 * ("Câu hỏi") and one row per option of each choice item ("Phương án"). Headers are Vietnamese with the English term
 * after a slash, as elsewhere in the product's exports. Figures are rounded for display (p, r and D to 2 decimals,
 * reliability to 3, shares as percentages to 0.1 %); an absent figure shows its reason as text instead of a number.
 */
public final class ItemAnalysisWorkbook {

    public static final String SUMMARY_SHEET = "Tổng quan";
    public static final String ITEMS_SHEET = "Câu hỏi";
    public static final String OPTIONS_SHEET = "Phương án";

    static final List<String> ITEM_HEADERS = List.of("Câu / Item", "Điểm tối đa / Max points", "Điểm TB / Mean points",
            "Độ khó p / Difficulty", "Độ phân biệt r (điểm–nhị phân, hiệu chỉnh) / Corrected point-biserial",
            "Chỉ số D (nhóm 27%) / Upper–lower index", "Bỏ trống / Omitted", "Tỉ lệ bỏ trống / Omitted share", "Cảnh báo / Flags");
    static final List<String> OPTION_HEADERS = List.of("Câu / Item", "Phương án / Option", "Đáp án / Key", "Số lượt chọn / Count",
            "Tỉ lệ / Share");

    private ItemAnalysisWorkbook() {
    }

    /** Writes the workbook; {@code title} (e.g. the session's title) heads the summary sheet. */
    public static void write(String title, ItemAnalysisResult result, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            summary(workbook.createSheet(SUMMARY_SHEET), styles, title, result.test());
            items(workbook.createSheet(ITEMS_SHEET), styles, result.items());
            options(workbook.createSheet(OPTIONS_SHEET), styles, result.items());
            workbook.write(out);
        }
    }

    private record Styles(CellStyle header, CellStyle two, CellStyle three, CellStyle percent) {

        Styles(XSSFWorkbook workbook) {
            this(workbook.createCellStyle(), workbook.createCellStyle(), workbook.createCellStyle(), workbook.createCellStyle());
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            var format = workbook.createDataFormat();
            two.setDataFormat(format.getFormat("0.00"));
            three.setDataFormat(format.getFormat("0.000"));
            percent.setDataFormat(format.getFormat("0.0%"));
        }
    }

    private static void summary(Sheet sheet, Styles styles, String title, TestStatistics test) {
        Row top = sheet.createRow(0);
        top.createCell(0).setCellValue(title);
        top.getCell(0).setCellStyle(styles.header());
        int r = 2;
        r = pair(sheet, r, "Số bài làm / Attempts", test.attempts());
        r = pair(sheet, r, "Số câu / Items", test.items());
        Row max = sheet.createRow(r++);
        max.createCell(0).setCellValue("Điểm tối đa / Max score");
        max.createCell(1).setCellValue(test.maxScore().doubleValue());
        r = measure(sheet, r, "Điểm trung bình / Mean", test.mean(), 2, styles.two());
        r = measure(sheet, r, "Độ lệch chuẩn / Standard deviation", test.standardDeviation(), 2, styles.two());
        String method = test.reliabilityMethod() == TestStatistics.ReliabilityMethod.KR20 ? "KR-20" : "Cronbach's alpha";
        r = measure(sheet, r, "Độ tin cậy (" + method + ") / Reliability", test.reliability(), 3, styles.three());
        measure(sheet, r, "Sai số chuẩn của phép đo / SEM", test.standardErrorOfMeasurement(), 2, styles.two());
        sheet.setColumnWidth(0, 45 * 256);
        sheet.setColumnWidth(1, 30 * 256);
    }

    private static int pair(Sheet sheet, int r, String label, int value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(value);
        return r + 1;
    }

    private static int measure(Sheet sheet, int r, String label, Measure measure, int digits, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        figure(row.createCell(1), measure, digits, style);
        return r + 1;
    }

    private static void items(Sheet sheet, Styles styles, List<ItemStatistics> items) {
        header(sheet, styles, ITEM_HEADERS);
        int r = 1;
        for (ItemStatistics item : items) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(item.item().label());
            row.createCell(1).setCellValue(item.item().maxPoints().doubleValue());
            figure(row.createCell(2), item.meanPoints(), 2, styles.two());
            figure(row.createCell(3), item.difficulty(), 2, styles.two());
            figure(row.createCell(4), item.discrimination(), 2, styles.two());
            figure(row.createCell(5), item.upperLowerIndex(), 2, styles.two());
            row.createCell(6).setCellValue(item.omitted());
            figure(row.createCell(7), item.omittedShare(), 3, styles.percent());
            row.createCell(8).setCellValue(flags(item.flags()));
        }
        sheet.createFreezePane(1, 1);
        for (int c = 0; c < ITEM_HEADERS.size(); c++) {
            sheet.setColumnWidth(c, (c == 0 ? 12 : c == 8 ? 40 : 18) * 256);
        }
    }

    private static void options(Sheet sheet, Styles styles, List<ItemStatistics> items) {
        header(sheet, styles, OPTION_HEADERS);
        int r = 1;
        for (ItemStatistics item : items) {
            if (!item.item().isChoice()) {
                continue;
            }
            for (ItemStatistics.OptionCount option : item.options()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(item.item().label());
                row.createCell(1).setCellValue(option.option().label());
                row.createCell(2).setCellValue(option.option().key() ? "✓" : "");
                row.createCell(3).setCellValue(option.count());
                figure(row.createCell(4), option.share(), 3, styles.percent());
            }
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(item.item().label());
            row.createCell(1).setCellValue("(bỏ trống / omitted)");
            row.createCell(3).setCellValue(item.omitted());
            figure(row.createCell(4), item.omittedShare(), 3, styles.percent());
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < OPTION_HEADERS.size(); c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
    }

    private static void header(Sheet sheet, Styles styles, List<String> headers) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header());
        }
    }

    /** A rounded number, or the reason it is absent as text. */
    private static void figure(Cell cell, Measure measure, int digits, CellStyle style) {
        if (measure.isPresent()) {
            cell.setCellValue(measure.rounded(digits).doubleValue());
            cell.setCellStyle(style);
        } else {
            cell.setCellValue("– (" + measure.absentReason() + ")");
        }
    }

    static String flags(Set<ItemFlag> flags) {
        return flags.stream().sorted().map(ItemAnalysisWorkbook::flag).collect(Collectors.joining("; "));
    }

    static String flag(ItemFlag flag) {
        return switch (flag) {
            case TOO_EASY -> "Quá dễ / Too easy";
            case TOO_HARD -> "Quá khó / Too hard";
            case NEGATIVE_DISCRIMINATION -> "Phân biệt âm / Negative discrimination";
            case LOW_DISCRIMINATION -> "Phân biệt thấp / Low discrimination";
        };
    }
}
