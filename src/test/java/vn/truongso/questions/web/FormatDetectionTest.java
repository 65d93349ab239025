package vn.truongso.questions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** "Tự nhận biết": the import page picks the format from the file's name and, for .xml and .txt, its first bytes. */
class FormatDetectionTest {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formatsFromNameAndContent() {
        assertThat(QuestionPages.detect("Đề ôn tập.DOCX", new byte[0])).isEqualTo("docx");
        assertThat(QuestionPages.detect("de-cu.doc", new byte[0])).as("the importer explains a renamed .doc").isEqualTo("docx");
        assertThat(QuestionPages.detect("mau.xlsx", new byte[0])).isEqualTo("xlsx");
        assertThat(QuestionPages.detect("goi.zip", new byte[0])).isEqualTo("qti");
        assertThat(QuestionPages.detect("bank.xml", text("<?xml version=\"1.0\"?><quiz><question/></quiz>"))).isEqualTo("moodle-xml");
        assertThat(QuestionPages.detect("item.xml", text("<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\"/>"))).isEqualTo("qti");
        assertThat(QuestionPages.detect("a.txt", text("2 + 2 = ? {=4 ~3}"))).isEqualTo("gift");
        assertThat(QuestionPages.detect("a.txt", text("2 + 2 = ?\nA. 3\nB. 4\nANSWER: B"))).isEqualTo("aiken");
        assertThat(QuestionPages.detect("a.gift", new byte[0])).isEqualTo("gift");
        assertThat(QuestionPages.detect("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isNull();
        assertThat(QuestionPages.detect(null, new byte[0])).isNull();
    }
}
