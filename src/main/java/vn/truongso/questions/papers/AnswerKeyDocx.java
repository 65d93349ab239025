package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The answer key (đáp án và hướng dẫn chấm) of every variant of a paper: per part a grid of question number × mã đề
 * with the letter, the Đ/S of each statement, the short answer or the order; the points of each question (in the
 * part's heading when they are all the same, else in each cell); the 2025 rule for true/false clusters; and the
 * rubric of each essay.
 */
final class AnswerKeyDocx {

    private AnswerKeyDocx() {
    }

    static byte[] build(PaperHeading heading, List<PaperGenerator.Variant> variants, Map<UUID, Question> questions) {
        DocxWriter w = new DocxWriter(sha -> null);
        PaperDocx.header(w, heading);
        XWPFParagraph title = w.paragraph(ParagraphAlignment.CENTER, "ĐÁP ÁN VÀ HƯỚNG DẪN CHẤM", true);
        title.setSpacingBefore(240);
        w.paragraph(ParagraphAlignment.CENTER, "Tổng điểm: " + PaperHeading.points(heading.totalPoints()) + " điểm", false);
        if (variants.isEmpty()) {
            return w.bytes();
        }
        List<PaperLayout.Part> first = PaperLayout.parts(variants.getFirst());
        for (int p = 0; p < first.size(); p++) {
            PaperLayout.Part part = first.get(p);
            Set<BigDecimal> points = new HashSet<>();
            int rows = 0;
            for (PaperGenerator.Variant v : variants) {
                List<PaperLayout.Part> parts = PaperLayout.parts(v);
                if (p < parts.size()) {
                    parts.get(p).items().forEach(i -> points.add(i.points().stripTrailingZeros()));
                    rows = Math.max(rows, parts.get(p).items().size());
                }
            }
            boolean uniform = points.size() == 1;
            XWPFParagraph h = w.paragraph();
            h.setSpacingBefore(200);
            DocxWriter.run(h, "PHẦN " + PaperLayout.roman(part.number()) + ". ", true, false);
            DocxWriter.run(h, typeName(part.type()) + (uniform ? " (mỗi câu " + PaperHeading.points(points.iterator().next()) + " điểm)" : ""),
                    false, false);
            if (QuestionTypes.TRUE_FALSE_CLUSTER.equals(part.type())) {
                w.paragraph(ParagraphAlignment.LEFT, "Mỗi câu: đúng 1 ý được 10%, đúng 2 ý được 25%, đúng 3 ý được 50%, đúng cả 4 ý được 100% "
                        + "số điểm của câu. Đ: đúng, S: sai, theo thứ tự a), b), c), d).", false).getRuns().forEach(r -> r.setItalic(true));
            }
            XWPFTable t = w.table(rows + 1, variants.size() + 1);
            DocxWriter.cell(t.getRow(0).getCell(0), "Câu", true);
            for (int v = 0; v < variants.size(); v++) {
                DocxWriter.cell(t.getRow(0).getCell(v + 1), "Mã đề " + variants.get(v).code(), true);
            }
            for (int r = 0; r < rows; r++) {
                DocxWriter.cell(t.getRow(r + 1).getCell(0), String.valueOf(r + 1), true);
            }
            for (int v = 0; v < variants.size(); v++) {
                List<PaperLayout.Part> parts = PaperLayout.parts(variants.get(v));
                if (p >= parts.size()) {
                    continue;
                }
                List<PaperGenerator.Item> items = parts.get(p).items();
                for (int r = 0; r < items.size(); r++) {
                    PaperGenerator.Item item = items.get(r);
                    Question q = questions.get(item.questionId());
                    String key = q == null ? "?" : AnswerKeys.key(q, item, variants.get(v).code());
                    DocxWriter.cell(t.getRow(r + 1).getCell(v + 1), uniform ? key : key + " (" + PaperHeading.points(item.points()) + ")", false);
                }
            }
        }
        essays(w, variants, questions);
        return w.bytes();
    }

    private static void essays(DocxWriter w, List<PaperGenerator.Variant> variants, Map<UUID, Question> questions) {
        boolean any = false;
        for (PaperGenerator.Variant v : variants) {
            for (PaperLayout.Part part : PaperLayout.parts(v)) {
                int n = 0;
                for (PaperGenerator.Item item : part.items()) {
                    n++;
                    Question q = questions.get(item.questionId());
                    if (q == null || !QuestionTypes.ESSAY.equals(q.type())) {
                        continue;
                    }
                    if (!any) {
                        XWPFParagraph h = w.paragraph(ParagraphAlignment.LEFT, "HƯỚNG DẪN CHẤM TỰ LUẬN", true);
                        h.setSpacingBefore(240);
                        any = true;
                    }
                    XWPFParagraph p = w.paragraph();
                    DocxWriter.run(p, "Mã đề " + v.code() + " – PHẦN " + PaperLayout.roman(part.number()) + ", Câu " + n + " ("
                            + PaperHeading.points(item.points()) + " điểm): ", true, false);
                    if (q.rubric() != null && !q.rubric().isBlank()) {
                        w.content(p, q.rubric());
                    } else if (q.generalFeedback() != null) {
                        w.content(p, q.generalFeedback());
                    }
                }
            }
        }
    }

    static String typeName(String type) {
        return switch (type == null ? "" : type) {
            case QuestionTypes.SINGLE_CHOICE -> "Trắc nghiệm nhiều phương án lựa chọn";
            case QuestionTypes.TRUE_FALSE_CLUSTER -> "Trắc nghiệm đúng sai";
            case QuestionTypes.SHORT_ANSWER -> "Trắc nghiệm trả lời ngắn";
            case QuestionTypes.MULTIPLE_RESPONSE -> "Trắc nghiệm nhiều lựa chọn đúng";
            case QuestionTypes.TRUE_FALSE -> "Đúng hoặc sai";
            case QuestionTypes.MATCHING -> "Ghép nối";
            case QuestionTypes.ORDERING -> "Sắp xếp";
            case QuestionTypes.CLOZE -> "Điền vào chỗ trống";
            case QuestionTypes.ESSAY -> "Tự luận";
            default -> String.valueOf(type);
        };
    }
}
