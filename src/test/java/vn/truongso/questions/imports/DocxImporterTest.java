package vn.truongso.questions.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truongso.questions.imports.DocxBank.b;
import static vn.truongso.questions.imports.DocxBank.color;
import static vn.truongso.questions.imports.DocxBank.hl;
import static vn.truongso.questions.imports.DocxBank.red;
import static vn.truongso.questions.imports.DocxBank.styled;
import static vn.truongso.questions.imports.DocxBank.t;
import static vn.truongso.questions.imports.DocxBank.u;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/** The Word .docx importer: every marking style and layout, sections, keys, solutions, equations, images, bad files. */
class DocxImporterTest {

    static ImportResult run(byte[] docx) {
        return ImportPipeline.run("docx", ImportSource.of("de.docx", docx));
    }

    static List<Question> ok(DocxBank bank) {
        ImportResult r = run(bank.bytes());
        assertThat(r.problems()).as(r.problems().toString()).isEmpty();
        return r.questions().stream().map(ParsedQuestion::question).toList();
    }

    static String correct(Question q) {
        return q.choices().stream().filter(Choice::correct).map(Choice::id).reduce("", String::concat);
    }

    /** Câu 1 with options A–D one per line, option C written with the given runs. */
    static DocxBank fourLines(Object... optionC) {
        return new DocxBank().p("ĐỀ KIỂM TRA GIỮA KÌ I – MÔN TOÁN 6").p(b("Câu 1:"), " Số nào là số nguyên tố?").p("A. 4").p("B. 6")
                .p(optionC).p("D. 9");
    }

    @Test
    void underlinedLetter() {
        Question q = ok(fourLines(u("C"), ". 7")).getFirst();
        assertThat(q.type()).isEqualTo(QuestionTypes.SINGLE_CHOICE);
        assertThat(q.stem().text()).isEqualTo("Số nào là số nguyên tố?");
        assertThat(q.choices()).extracting(Choice::id).containsExactly("A", "B", "C", "D");
        assertThat(q.choices().get(2).text().text()).isEqualTo("7");
        assertThat(correct(q)).isEqualTo("C");
        assertThat(q.title()).isEqualTo("Câu 1");
    }

    @Test
    void underlinedText() {
        assertThat(correct(ok(fourLines("C. ", u("7"))).getFirst())).isEqualTo("C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF0000", "C00000", "E00000", "EE1111"})
    void redInAnyStrongShade(String hex) {
        assertThat(correct(ok(fourLines(color("C. 7", hex))).getFirst())).isEqualTo("C");
    }

    @Test
    void darkOrBlueTextIsNotAMark() {
        ImportResult r = run(fourLines(color("C. 7", "1F3864")).bytes());
        assertThat(r.problems()).extracting(Problem::code).contains("questions.invalid.singleChoiceCorrect");
    }

    @Test
    void highlight() {
        assertThat(correct(ok(fourLines(hl("C. 7"))).getFirst())).isEqualTo("C");
    }

    @Test
    void boldOnlyWhenTheOtherOptionsAreNot() {
        assertThat(correct(ok(fourLines(b("C. 7"))).getFirst())).isEqualTo("C");
        // Every letter bold (the teacher's layout) and C underlined: bold is layout, underline marks.
        DocxBank allBold = new DocxBank().p("Câu 1: Số nào là số nguyên tố?").p(b("A."), " 4").p(b("B."), " 6").p(b("C."), u(" 7"))
                .p(b("D."), " 9");
        assertThat(correct(ok(allBold).getFirst())).isEqualTo("C");
    }

    @Test
    void anUnderlinedLinkIsNotAMark() {
        DocxBank bank = new DocxBank().p("Câu 1: Trang nào là cổng thông tin của Bộ GD&ĐT?");
        bank.link("A. ", "https://moet.gov.vn").p("B. https://example.org").p(u("C."), " Cả hai");
        assertThat(correct(ok(bank).getFirst())).isEqualTo("C");
    }

    @Test
    void leadingStar() {
        Question q = ok(fourLines("*C. 7")).getFirst();
        assertThat(correct(q)).isEqualTo("C");
        assertThat(q.choices().get(2).text().text()).isEqualTo("7");
    }

