package vn.truongso.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.truongso.directory.domain.CitizenId;
import vn.truongso.directory.domain.Sex;

class CitizenIdTest {

    private static final LocalDate BORN_2012 = LocalDate.of(2012, 4, 30);

    @Test
    void acceptsANumberConsistentWithBirthYearAndSex() {
        // 079 = Hồ Chí Minh City, 2 = male born in the 2000s, 12 = 2012.
        assertThat(CitizenId.problem("079212345678", BORN_2012, Sex.MALE)).isEmpty();
        assertThat(CitizenId.problem("001312000001", BORN_2012, Sex.FEMALE)).isEmpty();
        assertThat(CitizenId.problem("079085000001", LocalDate.of(1985, 1, 1), Sex.MALE)).isEmpty();
        assertThat(CitizenId.problem("079185000001", LocalDate.of(1985, 1, 1), Sex.FEMALE)).isEmpty();
    }

    @Test
    void refusesWrongLengthOrCharacters() {
        assertThat(CitizenId.problem("07921234567", BORN_2012, Sex.MALE)).contains("citizenId.format");
        assertThat(CitizenId.problem("0792123456789", BORN_2012, Sex.MALE)).contains("citizenId.format");
        assertThat(CitizenId.problem("07921234567A", BORN_2012, Sex.MALE)).contains("citizenId.format");
        assertThat(CitizenId.problem(null, BORN_2012, Sex.MALE)).contains("citizenId.format");
    }

    @Test
    void refusesAnUnknownProvince() {
        assertThat(CitizenId.problem("003212345678", BORN_2012, Sex.MALE)).contains("citizenId.province");
        assertThat(CitizenId.problem("099212345678", BORN_2012, Sex.MALE)).contains("citizenId.province");
    }

    @Test
    void refusesAMismatchWithBirthYearOrSex() {
        assertThat(CitizenId.problem("079213345678", BORN_2012, Sex.MALE)).contains("citizenId.birthYear");
        assertThat(CitizenId.problem("079012345678", BORN_2012, Sex.MALE)).contains("citizenId.birthYear");
        assertThat(CitizenId.problem("079312345678", BORN_2012, Sex.MALE)).contains("citizenId.sex");
        assertThat(CitizenId.problem("079712345678", BORN_2012, Sex.MALE)).contains("citizenId.centurySex");
    }

    @Test
    void withoutBirthDateOrSexOnlyTheFormatAndProvinceAreChecked() {
        assertThat(CitizenId.problem("079312345678", null, null)).isEmpty();
    }
}
