package vn.truongso.curriculum.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.truongso.curriculum.Subject;
import vn.truongso.platform.InputError;
import vn.truongso.platform.VietnameseText;

/**
 * The .xlsx layout of the topic import: reads a workbook into raw rows (text per column, with the Excel row number)
 * and writes the blank template. It knows the file format and the header row; what the values mean is checked by
 * {@link JdbcTopicImport}.
 */
final class TopicWorkbook {

    static final String SHEET = "Chủ đề - YCCĐ";
    static final String CODES_SHEET = "Mã môn";
    static final String HELP_SHEET = "Hướng dẫn";
    /** Data rows beyond this are refused: the whole programme has a few thousand outcomes per subject at most. */
    static final int MAX_ROWS = 20_000;
    static final String FILE_FIELD = "file";

    /** The columns of the sheet, by their Vietnamese header (matched without regard to case or diacritics). */
    enum Column {
        SUBJECT("Môn"),
        GRADE("Lớp"),
        TOPIC_CODE("Mã chủ đề"),
        TOPIC_TITLE("Tên chủ đề"),
        POSITION("Thứ tự"),
        OUTCOME_CODE("Mã YCCĐ"),
        OUTCOME_TEXT("Yêu cầu cần đạt");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    /** A data row: its Excel number (the header is row 1) and the cleaned text of each column ("" when blank). */
    record RawRow(int number, Map<Column, String> cells) {

        String get(Column column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** The rows of a readable sheet, or the errors that made the file unreadable. */
    record Read(String sheet, List<RawRow> rows, List<InputError> errors) {
    }

    private TopicWorkbook() {
    }

    static Read read(byte[] content) {
        if (content == null || content.length == 0) {
            return failure(InputError.field(FILE_FIELD, "curriculum.import.fileEmpty"));
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(new ByteArrayInputStream(content));
        } catch (IOException e) {
            return failure(InputError.field(FILE_FIELD, "curriculum.import.notXlsx"));
        }
        return switch (magic) {
            case OOXML -> readXlsx(content);
            case OLE2 -> failure(InputError.field(FILE_FIELD, isEncrypted(content) ? "curriculum.import.encrypted" : "curriculum.import.legacyXls"));
            default -> failure(InputError.field(FILE_FIELD, "curriculum.import.notXlsx"));
        };
    }

    /** A password-protected .xlsx is an OLE2 container holding the encrypted package, not a zip. */
    private static boolean isEncrypted(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Read readXlsx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = new XSSFWorkbook(in)) {
            return readSheet(workbook);
        } catch (EncryptedDocumentException e) {
            return failure(InputError.field(FILE_FIELD, "curriculum.import.encrypted"));
        } catch (IOException | RuntimeException e) {
            // A zip that is not a workbook, a damaged file, or one that trips POI's zip-bomb guards.
            return failure(InputError.field(FILE_FIELD, "curriculum.import.notXlsx"));
        }
    }

    private static Read readSheet(Workbook workbook) {
        Sheet sheet = workbook.getSheet(SHEET);
        if (sheet == null) {
            sheet = workbook.getNumberOfSheets() > 0 ? workbook.getSheetAt(0) : null;
        }
        if (sheet == null) {
            return failure(InputError.field(FILE_FIELD, "curriculum.import.noRows"));
        }
        String name = sheet.getSheetName();
        Row header = sheet.getRow(0);
        if (header == null || isBlank(header)) {
            return new Read(name, List.of(), List.of(InputError.cell(name, 1, Column.SUBJECT.header, "curriculum.import.noHeader",
                    headers())));
        }

        List<InputError> errors = new ArrayList<>();
        Map<String, Column> byKey = new HashMap<>();
        for (Column column : Column.values()) {
            byKey.put(headerKey(column.header), column);
        }
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        for (Cell cell : header) {
            String text = text(cell);
            Column column = byKey.get(headerKey(text));
            if (column == null) {
                continue;
            }
            if (indexes.containsKey(column)) {
                errors.add(InputError.cell(name, 1, column.header, "curriculum.import.columnDuplicate", column.header));
            } else {
                indexes.put(column, cell.getColumnIndex());
            }
        }
        for (Column column : Column.values()) {
            if (!indexes.containsKey(column)) {
                errors.add(InputError.cell(name, 1, column.header, "curriculum.import.columnMissing", column.header));
            }
        }
        if (!errors.isEmpty()) {
            return new Read(name, List.of(), errors);
        }

        List<RawRow> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            boolean blank = true;
            for (var entry : indexes.entrySet()) {
                String value = text(row.getCell(entry.getValue()));
                cells.put(entry.getKey(), value);
                blank &= value.isEmpty();
            }
            if (blank) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                return new Read(name, List.of(), List.of(InputError.field(FILE_FIELD, "curriculum.import.tooManyRows", String.valueOf(MAX_ROWS))));
            }
            rows.add(new RawRow(r + 1, cells));
        }
        if (rows.isEmpty()) {
            return new Read(name, List.of(), List.of(InputError.cell(name, 2, Column.SUBJECT.header, "curriculum.import.noRows")));
        }
        return new Read(name, rows, List.of());
    }

    private static Read failure(InputError error) {
        return new Read(null, List.of(), List.of(error));
    }

    private static String headers() {
        return String.join(", ", java.util.Arrays.stream(Column.values()).map(c -> c.header).toList());
    }