    @Test
    void severalOptionsPerLineWithTabsOrSpaces() {
        DocxBank bank = new DocxBank().p("Câu 1. Thủ đô của Việt Nam là").p("A. Huế\tB. ", u("Hà Nội")).p("C. Đà Nẵng\tD. TP HCM")
                .p("Câu 2) 2 + 3 = ?").p("A. 4    ", red("B. 5"), "    C. 6    D. 7");
        List<Question> qs = ok(bank);
        assertThat(qs.get(0).choices()).extracting(c -> c.text().text()).containsExactly("Huế", "Hà Nội", "Đà Nẵng", "TP HCM");
        assertThat(correct(qs.get(0))).isEqualTo("B");
        assertThat(qs.get(1).choices()).extracting(c -> c.text().text()).containsExactly("4", "5", "6", "7");
        assertThat(correct(qs.get(1))).isEqualTo("B");
    }

    @Test
    void optionsInATable() {
        DocxBank bank = new DocxBank().p("Câu 1: Kim loại nào dẫn điện tốt nhất?")
                .table(new Object[][] {{"A. Sắt", "B. Nhôm"}, {new Object[] {"C. ", u("Bạc")}, "D. Đồng"}}).p("Câu 2: 1 + 1 = ?").p("A. 1")
                .p("*B. 2");
        List<Question> qs = ok(bank);
        assertThat(qs.get(0).choices()).extracting(c -> c.text().text()).containsExactly("Sắt", "Nhôm", "Bạc", "Đồng");
        assertThat(correct(qs.get(0))).isEqualTo("C");
        assertThat(correct(qs.get(1))).isEqualTo("B");
    }

    static DocxBank unmarked(int count) {
        DocxBank bank = new DocxBank();
        for (int i = 1; i <= count; i++) {
            bank.p("Câu " + i + ": Câu hỏi số " + i).p("A. một\tB. hai\tC. ba\tD. bốn");
        }
        return bank;
    }

    @Test
    void answerListAfterTheQuestions() {
        assertThat(ok(unmarked(3).p("ĐÁP ÁN").p("1-A 2-C 3-D")).stream().map(DocxImporterTest::correct)).containsExactly("A", "C", "D");
        assertThat(ok(unmarked(3).p("1.B  2.C  3.A")).stream().map(DocxImporterTest::correct)).containsExactly("B", "C", "A");
        assertThat(ok(unmarked(2).p("Đáp án").p("Câu 1: D").p("Câu 2: B")).stream().map(DocxImporterTest::correct))
                .containsExactly("D", "B");
    }

    @Test
    void answerGridTable() {
        DocxBank bank = unmarked(4).p("BẢNG ĐÁP ÁN").table(new Object[][] {{"Câu", "1", "2", "3", "4"}, {"Đáp án", "B", "A", "D", "C"}});
        assertThat(ok(bank).stream().map(DocxImporterTest::correct)).containsExactly("B", "A", "D", "C");
        // Without a heading, and as a two-column list.
        assertThat(ok(unmarked(3).table(new Object[][] {{"1", "2", "3"}, {"C", "C", "A"}})).stream().map(DocxImporterTest::correct))
                .containsExactly("C", "C", "A");
        assertThat(ok(unmarked(2).p("Đáp án").table(new Object[][] {{"Câu", "Đáp án"}, {"1", "D"}, {"2", "A"}})).stream()
                .map(DocxImporterTest::correct)).containsExactly("D", "A");
    }

    @Test
    void answerKeysBySection() {
        DocxBank bank = new DocxBank().p("PHẦN I").p("Câu 1: x").p("A. 1\tB. 2").p("PHẦN II").p("Câu 1: y").p("a) 1").p("b) 2").p("c) 3")
                .p("d) 4").p("ĐÁP ÁN PHẦN I").table(new Object[][] {{"Câu", "1"}, {"Đáp án", "B"}}).p("ĐÁP ÁN PHẦN II").p("Câu 1: ĐSĐS");
        assertThat(ok(bank).stream().map(DocxImporterTest::correct)).containsExactly("B", "ac");
        // Questions without sections, answers listed by section.
        DocxBank flat = unmarked(2).p("ĐÁP ÁN").p("PHẦN I").p("1-B 2-D");
        assertThat(ok(flat).stream().map(DocxImporterTest::correct)).containsExactly("B", "D");
    }

