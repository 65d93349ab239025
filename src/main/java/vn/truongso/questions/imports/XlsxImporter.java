package vn.truongso.questions.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The .xlsx template (mẫu ngân hàng câu hỏi): one question per row under Vietnamese headers. Loại: "Một lựa chọn",
 * "Nhiều lựa chọn", "Đúng sai" (four statements in A–D, Đáp án "Đ S Đ S"), "Trả lời ngắn" (Đáp án the accepted
 * answers separated by "|", or a number), "Tự luận" (Lời giải = hướng dẫn chấm), "Sắp xếp" (A… in the right order).
 * Errors name the row and the column.
 */
public final class XlsxImporter implements QuestionImporter {

    static final String[] HEADERS = {"STT", "Loại câu hỏi", "Nội dung câu hỏi", "Phương án A", "Phương án B", "Phương án C", "Phương án D",
            "Phương án E", "Phương án F", "Phương án G", "Phương án H", "Đáp án", "Điểm", "Môn", "Lớp", "Mức độ", "Độ khó", "Nguồn", "Thẻ",
            "Lời giải"};
    private static final int OPTIONS = 3;
    private static final String SHEET = "Câu hỏi";

    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        for (String s : List.of("mot lua chon", "trac nghiem", "mc", "single_choice", "nhieu lua chon 1 dap an")) {
            TYPES.put(s, QuestionTypes.SINGLE_CHOICE);
        }
        for (String s : List.of("nhieu lua chon", "nhieu dap an", "multiple_response")) {
            TYPES.put(s, QuestionTypes.MULTIPLE_RESPONSE);
        }
        for (String s : List.of("dung sai", "dung/sai", "true_false_cluster")) {
            TYPES.put(s, QuestionTypes.TRUE_FALSE_CLUSTER);
        }
        for (String s : List.of("tra loi ngan", "short_answer")) {
            TYPES.put(s, QuestionTypes.SHORT_ANSWER);
        }
        for (String s : List.of("tu luan", "essay")) {
            TYPES.put(s, QuestionTypes.ESSAY);
        }
        for (String s : List.of("sap xep", "ordering")) {
            TYPES.put(s, QuestionTypes.ORDERING);
        }
    }

    @Override
    public String format() {
        return "xlsx";
    }

    /** The empty template with its headers and one example row of each common type. */
    public static byte[] template() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(HEADERS[i]);
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, i == 2 ? 60 * 256 : 16 * 256);
            }
            example(sheet, 1, "Một lựa chọn", "Số nào là số nguyên tố?", new String[] {"4", "6", "7", "9"}, "C", "0,25");
            example(sheet, 2, "Đúng sai", "Cho hàm số y = x². Xét tính đúng sai của các mệnh đề:",
                    new String[] {"Hàm số đồng biến trên (0; +∞)", "Đồ thị đi qua gốc toạ độ", "Hàm số có cực đại", "Giá trị nhỏ nhất là 1"},
                    "Đ Đ S S", "1");
            example(sheet, 3, "Trả lời ngắn", "Thủ đô của Việt Nam là thành phố nào?", new String[0], "Hà Nội", "0,5");
            example(sheet, 4, "Tự luận", "Giải phương trình x² − 5x + 6 = 0.", new String[0], "", "1");
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void example(Sheet sheet, int r, String type, String stem, String[] options, String key, String points) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(r);
        row.createCell(1).setCellValue(type);
        row.createCell(2).setCellValue(stem);
        for (int i = 0; i < options.length; i++) {
            row.createCell(OPTIONS + i).setCellValue(options[i]);
        }
        row.createCell(11).setCellValue(key);
        row.createCell(12).setCellValue(points);
        row.createCell(15).setCellValue(r == 4 ? "Vận dụng" : "Biết");
    }

    @Override
    public ImportResult parse(ImportSource source) {
        List<Problem> problems = new ArrayList<>();
        List<ParsedQuestion> questions = new ArrayList<>();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(source.bytes()));
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.at(null, null, "questions.import.xlsx.notWorkbook"));
            return new ImportResult(questions, problems);
        }
        try (wb) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                for (Cell c : header) {
                    columns.put(VietnameseText.fold(fmt.formatCellValue(c)), c.getColumnIndex());
                }
            }
            for (String required : List.of("Loại câu hỏi", "Nội dung câu hỏi")) {
                if (!columns.containsKey(VietnameseText.fold(required))) {
                    problems.add(Problem.at(null, 1, "questions.import.xlsx.missingColumn", required));
                }
            }
            if (!problems.isEmpty()) {
                return new ImportResult(questions, problems);
            }
            int rowNumber = 0;
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                RowReader in = new RowReader(row, columns, fmt);
                if (in.get("Loại câu hỏi").isEmpty() && in.get("Nội dung câu hỏi").isEmpty()) {
                    continue;
                }
                int number = ++rowNumber;
                int line = r + 1;
                List<Problem> rowProblems = new ArrayList<>();
                Question q = question(in, rowProblems);
                rowProblems.forEach(p -> problems.add(p.locate(number, line)));
                if (q != null) {
                    questions.add(new ParsedQuestion(number, line, q));
                }
            }
        } catch (IOException e) {
            problems.add(Problem.at(null, null, "questions.import.xlsx.notWorkbook"));
        }
        return new ImportResult(questions, problems);
    }

    private record RowReader(Row row, Map<String, Integer> columns, DataFormatter fmt) {
        String get(String header) {
            Integer i = columns.get(VietnameseText.fold(header));
            if (i == null || row.getCell(i) == null) {
                return "";
            }
            return VietnameseText.clean(fmt.formatCellValue(row.getCell(i)));
        }
    }

    private static Question question(RowReader in, List<Problem> problems) {
        String typeText = in.get("Loại câu hỏi");
        String type = TYPES.get(VietnameseText.fold(typeText));
        if (type == null) {
            problems.add(Problem.at(null, null, "questions.import.xlsx.badType", typeText));
            return null;
        }
        Question.Builder q = Question.builder(type).stem(in.get("Nội dung câu hỏi"));
        List<String> options = new ArrayList<>();
        for (char letter = 'A'; letter <= 'H'; letter++) {
            String o = in.get("Phương án " + letter);
            if (!o.isEmpty()) {
                options.add(o);
            }
        }
        String key = in.get("Đáp án");
        switch (type) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> {
                List<String> letters = Arrays.stream(key.toUpperCase(Locale.ROOT).split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
                for (String l : letters) {
                    if (l.length() != 1 || l.charAt(0) < 'A' || l.charAt(0) >= 'A' + Math.max(options.size(), 1)) {
                        problems.add(Problem.at(null, null, "questions.import.xlsx.badKey", key));
                    }
                }
                for (int i = 0; i < options.size(); i++) {
                    String id = String.valueOf((char) ('A' + i));
                    q.choice(id, options.get(i), letters.contains(id));
                }
            }
            case QuestionTypes.TRUE_FALSE_CLUSTER -> {
                List<Boolean> truth = judgements(key, options.size());
                if (truth == null) {
                    problems.add(Problem.at(null, null, "questions.import.xlsx.badClusterKey", key));
                    truth = java.util.Collections.nCopies(options.size(), Boolean.FALSE);
                }
                for (int i = 0; i < options.size(); i++) {
                    q.choice(String.valueOf((char) ('a' + i)), options.get(i), truth.get(i));
                }
            }
            case QuestionTypes.SHORT_ANSWER -> {
                String k = key.strip();
                BigDecimal number = parseNumber(k);
                if (number != null) {
                    q.number(new NumericAnswer(number, BigDecimal.ZERO, null, null, false));
                } else {
                    int i = 0;
                    for (String a : k.split("\\|")) {
                        if (!a.isBlank()) {
                            q.choice(new Choice(String.valueOf(++i), Content.plain(a.strip()), true, null, null));
                        }
                    }
                }
            }
            case QuestionTypes.ORDERING -> {
                for (int i = 0; i < options.size(); i++) {
                    q.choice(String.valueOf((char) ('A' + i)), options.get(i), true);
                }
            }
            default -> {
            }
        }
        String solution = in.get("Lời giải");
        if (!solution.isEmpty()) {
            if (type.equals(QuestionTypes.ESSAY)) {
                q.rubric(Content.plain(solution));
            } else {
                q.generalFeedback(Content.plain(solution));
            }
        }
        String points = in.get("Điểm");
        if (!points.isEmpty()) {
            BigDecimal p = parseNumber(points);
            if (p == null) {
                problems.add(Problem.at(null, null, "questions.import.xlsx.badPoints", points));
            } else {
                q.points(p);
            }
        }
        Integer grade = null;
        String gradeText = in.get("Lớp");
        if (!gradeText.isEmpty()) {
            try {
                grade = Integer.valueOf(gradeText.replaceAll("\\D", ""));
            } catch (NumberFormatException e) {
                problems.add(Problem.at(null, null, "questions.import.xlsx.badGrade", gradeText));
            }
        }
        Integer difficulty = null;
        String d = in.get("Độ khó");
        if (!d.isEmpty()) {
            try {
                difficulty = Integer.valueOf(d);
            } catch (NumberFormatException e) {
                problems.add(Problem.at(null, null, "questions.invalid.difficulty", d));
            }
        }
        List<String> tags = Arrays.stream(in.get("Thẻ").split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        q.classification(new Classification(blank(in.get("Môn")), grade, null, null, null, blank(in.get("Mức độ")), difficulty,
                blank(in.get("Nguồn")), tags));
        return q.build();
    }

    /** "Đ S Đ S", "ĐSĐS", "Đ,S,Đ,S", "T F T F", or the letters of the true statements ("a, c"). */
    static List<Boolean> judgements(String key, int statements) {
        String k = key.strip();
        String compact = k.replaceAll("[\\s,;]+", "").toUpperCase(Locale.ROOT);
        if (compact.length() == statements && compact.chars().allMatch(c -> "ĐDSTF".indexOf(c) >= 0)) {
            List<Boolean> out = new ArrayList<>();
            compact.chars().forEach(c -> out.add(c == 'Đ' || c == 'D' || c == 'T'));
            return out;
        }
        String lower = k.toLowerCase(Locale.ROOT).replaceAll("[\\s,;)]+", "");
        if (!lower.isEmpty() && lower.chars().allMatch(c -> c >= 'a' && c < 'a' + statements)) {
            List<Boolean> out = new ArrayList<>();
            for (int i = 0; i < statements; i++) {
                out.add(lower.indexOf('a' + i) >= 0);
            }
            return out;
        }
        return null;
    }

    private static BigDecimal parseNumber(String s) {
        String t = s.strip().replace(',', '.');
        try {
            return t.isEmpty() ? null : new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
