package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.truongso.support.IntegrationTest;

/** The "Phân công" sheet names subjects the way the curriculum module knows them, by code, name or alias. */
@IntegrationTest
class SubjectCatalogTest {

    @Autowired
    SubjectCatalog subjects;

    @Test
    void subjectsAreFoundByCodeNameOrAlias() {
        assertThat(subjects.resolve("TOAN", Set.of())).contains("TOAN");
        assertThat(subjects.resolve("toan", Set.of())).contains("TOAN");
        assertThat(subjects.resolve("Toán", Set.of())).contains("TOAN");
        assertThat(subjects.resolve("Ngữ văn", Set.of())).contains("NGU_VAN");
        assertThat(subjects.resolve("ngu_van", Set.of())).contains("NGU_VAN");
        assertThat(subjects.resolve("Vật lý", Set.of())).contains("VAT_LI");
        assertThat(subjects.resolve("Tiếng Anh", Set.of())).contains("NGOAI_NGU_1");
        assertThat(subjects.resolve("Lịch sử và Địa lí", Set.of())).contains("LICH_SU_DIA_LI");
        assertThat(subjects.resolve("Thiên văn", Set.of())).isEmpty();
        assertThat(subjects.resolve("CO_VUA", Set.of("CO_VUA"))).contains("CO_VUA");
        for (var subject : subjects.all().entrySet()) {
            assertThat(subjects.resolve(subject.getValue(), Set.of())).as(subject.getValue()).contains(subject.getKey());
        }
        assertThat(subjects.name("HDTN")).isEqualTo("Hoạt động trải nghiệm, hướng nghiệp");
        assertThat(subjects.name("CO_VUA")).isEqualTo("CO_VUA");
    }
}
