package vn.truongso.questions.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jsoup.Jsoup;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The bank as a Word document for its appraisers (bản thẩm định): every question in use, numbered, with its options,
 * the key (correct options bold and underlined, "Đ"/"S" for statements, accepted answers), points and solution.
 * Formulas stay as LaTeX text; images are named, not embedded.
 */
final class BankReviewCopy {

    private BankReviewCopy() {
    }

    static byte[] of(Bank bank, List<Question> questions) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun title = doc.createParagraph().createRun();
            title.setBold(true);
            title.setFontSize(14);
            title.setText("NGÂN HÀNG CÂU HỎI: " + bank.name());
            if (bank.description() != null && !bank.description().isBlank()) {
                doc.createParagraph().createRun().setText(bank.description());
            }
            doc.createParagraph().createRun().setText("Số câu: " + questions.size());
            int n = 0;
            for (Question q : questions) {
                n++;
                XWPFParagraph stem = doc.createParagraph();
                XWPFRun label = stem.createRun();
                label.setBold(true);
                label.setText("Câu " + n + " (" + q.points().stripTrailingZeros().toPlainString() + " điểm). ");
                stem.createRun().setText(text(q.stem()));
                boolean cluster = QuestionTypes.TRUE_FALSE_CLUSTER.equals(q.type());
                boolean choices = cluster || QuestionTypes.SINGLE_CHOICE.equals(q.type()) || QuestionTypes.MULTIPLE_RESPONSE.equals(q.type())
                        || QuestionTypes.TRUE_FALSE.equals(q.type()) || QuestionTypes.ORDERING.equals(q.type());
                if (choices) {
                    for (int i = 0; i < q.choices().size(); i++) {
                        Choice c = q.choices().get(i);
                        XWPFRun run = doc.createParagraph().createRun();
                        String letter = cluster ? (char) ('a' + i) + ") " : QuestionTypes.ORDERING.equals(q.type()) ? (i + 1) + ". "
                                : (char) ('A' + i) + ". ";
                        run.setText(letter + text(c.text()) + (cluster ? (c.correct() ? "  [Đ]" : "  [S]") : ""));
                        if (c.correct() && !cluster && !QuestionTypes.ORDERING.equals(q.type())) {
                            run.setBold(true);
                            run.setUnderline(UnderlinePatterns.SINGLE);
                        }
                    }
                }
                if (QuestionTypes.SHORT_ANSWER.equals(q.type())) {
                    StringBuilder key = new StringBuilder();
                    q.choices().stream().filter(c -> c.earned().signum() > 0).forEach(c -> key.append(key.isEmpty() ? "" : "; ").append(text(c.text())));
                    for (NumericAnswer a : q.numbers()) {
                        if (a.value() != null) {
                            key.append(key.isEmpty() ? "" : "; ").append(a.value().stripTrailingZeros().toPlainString());
                        }
                    }
                    line(doc, "Đáp án: " + key);
                }
                for (MatchPair p : q.pairs()) {
                    line(doc, (p.isDistractor() ? "(nhiễu) " : text(p.prompt()) + " → ") + p.answer());
                }
                for (Gap g : q.gaps()) {
                    line(doc, "[" + g.id() + "]: " + String.join(" | ", g.options().stream().filter(Choice::correct).map(c -> text(c.text())).toList()));
                }
                if (q.rubric() != null && !q.rubric().isBlank()) {
                    line(doc, "Hướng dẫn chấm: " + text(q.rubric()));
                }
                if (q.generalFeedback() != null && !q.generalFeedback().isBlank()) {
                    line(doc, "Lời giải: " + text(q.generalFeedback()));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static String text(Content c) {
        if (c == null) {
            return "";
        }
        if (Content.PLAIN.equals(c.format()) || Content.MARKDOWN.equals(c.format())) {
            return c.text();
        }
        var body = Jsoup.parseBodyFragment(c.text()).body();
        body.select("img").forEach(img -> img.replaceWith(new org.jsoup.nodes.TextNode("[hình]")));
        return body.text();
    }
}