    private static String headerKey(String header) {
        return VietnameseText.fold(header).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static boolean isBlank(Row row) {
        for (Cell cell : row) {
            if (!text(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The text of a cell as the user sees it: numbers without a trailing ".0", formulas by their cached value. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String value = switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
        String cleaned = VietnameseText.clean(value);
        return cleaned == null ? "" : cleaned;
    }

    /** The blank template: the data sheet with its header, the subject codes per grade, and the instructions. */
    static byte[] template(List<Subject> subjects) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);

            Sheet data = workbook.createSheet(SHEET);
            Row header = data.createRow(0);
            int[] widths = {14, 6, 14, 40, 8, 18, 80};
            for (Column column : Column.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header);
                cell.setCellStyle(headerStyle);
                data.setColumnWidth(column.ordinal(), widths[column.ordinal()] * 256);
            }
            data.createFreezePane(0, 1);
            data.setDefaultColumnStyle(Column.OUTCOME_TEXT.ordinal(), wrap);

            Sheet codes = workbook.createSheet(CODES_SHEET);
            Row codesHeader = codes.createRow(0);
            String[] codeHeaders = {"Mã môn", "Tên môn", "Lớp", "Subject (English)"};
            for (int i = 0; i < codeHeaders.length; i++) {
                Cell cell = codesHeader.createCell(i);
                cell.setCellValue(codeHeaders[i]);
                cell.setCellStyle(headerStyle);
            }
            int r = 1;
            for (Subject subject : subjects) {
                Row row = codes.createRow(r++);
                row.createCell(0).setCellValue(subject.code());
                row.createCell(1).setCellValue(subject.nameVi());
                row.createCell(2).setCellValue(String.join(", ", subject.grades().stream().map(g -> String.valueOf(g.grade())).toList()));
                row.createCell(3).setCellValue(subject.nameEn());
            }
            codes.setColumnWidth(0, 20 * 256);
            codes.setColumnWidth(1, 38 * 256);
            codes.setColumnWidth(2, 30 * 256);
            codes.setColumnWidth(3, 44 * 256);

            // Drop-downs as a help only: a subject name typed instead of a code is accepted, so no error box.
            DataValidationHelper validation = data.getDataValidationHelper();
            var rows = new CellRangeAddressList(1, 5000, Column.SUBJECT.ordinal(), Column.SUBJECT.ordinal());
            DataValidation subjectList = validation.createValidation(
                    validation.createFormulaListConstraint("'" + CODES_SHEET + "'!$A$2:$A$" + Math.max(2, subjects.size() + 1)), rows);
            subjectList.setShowErrorBox(false);
            data.addValidationData(subjectList);
            DataValidation grades = validation.createValidation(validation.createIntegerConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "1", "12"),
                    new CellRangeAddressList(1, 5000, Column.GRADE.ordinal(), Column.GRADE.ordinal()));
            grades.setShowErrorBox(true);
            grades.createErrorBox("Lớp", "Lớp phải là số nguyên từ 1 đến 12.");
            data.addValidationData(grades);

            Sheet help = workbook.createSheet(HELP_SHEET);
            help.setColumnWidth(0, 120 * 256);
            String[] lines = {
                    "Nhập chủ đề và yêu cầu cần đạt (YCCĐ) ở trang '" + SHEET + "': mỗi dòng là một YCCĐ; các cột của chủ đề được "
                            + "lặp lại trên mọi dòng của chủ đề đó.",
                    "Môn: mã môn (xem trang '" + CODES_SHEET + "', ví dụ TOAN) hoặc tên môn (ví dụ Toán). Lớp: số từ 1 đến 12, "
                            + "môn phải được dạy ở lớp đó.",
                    "Mã chủ đề: do đơn vị đặt, tối đa 40 ký tự, duy nhất trong một môn và một lớp. Thứ tự: số nguyên dương, thứ tự dạy chủ đề.",
                    "Mã YCCĐ: tối đa 40 ký tự, duy nhất trong một chủ đề; có thể dùng mã theo QĐ 791/QĐ-SGDĐT (ví dụ 020108.0202d3).",
                    "Tất cả các ô đều bắt buộc. Không đổi tên hoặc xoá dòng tiêu đề. Tệp có lỗi sẽ không được nhập dòng nào.",
                    "Nhập lại cùng một tệp không tạo bản trùng: chủ đề và YCCĐ đã có (cùng mã) được cập nhật tên, thứ tự và nội dung.",
                    "",
                    "Enter topics and required outcomes on the sheet '" + SHEET + "': one row per outcome, the topic columns repeated on "
                            + "each of its rows.",
                    "Môn = subject code (see '" + CODES_SHEET + "') or Vietnamese name; Lớp = grade 1-12 where the subject is taught; "
                            + "Mã chủ đề = topic code (up to 40 characters), unique per subject and grade; Tên chủ đề = topic title (up to 500); Thứ tự = topic order.",
                    "Mã YCCĐ = outcome code (up to 40 characters, unique within its topic); Yêu cầu cần đạt = outcome text. "
                            + "Every cell is required; a file with any error imports nothing; re-importing a file updates, never duplicates."};
            for (int i = 0; i < lines.length; i++) {
                Cell cell = help.createRow(i).createCell(0);
                cell.setCellValue(lines[i]);
                cell.setCellStyle(wrap);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