    @Test
    void answerLineAfterTheQuestion() {
        assertThat(correct(ok(new DocxBank().p("Câu 1: 2 + 2 = ?").p("A. 3\tB. 4\tC. 5\tD. 6").p("Đáp án: B")).getFirst())).isEqualTo("B");
    }

    @Test
    void boldQuestionNumberWithoutPunctuationAndOtherStemForms() {
        DocxBank bank = new DocxBank().p(b("Câu 1"), " Chọn số chẵn.").p("A. 1\t", u("B. 2")).p(b("Câu 2."), " Chọn số lẻ.")
                .p(u("A. 1"), "\tB. 2").p("CÂU 3) Chọn số 0.").p("A. 0\tB. 2", "\t*C. 3").p("Câu 4 (0,5 điểm): Chọn số 3.")
                .p("A. 3\tB. 2").p("Đáp án: A");
        List<Question> qs = ok(bank);
        assertThat(qs).extracting(Question::stem).extracting(c -> c.text()).containsExactly("Chọn số chẵn.", "Chọn số lẻ.", "Chọn số 0.",
                "Chọn số 3.");
        assertThat(qs.stream().map(DocxImporterTest::correct)).containsExactly("B", "A", "C", "A");
        assertThat(qs.get(3).points()).isEqualByComparingTo("0.5");
    }

    static DocxBank exam2025() {
        return new DocxBank().p(b("PHẦN I. Câu trắc nghiệm nhiều phương án lựa chọn."), " Thí sinh trả lời từ câu 1 đến câu 2.")
                .p(b("Câu 1."), " Tập nghiệm của phương trình x² = 4 là").p("A. {2}\tB. {−2}\t", u("C."), " {−2; 2}\tD. ∅")
                .p(b("Câu 2."), " Đạo hàm của sin x là").p("A. −cos x\t", red("B. cos x"), "\tC. tan x\tD. −sin x")
                .p(b("PHẦN II. Câu trắc nghiệm đúng sai."))
                .p(b("Câu 1."), " Cho hàm số y = x³ − 3x.")
                .p(u("a)"), " Hàm số có hai điểm cực trị.").p("b) Hàm số đồng biến trên ℝ.").p(u("a"), "") // stray underline ignored
                .p("c) ", hl("Đồ thị đi qua gốc toạ độ.")).p("d) y(2) = 3.")
                .p(b("Câu 2."), " Một lớp có 40 học sinh.").p("a) Có 40 học sinh.").p("b) Có 41 học sinh.").p("c) Có 39 học sinh.")
                .p("d) Có 20 cặp học sinh.")
                .p(b("PHẦN III. Câu trắc nghiệm trả lời ngắn."))
                .p(b("Câu 1."), " Tính 1,5 + 1. <Key=2,5>")
                .p(b("Câu 2."), " Thủ đô của Việt Nam?").p("Đáp án: Hà Nội|Ha Noi")
                .p(b("Câu 3."), " Số cạnh của hình lập phương?")
                .p("Lời giải").p("Hình lập phương có 12 cạnh.")
                .p("ĐÁP ÁN").p(b("PHẦN II")).p("Câu 2: a-Đ, b-S, c-S, d-Đ").p("PHẦN III").p("Câu 3: 12");
    }

