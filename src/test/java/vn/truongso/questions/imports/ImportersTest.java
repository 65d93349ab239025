package vn.truongso.questions.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/** Each importer on good and bad input, through the pipeline that adds the types' own validation. */
class ImportersTest {

    static ImportResult run(String format, String text) {
        return ImportPipeline.run(format, ImportSource.of("test", text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> codes(ImportResult r) {
        return r.problems().stream().map(Problem::code).toList();
    }

    @Test
    void giftReadsEveryQuestionKind() {
        ImportResult r = run("gift", """
                // [tag:chuong-1]
                $CATEGORY: Toán/Chương 1

                ::Nguyên tố:: Số nào là số nguyên tố? {~4 ~%50%9 =7 ~6#Sai rồi}

                Chọn các số chẵn {~%50%2 ~%50%4 ~%-100%3}

                Hằng số \\{pi\\} \\= ? {#3.14:0.01}

                Số từ 1 đến 5 {#1..5}

                Ghép {=Hà Nội -> Việt Nam =Paris -> Pháp = -> Đức}

                Viết về mùa thu {}

                Trái Đất tròn {T#Sai#Đúng}

                Thủ đô là {=Hà Nội =%50%Ha Noi} phải không?
                """);
        assertThat(r.problems()).isEmpty();
        List<Question> qs = r.questions().stream().map(ParsedQuestion::question).toList();
        assertThat(qs).extracting(Question::type).containsExactly(QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE,
                QuestionTypes.SHORT_ANSWER, QuestionTypes.SHORT_ANSWER, QuestionTypes.MATCHING, QuestionTypes.ESSAY, QuestionTypes.TRUE_FALSE,
                QuestionTypes.SHORT_ANSWER);
        assertThat(qs.getFirst().title()).isEqualTo("Nguyên tố");
        assertThat(qs.getFirst().category()).isEqualTo("Toán/Chương 1");
        assertThat(qs.getFirst().choices().get(1).fraction()).isEqualByComparingTo("0.5");
        assertThat(qs.getFirst().choices().get(3).feedback().text()).isEqualTo("Sai rồi");
        assertThat(qs.get(2).stem().text()).isEqualTo("Hằng số {pi} = ?");
        assertThat(qs.get(2).numbers().getFirst().tolerance()).isEqualByComparingTo("0.01");
        assertThat(qs.get(3).numbers().getFirst().low()).isEqualByComparingTo("1");
        assertThat(qs.get(3).numbers().getFirst().high()).isEqualByComparingTo("5");
        assertThat(qs.get(4).pairs()).hasSize(3);
        assertThat(qs.get(4).pairs().get(2).isDistractor()).isTrue();
        assertThat(qs.get(7).stem().text()).isEqualTo("Thủ đô là _____ phải không?");
        assertThat(r.questions().get(1).line()).isEqualTo(6);
    }

    @Test
    void giftNamesTheLineOfAnUnclosedBraceAndTheQuestionWithTwoCorrectAnswers() {
        ImportResult r = run("gift", """
                Câu một {~a =b =c}

                Câu hai {~a =b

                Câu ba {=x}
                """);
        assertThat(r.problems()).contains(Problem.at(1, 1, "questions.invalid.singleChoiceCorrect", 2L));
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("questions.import.gift.unclosedBrace");
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(codes(run("gift", "Câu không đáp án {~a ~b}"))).containsExactly("questions.invalid.singleChoiceCorrect");
        assertThat(codes(run("gift", "Lạc } dấu"))).contains("questions.import.gift.strayBrace");
    }

    @Test
    void anEmptyFileIsRefusedInEveryFormat() {
        for (String format : ImportPipeline.formats()) {
            assertThat(codes(ImportPipeline.run(format, ImportSource.of("empty", new byte[0])))).as(format)
                    .containsExactly("questions.import.emptyFile");
        }
        assertThat(codes(run("gift", "// only a comment\n\n"))).containsExactly("questions.import.noQuestions");
    }

    @Test
    void aikenReadsSingleChoiceAndReportsMissingAnswers() {
        ImportResult ok = run("aiken", """
                Thủ đô của Việt Nam là?
                A. Hà Nội
                B) Huế
                C. Đà Nẵng
                ANSWER: A

                2 + 2 = ?
                A. 3
                B. 4
                ANSWER: B
                """);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.questions()).hasSize(2);
        assertThat(ok.questions().getFirst().question().choices().getFirst().correct()).isTrue();
        ImportResult bad = run("aiken", """
                Câu thiếu đáp án
                A. x
                B. y

                Câu sai đáp án
                A. x
                B. y
                ANSWER: E
                """);
        assertThat(bad.problems()).contains(Problem.at(1, 1, "questions.import.aiken.noAnswer"));
        assertThat(bad.problems()).contains(Problem.at(2, 8, "questions.import.aiken.badAnswer", "E"));
    }

    @Test
    void moodleXmlReadsCategoriesAndEmbeddedImages() {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        ImportResult r = run("moodle-xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="category"><category><text>$course$/Toán 6</text></category></question>
                  <question type="multichoice">
                    <name><text>Hình</text></name>
                    <questiontext format="html"><text><![CDATA[<p>Hình nào? <img src="@@PLUGINFILE@@/a.png"/></p>]]></text>
                      <file name="a.png" path="/" encoding="base64">%s</file></questiontext>
                    <defaultgrade>0.5</defaultgrade>
                    <single>true</single>
                    <answer fraction="100"><text>Vuông</text></answer>
                    <answer fraction="0"><text>Tròn</text><feedback><text>Không</text></feedback></answer>
                  </question>
                  <question type="numerical"><name><text>n</text></name><questiontext><text>1/2 = ?</text></questiontext>
                    <answer fraction="100"><text>0.5</text><tolerance>0.01</tolerance></answer></question>
                  <question type="essay"><name><text>e</text></name><questiontext><text>Viết</text></questiontext>
                    <graderinfo format="html"><text>Ý 1: 0,5 điểm</text></graderinfo></question>
                  <question type="calculated"><name><text>c</text></name><questiontext><text>x</text></questiontext></question>
                </quiz>
                """.formatted(png));
        assertThat(codes(r)).containsExactly("questions.import.moodle.unsupportedType");
        Question q = r.questions().getFirst().question();
        assertThat(q.category()).isEqualTo("$course$/Toán 6");
        assertThat(q.points()).isEqualByComparingTo("0.5");
        assertThat(q.stem().text()).contains("src=\"blob:" + Attachments.sha256(Base64.getDecoder().decode(png)) + "\"");
        assertThat(r.questions().get(1).question().numbers().getFirst().tolerance()).isEqualByComparingTo("0.01");
        assertThat(r.questions().get(2).question().rubric().text()).contains("0,5 điểm");
        assertThat(codes(run("moodle-xml", "<quiz><question type=\"essay\">"))).containsExactly("questions.import.xml.malformed");
    }

    static final String QTI_CHOICE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="c1" title="Màu" adaptive="false" timeDependent="false">
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"%s>
                <correctResponse><value>B</value></correctResponse>
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
              <itemBody><p>Lá cây màu gì? <img src="img/la.png" alt=""/></p>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <simpleChoice identifier="A">Đỏ</simpleChoice><simpleChoice identifier="B">Xanh</simpleChoice>
                </choiceInteraction></itemBody>
              <responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>
            </assessmentItem>
            """;

    @Test
    void qtiReadsAnItemAndRefusesSchemaViolationsAndEntities() {
        ImportResult ok = run("qti", QTI_CHOICE.formatted(""));
        assertThat(ok.problems()).isEmpty();
        Question q = ok.questions().getFirst().question();
        assertThat(q.type()).isEqualTo(QuestionTypes.SINGLE_CHOICE);
        assertThat(q.choices()).extracting(c -> c.correct()).containsExactly(false, true);
        assertThat(codes(run("qti", QTI_CHOICE.formatted(" foo=\"bar\"")))).containsExactly("questions.import.qti.invalid");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + QTI_CHOICE.formatted("")
                .substring(QTI_CHOICE.indexOf("<assessmentItem")).replace("Đỏ", "&e;");
        assertThat(codes(run("qti", xxe))).containsExactly("questions.import.xml.malformed");
        assertThat(codes(run("qti", "<responseProcessing/>"))).containsExactly("questions.import.qti.notQti");
        assertThat(codes(run("qti", "<assessmentItem identifier=\"x\"/>"))).containsExactly("questions.import.qti.noVersion");
    }

    @Test
    void qtiGapMatchBecomesAClozeWithChoices() {
        ImportResult r = run("qti", """
                <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="g" title="Điền" adaptive="false" timeDependent="false">
                  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">
                    <correctResponse><value>L G1</value><value>R G2</value></correctResponse></responseDeclaration>
                  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
                  <itemBody><gapMatchInteraction responseIdentifier="RESPONSE" shuffle="false">
                    <gapText identifier="L" matchMax="1">lỏng</gapText><gapText identifier="R" matchMax="1">rắn</gapText>
                    <p>Nước là chất <gap identifier="G1"/>, nước đá là chất <gap identifier="G2"/>.</p>
                  </gapMatchInteraction></itemBody>
                </assessmentItem>""");
        assertThat(r.problems()).isEmpty();
        Question q = r.questions().getFirst().question();
        assertThat(q.type()).isEqualTo(QuestionTypes.CLOZE);
        assertThat(q.stem().text()).contains("chất [[G1]], nước đá là chất [[G2]]");
        assertThat(q.gaps().get(1).options()).extracting(c -> c.correct()).containsExactly(false, true);
    }

    @Test
    void qtiReadsAContentPackageAndAttachesItsImages() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        byte[] image = {1, 2, 3, 4};
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("imsmanifest.xml"));
            z.write("""
                    <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><resources>
                    <resource identifier="r1" type="imsqti_item_xmlv2p1" href="items/c1.xml"/>
                    <resource identifier="r2" type="imsqti_item_xmlv2p1" href="items/missing.xml"/>
                    </resources></manifest>""".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("items/c1.xml"));
            z.write(QTI_CHOICE.formatted("").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("items/img/la.png"));
            z.write(image);
        }
        ImportResult r = ImportPipeline.run("qti", ImportSource.of("p.zip", zip.toByteArray()));
        assertThat(r.problems()).containsExactly(Problem.at(2, null, "questions.import.qti.missingItem", "items/missing.xml"));
        assertThat(r.questions().getFirst().question().stem().text()).contains("blob:" + Attachments.sha256(image));
    }

    @Test
    void xlsxNamesTheRowOfEachError() throws Exception {
        ImportResult template = ImportPipeline.run("xlsx", ImportSource.of("t.xlsx", XlsxImporter.template()));
        assertThat(template.problems()).isEmpty();
        Question cluster = template.questions().get(1).question();
        assertThat(cluster.type()).isEqualTo(QuestionTypes.TRUE_FALSE_CLUSTER);
        assertThat(cluster.choices()).extracting(c -> c.correct()).containsExactly(true, true, false, false);
        assertThat(template.questions().getFirst().question().points()).isEqualByComparingTo("0.25");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Câu hỏi");
            var header = sheet.createRow(0);
            String[] headers = {"STT", "Loại câu hỏi", "Nội dung câu hỏi", "Phương án A", "Phương án B", "Đáp án", "Điểm"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            String[][] rows = {{"1", "Một lựa chọn", "Câu tốt", "x", "y", "B", "1"}, {"2", "Trắc nghiệm lạ", "Câu loại sai", "", "", "", ""},
                    {"3", "Một lựa chọn", "Đáp án ngoài", "x", "y", "D", "một"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            ImportResult r = ImportPipeline.run("xlsx", ImportSource.of("b.xlsx", out.toByteArray()));
            assertThat(r.problems()).contains(Problem.at(2, 3, "questions.import.xlsx.badType", "Trắc nghiệm lạ"),
                    Problem.at(3, 4, "questions.import.xlsx.badKey", "D"), Problem.at(3, 4, "questions.import.xlsx.badPoints", "một"));
        }
        assertThat(codes(ImportPipeline.run("xlsx", ImportSource.of("x.xlsx", "not a workbook".getBytes()))))
                .containsExactly("questions.import.xlsx.notWorkbook");
    }

    @Test
    void numbersKeepTheirDecimalsExactly() {
        Question q = run("gift", "x {#0.1:0.05}").questions().getFirst().question();
        assertThat(q.numbers().getFirst().value()).isEqualTo(new BigDecimal("0.1"));
    }
}
