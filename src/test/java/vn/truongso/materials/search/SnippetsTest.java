package vn.truongso.materials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.truongso.platform.VietnameseText;

class SnippetsTest {

    @Test
    void marksEveryMatchingWordOfTheDescriptionAndEscapesTheRest() {
        assertThat(Snippets.of(List.of("phan", "so"), "Bài tập <b> phân số & số thập phân.", null))
                .isEqualTo("Bài tập &lt;b&gt; <mark>phân</mark> <mark>số</mark> &amp; <mark>số</mark> thập <mark>phân.</mark>");
    }

    @Test
    void takesAWindowAroundTheFirstMatchDeepInTheFilesText() {
        String filler = "lorem ".repeat(2000);
        String snippet = Snippets.of(List.of("duong", "tron"), "Mô tả không liên quan.", filler + "Vẽ đường tròn tâm O. " + filler);
        assertThat(snippet).startsWith("… lorem").endsWith(" …").contains("Vẽ <mark>đường</mark> <mark>tròn</mark> tâm O.");
        assertThat(snippet.split(" ")).hasSizeLessThanOrEqualTo(Snippets.WORDS + 2);
    }

    @Test
    void foldsLikeVietnameseTextFold() {
        for (String text : List.of("Nguyễn Văn Đức", "  PHÂN SỐ   và\tsố thập phân  ", "chuye\u0302\u0309n hoá", "Ứng dụng: x² + ½ = 3", "İstanbul ß Æ ø",
                "Ελληνικά ΣΟΦΙΑ", "漢字 😀 tiếng Việt", "a \u0301 b", "\u00a0nbsp\u00a0", "", "   ")) {
            assertThat(Snippets.fold(text)).as(text).isEqualTo(VietnameseText.fold(text));
        }
        for (char c = 0; c < 0x2000; c++) {
            String text = "x" + c + "y " + c;
            assertThat(Snippets.fold(text)).as("U+%04X", (int) c).isEqualTo(VietnameseText.fold(text));
        }
    }

    @Test
    void withoutAnyMatchShowsTheStartOfTheDescription() {
        assertThat(Snippets.of(List.of("xyz"), "Đề kiểm tra 45 phút.", "Câu 1. Tính nhanh.")).isEqualTo("Đề kiểm tra 45 phút.");
        assertThat(Snippets.of(List.of("xyz"), "", null)).isEmpty();
    }
}