    @Test
    void theSections2025() {
        ImportResult r = run(exam2025().bytes());
        assertThat(r.problems()).as(r.problems().toString()).isEmpty();
        List<Question> qs = r.questions().stream().map(ParsedQuestion::question).toList();
        assertThat(qs).extracting(Question::type).containsExactly(QuestionTypes.SINGLE_CHOICE, QuestionTypes.SINGLE_CHOICE,
                QuestionTypes.TRUE_FALSE_CLUSTER, QuestionTypes.TRUE_FALSE_CLUSTER, QuestionTypes.SHORT_ANSWER, QuestionTypes.SHORT_ANSWER,
                QuestionTypes.SHORT_ANSWER);
        assertThat(qs).extracting(Question::title).containsExactly("Phần I – Câu 1", "Phần I – Câu 2", "Phần II – Câu 1", "Phần II – Câu 2",
                "Phần III – Câu 1", "Phần III – Câu 2", "Phần III – Câu 3");
        assertThat(correct(qs.get(0))).isEqualTo("C");
        assertThat(correct(qs.get(1))).isEqualTo("B");
        assertThat(qs.get(2).choices()).extracting(Choice::id).containsExactly("a", "b", "c", "d");
        assertThat(correct(qs.get(2))).isEqualTo("ac");
        assertThat(correct(qs.get(3))).isEqualTo("ad");
        assertThat(qs.get(4).stem().text()).isEqualTo("Tính 1,5 + 1.");
        assertThat(qs.get(4).numbers().getFirst().value()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(qs.get(5).choices()).extracting(c -> c.text().text()).containsExactly("Hà Nội", "Ha Noi");
        assertThat(qs.get(6).numbers().getFirst().value()).isEqualByComparingTo("12");
        assertThat(qs.get(6).generalFeedback().text()).isEqualTo("Hình lập phương có 12 cạnh.");
        assertThat(r.questions()).extracting(ParsedQuestion::number).containsExactly(1, 2, 1, 2, 1, 2, 3);
    }

    @Test
    void clusterAnswerListSaysTrueAndFalse() {
        DocxBank bank = new DocxBank().p("Câu 1: Xét các mệnh đề.").p("a) Một").p("b) Hai").p("c) Ba").p("d) Bốn").p("ĐÁP ÁN")
                .p("1: a-Đ, b-S, c-Đ, d-S");
        assertThat(correct(ok(bank).getFirst())).isEqualTo("ac");
        DocxBank bold = new DocxBank().p("Câu 1: Xét các mệnh đề.").p(b("a) Một")).p("b) Hai").p(b("c) Ba")).p("d) Bốn");
        assertThat(correct(ok(bold).getFirst())).isEqualTo("ac");
        DocxBank star = new DocxBank().p("Câu 1: Xét các mệnh đề.").p("a) Một").p("*b) Hai").p("c) Ba").p("*d) Bốn");
        assertThat(correct(ok(star).getFirst())).isEqualTo("bd");
    }

    @Test
    void factsListedInASingleChoiceStemStayThere() {
        Question q = ok(new DocxBank().p("Câu 1: Cho các phát biểu sau:").p("a) Số 2 là số nguyên tố.").p("b) Số 9 là số nguyên tố.")
                .p("Số phát biểu đúng là").p("A. 0\t", u("B. 1"), "\tC. 2")).getFirst();
        assertThat(q.type()).isEqualTo(QuestionTypes.SINGLE_CHOICE);
        assertThat(q.stem().text()).isEqualTo("Cho các phát biểu sau:\na) Số 2 là số nguyên tố.\nb) Số 9 là số nguyên tố.\nSố phát biểu đúng là");
        assertThat(correct(q)).isEqualTo("B");
    }

    @Test
    void workedSolutionsAreKept() {
        DocxBank bank = new DocxBank().p("Câu 1: 2 + 2 = ?").p("A. 3\t", u("B. 4")).p("Hướng dẫn giải").p("Ta có 2 + 2 = 4.")
                .p("Chọn B.").p("Câu 2: 3 + 3 = ?").p("A. 6\tB. 5").p("Giải: 3 + 3 = 6.").p("Câu 3: 1 + 0 = ?").p(u("A. 1"), "\tB. 0")
                .p("Lời giải: hiển nhiên.");
        List<Question> qs = ok(bank.p("Đáp án").p("2-A"));
        assertThat(qs.get(0).generalFeedback().text()).isEqualTo("Ta có 2 + 2 = 4.\nChọn B.");
        assertThat(qs.get(1).generalFeedback().text()).isEqualTo("3 + 3 = 6.");
        assertThat(correct(qs.get(1))).isEqualTo("A");
        assertThat(qs.get(2).generalFeedback().text()).isEqualTo("hiển nhiên.");
    }

    @Test
    void formattingFromStylesCounts() {
        DocxBank bank = new DocxBank().style("DapAn", false, false, true, null).style("DapAnDo", true, false, false, "C00000")
                .p("Câu 1: Chọn 2.").p("A. 1").p(styled("B. 2", "DapAn")).p("C. 3")
                .p("Câu 2: Chọn 3.").p("A. 1").p("B. 2").ps("DapAnDo", "C. 3");
        List<Question> qs = ok(bank);
        assertThat(correct(qs.get(0))).isEqualTo("B");
        assertThat(correct(qs.get(1))).isEqualTo("C");
    }

    @Test
    void wordsSplitAcrossRunsAreJoinedAndTextIsNfc() {
        String decomposed = Normalizer.normalize("Hà Nội", Normalizer.Form.NFD);
        int cut = decomposed.indexOf('a') + 1; // the grave accent starts the next run
        DocxBank bank = new DocxBank().p("Câ", "u 1: Thủ đô là").p("A. ", decomposed.substring(0, cut), u(decomposed.substring(cut)))
                .p("B. Huế");
        ImportResult r = run(bank.bytes());
        Question q = r.questions().getFirst().question();
        assertThat(q.choices().getFirst().text().text()).isEqualTo("Hà Nội");
        assertThat(Normalizer.isNormalized(q.choices().getFirst().text().text(), Normalizer.Form.NFC)).isTrue();
        assertThat(q.stem().text()).isEqualTo("Thủ đô là");
    }

    @Test
    void equationsBecomeLatex() {
        String frac = "<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>";
        String sup = "<m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>";
        String sqrt = "<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e><m:r><m:t>x+1</m:t></m:r></m:e></m:rad>";
        String cube = "<m:rad><m:deg><m:r><m:t>3</m:t></m:r></m:deg><m:e><m:r><m:t>8</m:t></m:r></m:e></m:rad>";
        String sum = "<m:nary><m:naryPr><m:chr m:val=\"∑\"/></m:naryPr><m:sub><m:r><m:t>i=1</m:t></m:r></m:sub><m:sup><m:r><m:t>n</m:t>"
                + "</m:r></m:sup><m:e><m:r><m:t>i</m:t></m:r></m:e></m:nary>";
        String integral = "<m:nary><m:sub><m:r><m:t>0</m:t></m:r></m:sub><m:sup><m:r><m:t>π</m:t></m:r></m:sup><m:e><m:func><m:fName>"
                + "<m:r><m:t>sin</m:t></m:r></m:fName><m:e><m:r><m:t>x</m:t></m:r></m:e></m:func><m:r><m:t>dx</m:t></m:r></m:e></m:nary>";
        String delim = "<m:d><m:e><m:r><m:t>a≤b</m:t></m:r></m:e></m:d>";
        String sub = "<m:sSubSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sub><m:r><m:t>1</m:t></m:r></m:sub><m:sup><m:r><m:t>2</m:t></m:r>"
                + "</m:sup></m:sSubSup><m:sSub><m:e><m:r><m:t>a</m:t></m:r></m:e><m:sub><m:r><m:t>n</m:t></m:r></m:sub></m:sSub>";
        String system = "<m:d><m:dPr><m:begChr m:val=\"{\"/><m:endChr m:val=\"\"/></m:dPr><m:e><m:eqArr><m:e><m:r><m:t>x+y=2</m:t></m:r>"
                + "</m:e><m:e><m:r><m:t>x−y=0</m:t></m:r></m:e></m:eqArr></m:e></m:d>";
        String unknown = "<m:foo><m:r><m:t>α</m:t></m:r></m:foo>";
        DocxBank bank = new DocxBank().math(new Object[] {"Câu 1: Tính "}, frac + "<m:r><m:t>+</m:t></m:r>" + sup, " với x = 1.")
                .math(new Object[] {u("A.")}, sqrt).math(new Object[] {"B. "}, cube).math(new Object[] {"C. "}, sum)
                .math(new Object[] {"D. "}, integral).math(new Object[] {"Câu 2: "}, delim + sub).math(new Object[] {u("A. ")}, system)
                .math(new Object[] {"B. "}, unknown);
        List<Question> qs = ok(bank);
        Question q = qs.getFirst();
        assertThat(q.stem().text()).isEqualTo("Tính \\(\\frac{1}{2}+x^{2}\\) với x = 1.");
        assertThat(q.choices()).extracting(c -> c.text().text()).containsExactly("\\(\\sqrt{x+1}\\)", "\\(\\sqrt[3]{8}\\)",
                "\\(\\sum_{i=1}^{n}i\\)", "\\(\\int_{0}^{\\pi }{\\sin xdx}\\)");
        assertThat(correct(q)).isEqualTo("A");
        assertThat(qs.get(1).stem().text()).isEqualTo("\\(\\left(a\\le b\\right)x_{1}^{2}a_{n}\\)");
        assertThat(qs.get(1).choices().get(0).text().text()).isEqualTo("\\(\\left\\{\\begin{array}{l}x+y=2 \\\\ x-y=0\\end{array}\\right.\\)");
        assertThat(qs.get(1).choices().get(1).text().text()).isEqualTo("\\(\\alpha\\)");
    }

    @Test
    void imagesAreAttachedAndReferenced() {
        byte[] png = DocxBank.png(0x123456);
        java.util.Map<String, byte[]> stored = new java.util.HashMap<>();
        Attachments files = (name, bytes) -> {
            stored.put(Attachments.sha256(bytes), bytes);
            return Attachments.HASH_ONLY.attach(name, bytes);
        };
        DocxBank bank = new DocxBank().p("Câu 1: Hình nào là hình vuông?").image("Quan sát hình: ", png).p("A. Hình 1\t", u("B. Hình 2"));
        ImportResult r = ImportPipeline.run("docx", new ImportSource("hinh.docx", bank.bytes(), files));
        assertThat(r.problems()).isEmpty();
        String sha = Attachments.sha256(png);
        Question q = r.questions().getFirst().question();
        assertThat(q.stem().format()).isEqualTo("html");
        assertThat(q.stem().text()).isEqualTo("Hình nào là hình vuông?<br>Quan sát hình: <img src=\"blob:" + sha + "\" alt=\"\">");
        assertThat(stored).containsKey(sha);
    }

    @Test
    void mixedDocument() {
        DocxBank bank = exam2025().p("Câu 9: Extra trong phần đáp án bị bỏ qua");
        ImportResult r = run(bank.bytes());
        assertThat(r.questions()).hasSize(7);
        DocxBank mixed = new DocxBank().p("Trường THCS Nguyễn Du").p("Câu 1: Chọn 1.").p(u("A."), " 1\tB. 2\tC. 3\tD. 4")
                .p("Câu 2: Chọn 2.").table(new Object[][] {{"A. 1", red("B. 2")}, {"C. 3", "D. 4"}}).p("Câu 3: Chọn 3.").p("A. 1").p("B. 2")
                .p(hl("C. 3")).p("D. 4").p("Câu 4: Chọn 4.").p("A. 1\tB. 2\tC. 3\tD. 4").p("Câu 5: Số 5 đọc là <Key=năm>").p("Câu 6: Mệnh đề")
                .p("a) x").p("b) y").p("c) z").p("d) t").p("Đáp án").p("4-D").p("6: a-S, b-S, c-S, d-S");
        List<Question> qs = ok(mixed);
        assertThat(qs.stream().map(DocxImporterTest::correct)).containsExactly("A", "B", "C", "D", "1", "");
        assertThat(qs.get(4).type()).isEqualTo(QuestionTypes.SHORT_ANSWER);
        assertThat(qs.get(5).type()).isEqualTo(QuestionTypes.TRUE_FALSE_CLUSTER);
    }

    // --- bad input: each problem names the question and the paragraph; nothing is returned to store.

    @Test
    void aRenamedDocIsRefused() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        ImportResult r = run(ole2);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("questions.docx.oldDoc");
        assertThat(r.ok()).isFalse();
        assertThat(run("not a word file".getBytes()).problems()).extracting(Problem::code).containsExactly("questions.docx.notDocx");
        assertThat(run(new byte[] {'P', 'K', 3, 4, 0, 0}).problems()).extracting(Problem::code).containsExactly("questions.docx.notDocx");
    }

