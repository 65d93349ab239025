package vn.truongso.questions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.truongso.questions.model.Content;

class QuestionHtmlTest {

    @Test
    void plainTextIsEscapedAndKeepsItsLines() {
        assertThat(QuestionHtml.toSafeHtml(Content.plain("a < b\nvà \\(x^2\\)"), s -> s)).isEqualTo("a &lt; b<br>và \\(x^2\\)");
    }

    @Test
    void scriptsHandlersAndForeignImagesAreRemovedWhileTablesAndBlobImagesStay() {
        String html = "<p onclick=\"steal()\">Câu <b>1</b><script>alert(1)</script></p>"
                + "<table><tr><td colspan=\"2\">x</td></tr></table><img src=\"blob:abc\" alt=\"h\"><img src=\"https://evil.example/t.png\">"
                + "<a href=\"javascript:alert(1)\">link</a><iframe src=\"https://x\"></iframe>";
        String safe = QuestionHtml.toSafeHtml(Content.html(html), ref -> "/media/" + ref.substring(5));
        assertThat(safe).doesNotContain("script", "onclick", "evil.example", "javascript", "iframe")
                .contains("<b>1</b>", "colspan=\"2\"", "<img src=\"/media/abc\" alt=\"h\">");
    }
}
