package vn.truongso.questions.papers;

import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import vn.truongso.questions.types.QuestionTypes;

/**
 * The answer sheet (phiếu trả lời trắc nghiệm) of a paper, the same for every variant: the candidate's details and
 * the mã đề to fill in, then per part a grid to mark: PHẦN I a circle per option A–D, PHẦN II Đúng/Sai per
 * statement, PHẦN III boxes for the answer's characters; the other types a line to write on.
 */
final class AnswerSheetDocx {

    private static final String CIRCLE = "○";

    private AnswerSheetDocx() {
    }

    static byte[] build(PaperHeading heading, PaperGenerator.Variant layout, int options) {
        DocxWriter w = new DocxWriter(sha -> null);
        PaperDocx.header(w, heading);
        XWPFParagraph title = w.paragraph(ParagraphAlignment.CENTER, "PHIẾU TRẢ LỜI TRẮC NGHIỆM", true);
        title.setSpacingBefore(240);
        w.paragraph(ParagraphAlignment.LEFT, "Họ, tên thí sinh: ...........................................................  Lớp: ..............", false);
        w.paragraph(ParagraphAlignment.LEFT, "Số báo danh: ............................                         Mã đề: ..............", false);
        for (PaperLayout.Part part : PaperLayout.parts(layout)) {
            XWPFParagraph h = w.paragraph();
            h.setSpacingBefore(200);
            DocxWriter.run(h, "PHẦN " + PaperLayout.roman(part.number()) + ". ", true, false);
            DocxWriter.run(h, AnswerKeyDocx.typeName(part.type()), false, false);
            int n = part.items().size();
            switch (part.type()) {
                case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> grid(w, n, letters(options));
                case QuestionTypes.TRUE_FALSE_CLUSTER -> clusters(w, n);
                case QuestionTypes.TRUE_FALSE -> grid(w, n, List.of("Đúng", "Sai"));
                case QuestionTypes.SHORT_ANSWER -> boxes(w, n);
                default -> {
                    for (int i = 1; i <= n; i++) {
                        w.paragraph(ParagraphAlignment.LEFT, "Câu " + i + ": ....................................................................."
                                + "..........................................", false);
                    }
                }
            }
        }
        return w.bytes();
    }

    private static List<String> letters(int options) {
        return java.util.stream.IntStream.range(0, Math.max(2, Math.min(options, 8))).mapToObj(PaperLayout::letter).toList();
    }

    private static void grid(DocxWriter w, int n, List<String> columns) {
        XWPFTable t = w.table(n + 1, columns.size() + 1);
        DocxWriter.cell(t.getRow(0).getCell(0), "Câu", true);
        for (int c = 0; c < columns.size(); c++) {
            DocxWriter.cell(t.getRow(0).getCell(c + 1), columns.get(c), true);
        }
        for (int r = 1; r <= n; r++) {
            DocxWriter.cell(t.getRow(r).getCell(0), String.valueOf(r), true);
            for (int c = 0; c < columns.size(); c++) {
                DocxWriter.cell(t.getRow(r).getCell(c + 1), CIRCLE, false);
            }
        }
    }

    private static void clusters(DocxWriter w, int n) {
        XWPFTable t = w.table(n * 4 + 1, 4);
        DocxWriter.cell(t.getRow(0).getCell(0), "Câu", true);
        DocxWriter.cell(t.getRow(0).getCell(1), "Ý", true);
        DocxWriter.cell(t.getRow(0).getCell(2), "Đúng", true);
        DocxWriter.cell(t.getRow(0).getCell(3), "Sai", true);
        for (int q = 0; q < n; q++) {
            for (int s = 0; s < 4; s++) {
                int row = 1 + q * 4 + s;
                DocxWriter.cell(t.getRow(row).getCell(0), s == 0 ? String.valueOf(q + 1) : "", true);
                DocxWriter.cell(t.getRow(row).getCell(1), (char) ('a' + s) + ")", false);
                DocxWriter.cell(t.getRow(row).getCell(2), CIRCLE, false);
                DocxWriter.cell(t.getRow(row).getCell(3), CIRCLE, false);
            }
        }
    }

    /** Four boxes per short answer (a sign, digits and a decimal comma, as the 2025 sheet has). */
    private static void boxes(DocxWriter w, int n) {
        XWPFTable t = w.table(n + 1, 5);
        DocxWriter.cell(t.getRow(0).getCell(0), "Câu", true);
        for (int c = 1; c <= 4; c++) {
            DocxWriter.cell(t.getRow(0).getCell(c), "", false);
        }
        for (int r = 1; r <= n; r++) {
            DocxWriter.cell(t.getRow(r).getCell(0), String.valueOf(r), true);
            for (int c = 1; c <= 4; c++) {
                DocxWriter.cell(t.getRow(r).getCell(c), " ", false);
            }
        }
    }
}
