package vn.truongso.curriculum.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectNamesTest {

    @Test
    void keysIgnoreCaseDiacriticsPunctuationAndTheWordVa() {
        assertThat(SubjectNames.key("Toán")).isEqualTo("toan");
        assertThat(SubjectNames.key("  TOÁN ")).isEqualTo("toan");
        assertThat(SubjectNames.key("Ngữ văn")).isEqualTo("ngu van");
        assertThat(SubjectNames.key("Lịch sử và Địa lí")).isEqualTo("lich su dia li");
        assertThat(SubjectNames.key("Lịch sử - Địa lý")).isEqualTo("lich su dia li");
        assertThat(SubjectNames.key("lich su & dia li")).isEqualTo("lich su dia li");
        assertThat(SubjectNames.key("Hoạt động trải nghiệm, hướng nghiệp")).isEqualTo("hoat dong trai nghiem huong nghiep");
        assertThat(SubjectNames.key("NGU_VAN")).isEqualTo("ngu van");
    }

    @Test
    void iAndYSpellingsAreOneKey() {
        assertThat(SubjectNames.key("Vật lý")).isEqualTo(SubjectNames.key("Vật lí"));
        assertThat(SubjectNames.key("Mỹ thuật")).isEqualTo(SubjectNames.key("Mĩ thuật"));
        // Only a y after consonants alone changes: "quy", "tây", "hay" keep theirs.
        assertThat(SubjectNames.key("quy tây hay")).isEqualTo("quy tay hay");
    }

    @Test
    void decomposedInputMatchesComposedNames() {
        String decomposed = java.text.Normalizer.normalize("Hóa học", java.text.Normalizer.Form.NFD);
        var names = new SubjectNames().add("Hóa học", "HOA_HOC");
        assertThat(names.codeFor(decomposed)).contains("HOA_HOC");
        assertThat(names.codeFor("Hoá học")).contains("HOA_HOC");
    }

    @Test
    void aKeyClaimedByTwoSubjectsMatchesNeither() {
        var names = new SubjectNames().add("Khoa học", "KHOA_HOC").add("khoa hoc", "OTHER").add("Toán", "TOAN");
        assertThat(names.codeFor("Khoa học")).isEmpty();
        assertThat(names.codeFor("toan")).contains("TOAN");
        assertThat(names.codeFor("")).isEmpty();
    }
}
