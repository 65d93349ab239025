package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsDiacriticsAndTheLetterDForSearch() {
        assertThat(VietnameseText.fold("Nguyễn Văn Đức")).isEqualTo("nguyen van duc");
        assertThat(VietnameseText.fold("  PHÂN   Số ")).isEqualTo("phan so");
        assertThat(VietnameseText.fold("Huỳnh Thị Ánh Tuyết")).isEqualTo("huynh thi anh tuyet");
    }

    @Test
    void foldsDecomposedInputTheSameAsComposed() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Nguyễn Thị Ánh"));
    }

    @Test
    void cleanNormalisesToNfcAndCollapsesSpaces() {
        String decomposed = Normalizer.normalize("Lê  Thị   Hồng ", Normalizer.Form.NFD);
        String cleaned = VietnameseText.clean(decomposed);
        assertThat(cleaned).isEqualTo("Lê Thị Hồng");
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void givenNameIsTheLastWord() {
        assertThat(VietnameseText.givenName("Nguyễn Thị Minh Anh")).isEqualTo("Anh");
        assertThat(VietnameseText.givenName("Anh")).isEqualTo("Anh");
        assertThat(VietnameseText.givenName("  ")).isEmpty();
    }
}
