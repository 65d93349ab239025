package vn.truongso.curriculum;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds topic-import workbooks for tests: generated rows, never real outcome texts. */
final class TopicWorkbooks {

    static final List<String> HEADER = List.of("Môn", "Lớp", "Mã chủ đề", "Tên chủ đề", "Thứ tự", "Mã YCCĐ", "Yêu cầu cần đạt");
    static final String SHEET = "Chủ đề - YCCĐ";

    private TopicWorkbooks() {
    }

    /** An .xlsx with the given header and rows; Integer values become numeric cells, null leaves a cell blank. */
    static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (var workbook = new XSSFWorkbook()) {
            fill(workbook, header, rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(List<List<Object>> rows) {
        return xlsx(HEADER, rows);
    }

    /** The same content as an old binary .xls workbook. */
    static byte[] xls(List<List<Object>> rows) {
        try (var workbook = new HSSFWorkbook()) {
            fill(workbook, HEADER, rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same content as an .xlsx protected by a password to open (agile encryption, as Excel writes it). */
    static byte[] encryptedXlsx(List<List<Object>> rows, String password) {
        try (var fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(xlsx(rows));
            }
            var result = new ByteArrayOutputStream();
            fs.writeFilesystem(result);
            return result.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fill(Workbook workbook, List<String> header, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(SHEET);
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        var out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
