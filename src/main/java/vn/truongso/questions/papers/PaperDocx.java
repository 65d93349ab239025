package vn.truongso.questions.papers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * One variant (mã đề) as a Word test paper: the heading (authority and school on the left; title, subject and time
 * on the right), "Mã đề 101", the candidate's name and number lines, then the parts with their instructions, each
 * question "Câu N." with its options "A." to "D." (on one line when they are short) or its statements "a)" to "d)",
 * and "HẾT" at the end. Formulas are printed as their LaTeX text.
 */
final class PaperDocx {

    private static final int SHORT_OPTION = 22;

    private PaperDocx() {
    }

    static byte[] build(PaperHeading heading, PaperGenerator.Variant variant, Map<UUID, Question> questions, Function<String, byte[]> blobs) {
        DocxWriter w = new DocxWriter(blobs);
        header(w, heading);
        XWPFParagraph code = w.paragraph();
        code.setAlignment(ParagraphAlignment.RIGHT);
        DocxWriter.run(code, "Mã đề " + variant.code(), true, false);
        XWPFParagraph name = w.paragraph();
        DocxWriter.run(name, "Họ, tên thí sinh: ..................................................................", false, false);
        XWPFParagraph number = w.paragraph();
        DocxWriter.run(number, "Số báo danh: .............................................................................", false, false);
        for (PaperLayout.Part part : PaperLayout.parts(variant)) {
            XWPFParagraph h = w.paragraph();
            h.setSpacingBefore(120);
            String heading2 = part.heading();
            int dot = heading2.indexOf(". ");
            DocxWriter.run(h, heading2.substring(0, dot + 1), true, false);
            DocxWriter.run(h, heading2.substring(dot + 1), false, false);
            int n = 0;
            for (PaperGenerator.Item item : part.items()) {
                Question q = questions.get(item.questionId());
                n++;
                if (q == null) {
                    continue;
                }
                question(w, n, q, item, variant.code());
            }
        }
        XWPFParagraph end = w.paragraph();
        end.setSpacingBefore(240);
        end.setAlignment(ParagraphAlignment.CENTER);
        DocxWriter.run(end, "------ HẾT ------", true, false);
        return w.bytes();
    }

    static void header(DocxWriter w, PaperHeading heading) {
        XWPFTable t = w.table(1, 2);
        t.removeBorders();
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        if (heading.authority() != null && !heading.authority().isBlank()) {
            DocxWriter.cell(left, PaperHeading.upper(heading.authority()), false);
            XWPFParagraph school = left.addParagraph();
            school.setAlignment(ParagraphAlignment.CENTER);
            DocxWriter.run(school, PaperHeading.upper(heading.school()), true, false);
        } else {
            DocxWriter.cell(left, PaperHeading.upper(heading.school()), true);
        }
        DocxWriter.cell(right, PaperHeading.upper(heading.title()), true);
        if (!heading.subjectLine().isEmpty()) {
            XWPFParagraph s = right.addParagraph();
            s.setAlignment(ParagraphAlignment.CENTER);
            DocxWriter.run(s, heading.subjectLine(), true, false);
        }
        XWPFParagraph time = right.addParagraph();
        time.setAlignment(ParagraphAlignment.CENTER);
        DocxWriter.run(time, heading.timeLine(), false, true);
    }

    private static void question(DocxWriter w, int n, Question q, PaperGenerator.Item item, String code) {
        XWPFParagraph p = w.paragraph();
        p.setSpacingBefore(80);
        DocxWriter.run(p, "Câu " + n + ". ", true, false);
        Content stem = q.stem();
        if (QuestionTypes.CLOZE.equals(q.type())) {
            String text = stem.text();
            int g = 0;
            for (Gap gap : q.gaps()) {
                text = text.replace(Gap.marker(gap.id()), "(" + (++g) + ") ..........");
            }
            stem = new Content(stem.format(), text);
        }
        w.content(p, stem);
        switch (q.type()) {
            case QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE -> options(w, AnswerKeys.displayed(q, item, code), true);
            case QuestionTypes.TRUE_FALSE_CLUSTER -> statements(w, q.choices());
            case QuestionTypes.ORDERING -> options(w, AnswerKeys.displayed(q, item, code), false);
            case QuestionTypes.MATCHING -> matching(w, q);
            default -> {
                // short answers, essays, true/false and cloze have nothing below the stem
            }
        }
    }

    private static void options(DocxWriter w, List<Choice> shown, boolean upper) {
        boolean short_ = shown.stream().allMatch(c -> !c.text().text().contains("<img") && AnswerKeys.text(c.text()).length() <= SHORT_OPTION);
        if (short_ && shown.size() <= 4) {
            XWPFParagraph line = w.paragraph();
            line.setIndentationLeft(283);
            for (int i = 0; i < shown.size(); i++) {
                DocxWriter.run(line, (i == 0 ? "" : "\t") + label(i, upper) + " ", true, false);
                w.content(line, shown.get(i).text());
            }
            return;
        }
        for (int i = 0; i < shown.size(); i++) {
            XWPFParagraph line = w.paragraph();
            line.setIndentationLeft(283);
            DocxWriter.run(line, label(i, upper) + " ", true, false);
            w.content(line, shown.get(i).text());
        }
    }

    private static String label(int i, boolean upper) {
        return upper ? PaperLayout.letter(i) + "." : (char) ('a' + i) + ")";
    }

    private static void statements(DocxWriter w, List<Choice> statements) {
        for (int i = 0; i < statements.size(); i++) {
            XWPFParagraph line = w.paragraph();
            line.setIndentationLeft(283);
            DocxWriter.run(line, (char) ('a' + i) + ") ", true, false);
            w.content(line, statements.get(i).text());
        }
    }

    private static void matching(DocxWriter w, Question q) {
        int n = 0;
        for (MatchPair pair : q.pairs()) {
            if (!pair.isDistractor()) {
                XWPFParagraph line = w.paragraph();
                line.setIndentationLeft(283);
                DocxWriter.run(line, ++n + ") ", true, false);
                w.content(line, pair.prompt());
            }
        }
        List<String> answers = AnswerKeys.matchAnswers(q);
        for (int i = 0; i < answers.size(); i++) {
            XWPFParagraph line = w.paragraph();
            line.setIndentationLeft(567);
            DocxWriter.run(line, (char) ('a' + i) + ") " + answers.get(i), false, false);
        }
    }
}