    @Test
    void anEmptyDocument() {
        assertThat(run(new DocxBank().p("").bytes()).problems()).extracting(Problem::code).containsExactly("questions.docx.empty");
        assertThat(run(new DocxBank().p("Chỉ có tiêu đề").bytes()).problems()).extracting(Problem::code)
                .containsExactly("questions.docx.noQuestions");
        assertThat(run(new byte[0]).problems()).extracting(Problem::code).containsExactly("questions.import.emptyFile");
    }

    @Test
    void twoOrNoMarkedAnswers() {
        DocxBank bank = new DocxBank().p("Câu 1: Hai đáp án.").p(u("A. 1")).p(u("B. 2")).p("Câu 2: Không đáp án.").p("A. 1").p("B. 2")
                .p("Câu 3: Tốt.").p(u("A. 1")).p("B. 2");
        ImportResult r = run(bank.bytes());
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).containsExactlyInAnyOrder(Problem.at(1, 1, "questions.invalid.singleChoiceCorrect", 2L),
                Problem.at(2, 4, "questions.invalid.singleChoiceCorrect", 0L));
    }

    @Test
    void aMissingOptionLetter() {
        DocxBank bank = new DocxBank().p("Câu 1: Đủ.").p(u("A. 1"), "\tB. 2").p("Câu 7: Thiếu C.").p("A. 1").p(u("B. 2")).p("D. 4")
                .p("Câu 8: Trùng.").p(u("A. 1")).p("A. 2").p("Câu 9: Mệnh đề").p("a) x").p("b) y").p(u("d) t"));
        ImportResult r = run(bank.bytes());
        assertThat(r.problems()).contains(Problem.at(7, 6, "questions.docx.missingOption", "C"), Problem.at(8, 9, "questions.docx.duplicateOption", "A"),
                Problem.at(9, 13, "questions.docx.missingStatement", "c"));
    }

    @Test
    void otherBrokenQuestions() {
        DocxBank bank = new DocxBank().p("Câu 1: Không có phương án.").p("Câu 2: Mệnh đề chưa đánh dấu").p("a) x").p("b) y").p("c) z")
                .p("d) t").p("Câu 3: Đáp án lạ").p("A. 1\tB. 2").p("Đáp án: E");
        ImportResult r = run(bank.bytes());
        assertThat(r.problems()).contains(Problem.at(1, 1, "questions.docx.noOptions"), Problem.at(2, 2, "questions.docx.clusterUnmarked"),
                Problem.at(3, 7, "questions.docx.badKey", "E"));
    }

    @Test
    void chapterHeadingsAndLevelsAfterTheNumberClassifyTheQuestions() {
        List<Question> qs = ok(new DocxBank().p(b("CHƯƠNG 1. PHÂN SỐ")).p(b("Câu 1 (NB):"), " Phân số nào bằng 1/2?").p("A. 2/4").p(u("B. 1/3"))
                .p("C. 3/4").p("D. 1/4")
                .p(b("Chương 2: Số thập phân")).p(b("Câu 2. [TH] (0,5 điểm)"), " Số nào lớn nhất?").p(u("A. 0,9")).p("B. 0,1").p("C. 0,5")
                .p("D. 0,2")
                .p(b("Câu 3 (1 điểm) (Vận dụng cao):"), " Tính nhanh.").p(u("A. 1")).p("B. 2").p("C. 3").p("D. 4")
                .p(b("Câu 4."), " (Mức 2) Chọn câu đúng.").p(u("A. Có")).p("B. Không"));
        assertThat(qs).extracting(Question::category).containsExactly("CHƯƠNG 1. PHÂN SỐ", "Chương 2: Số thập phân", "Chương 2: Số thập phân",
                "Chương 2: Số thập phân");
        assertThat(qs).extracting(q -> q.classification().cognitiveLevel()).containsExactly("Nhận biết", "Thông hiểu", "Vận dụng cao", "Mức 2");
        // The heading is not read as a line of the previous question's last option; the markers are not in the stems.
        assertThat(qs.getFirst().choices().get(3).text().text()).isEqualTo("1/4");
        assertThat(qs).extracting(q -> q.stem().text()).containsExactly("Phân số nào bằng 1/2?", "Số nào lớn nhất?", "Tính nhanh.",
                "Chọn câu đúng.");
        assertThat(qs.get(1).points()).isEqualByComparingTo("0.5");
        assertThat(qs.get(2).points()).isEqualByComparingTo("1");
    }

    @Test
    void aStemThatMerelyStartsWithChuongIsNoHeading() {
        List<Question> qs = ok(new DocxBank().p(b("Câu 1:"), " Chọn đáp án đúng.").p("Chương trình này in ra gì?").p(u("A. 1")).p("B. 2"));
        assertThat(qs.getFirst().category()).isNull();
        assertThat(qs.getFirst().stem().text()).contains("Chương trình này in ra gì?");
    }
}
