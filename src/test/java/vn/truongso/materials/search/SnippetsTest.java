package vn.truongso.materials.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

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
    void withoutAnyMatchShowsTheStartOfTheDescription() {
        assertThat(Snippets.of(List.of("xyz"), "Đề kiểm tra 45 phút.", "Câu 1. Tính nhanh.")).isEqualTo("Đề kiểm tra 45 phút.");
        assertThat(Snippets.of(List.of("xyz"), "", null)).isEmpty();
    }
}
