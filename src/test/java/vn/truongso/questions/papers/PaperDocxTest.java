package vn.truongso.questions.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import vn.truongso.platform.Ids;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The Word files, reopened with POI: each variant prints its questions with the options in the variant's order, and
 * the answer key's letter for every question of every variant is the letter the correct option has in that variant.
 */
class PaperDocxTest {

    static final PaperHeading HEADING = new PaperHeading("Phòng GD&ĐT Quận Ba Đình", "Trường THCS Nguyễn Du", "Kiểm tra giữa học kì I", "Toán", 6,
            45, BigDecimal.TEN);

    final List<PaperGenerator.Candidate> pool = new ArrayList<>();
    final Map<UUID, Question> defs = new HashMap<>();

    UUID add(String type, Question q) {
        UUID id = Ids.newId();
        pool.add(new PaperGenerator.Candidate(id, type, null, Set.of("chuong 1"), null, "BIET", false));
        defs.put(id, q);
        return id;
    }

    List<PaperGenerator.Variant> paper() {
        for (int i = 1; i <= 8; i++) {
            add(QuestionTypes.SINGLE_CHOICE, Question.builder(QuestionTypes.SINGLE_CHOICE).stem("Câu hỏi số " + i + " là gì?")
                    .choice("A", "ĐÚNG-" + i, true).choice("B", "sai-" + i + "-b", false).choice("C", "sai-" + i + "-c", false)
                    .choice("D", "sai-" + i + "-d", false).build());
        }
        for (int i = 1; i <= 2; i++) {
            add(QuestionTypes.TRUE_FALSE_CLUSTER, Question.builder(QuestionTypes.TRUE_FALSE_CLUSTER).stem("Xét tính đúng sai " + i)
                    .choice("a", "Mệnh đề một", true).choice("b", "Mệnh đề hai", false).choice("c", "Mệnh đề ba", false)
                    .choice("d", "Mệnh đề bốn", true).build());
        }
        add(QuestionTypes.SHORT_ANSWER, Question.builder(QuestionTypes.SHORT_ANSWER).stem("Tính 1 + 1,5.")
                .number(new NumericAnswer(new BigDecimal("2.5"), null, null, null, false)).build());
        add(QuestionTypes.ESSAY, Question.builder(QuestionTypes.ESSAY).stem(Content.html("<p>Chứng minh rằng <b>\\(a^2 \\ge 0\\)</b>.</p>"
                + "<p><img src=\"blob:abc\"></p>")).rubric(Content.plain("Xét hai trường hợp: 1 điểm mỗi trường hợp.")).build());
        List<BlueprintCell> cells = List.of(
                new BlueprintCell(null, "Chương 1", "BIET", QuestionTypes.SINGLE_CHOICE, 8, new BigDecimal("0.5")),
                new BlueprintCell(null, "Chương 1", "BIET", QuestionTypes.TRUE_FALSE_CLUSTER, 2, BigDecimal.ONE),
                new BlueprintCell(null, "Chương 1", "BIET", QuestionTypes.SHORT_ANSWER, 1, BigDecimal.ONE),
                new BlueprintCell(null, "Chương 1", "BIET", QuestionTypes.ESSAY, 1, new BigDecimal("3")));
        return PaperGenerator.generate(new PaperGenerator.Request(cells, List.of(), List.of("101", "102", "103"), PaperGenerator.Mode.SAME, 2026),
                pool, ids -> defs);
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static XWPFDocument open(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** The letter each "Câu N." of PHẦN I shows its correct option ("ĐÚNG-…") under, in paper order. */
    static List<String> correctLetters(XWPFDocument doc) {
        List<String> letters = new ArrayList<>();
        List<XWPFParagraph> ps = doc.getParagraphs();
        boolean partOne = false;
        for (int i = 0; i < ps.size(); i++) {
            String text = ps.get(i).getText();
            if (text.startsWith("PHẦN ")) {
                partOne = text.startsWith("PHẦN I.");
            }
            if (partOne && text.startsWith("Câu ")) {
                String options = ps.get(i + 1).getText();
                for (String option : options.split("\t")) {
                    if (option.substring(3).startsWith("ĐÚNG")) {
                        letters.add(option.substring(0, 1));
                    }
                }
            }
        }
        return letters;
    }

    @Test
    void theAnswerKeyGivesTheLetterTheCorrectOptionHasInEachVariant() throws Exception {
        List<PaperGenerator.Variant> variants = paper();
        byte[] image = png();
        XWPFDocument key = open(AnswerKeyDocx.build(HEADING, variants, defs));
        String keyText = String.join("\n", key.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        assertThat(keyText).contains("ĐÁP ÁN VÀ HƯỚNG DẪN CHẤM", "mỗi câu 0,5 điểm", "Xét hai trường hợp");
        XWPFTable partOne = key.getTables().get(1);
        assertThat(partOne.getRow(0).getCell(1).getText()).isEqualTo("Mã đề 101");
        List<List<String>> lettersPerVariant = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            XWPFDocument doc = open(PaperDocx.build(HEADING, variants.get(v), defs, sha -> "abc".equals(sha) ? image : null));
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("Mã đề " + variants.get(v).code(), "Họ, tên thí sinh", "Số báo danh", "PHẦN I. Câu trắc nghiệm nhiều phương án",
                    "PHẦN II. Câu trắc nghiệm đúng sai", "PHẦN III. Câu trắc nghiệm trả lời ngắn", "PHẦN IV. Tự luận", "a) Mệnh đề một",
                    "\\(a^2 \\ge 0\\)", "HẾT");
            String header = doc.getTables().getFirst().getText();
            assertThat(header).contains("PHÒNG GD&ĐT QUẬN BA ĐÌNH", "TRƯỜNG THCS NGUYỄN DU", "KIỂM TRA GIỮA HỌC KÌ I", "Môn: Toán – Lớp 6",
                    "45 phút");
            assertThat(doc.getAllPictures()).as("the essay's image is embedded").hasSize(1);
            List<String> letters = correctLetters(doc);
            assertThat(letters).hasSize(8);
            lettersPerVariant.add(letters);
            for (int q = 0; q < 8; q++) {
                assertThat(partOne.getRow(q + 1).getCell(v + 1).getText()).as("variant %s question %d", variants.get(v).code(), q + 1)
                        .isEqualTo(letters.get(q));
            }
        }
        assertThat(lettersPerVariant).as("the options are shuffled").doesNotHaveDuplicates();
        XWPFTable clusters = key.getTables().get(2);
        assertThat(clusters.getRow(1).getCell(1).getText()).isEqualTo("ĐSSĐ");
        XWPFTable shortAnswers = key.getTables().get(3);
        assertThat(shortAnswers.getRow(1).getCell(2).getText()).isEqualTo("2,5");
    }

    @Test
    void theAnswerSheetHasAGridPerPart() throws Exception {
        List<PaperGenerator.Variant> variants = paper();
        XWPFDocument sheet = open(AnswerSheetDocx.build(HEADING, variants.getFirst(), 4));
        String text = String.join("\n", sheet.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        assertThat(text).contains("PHIẾU TRẢ LỜI TRẮC NGHIỆM", "Số báo danh", "Mã đề", "PHẦN I.", "PHẦN II.", "PHẦN III.", "PHẦN IV.");
        XWPFTable partOne = sheet.getTables().get(1);
        assertThat(partOne.getNumberOfRows()).isEqualTo(9);
        assertThat(partOne.getRow(0).getCell(4).getText()).isEqualTo("D");
        assertThat(partOne.getRow(8).getCell(1).getText()).isEqualTo("○");
        XWPFTable partTwo = sheet.getTables().get(2);
        assertThat(partTwo.getNumberOfRows()).isEqualTo(9);
        assertThat(partTwo.getRow(0).getCell(2).getText()).isEqualTo("Đúng");
    }
}
