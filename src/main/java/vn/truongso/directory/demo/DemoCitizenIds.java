package vn.truongso.directory.demo;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

import vn.truongso.directory.domain.Sex;

/** Made-up citizen IDs (số định danh cá nhân) for demo and benchmark people, valid under {@code CitizenId.problem}. */
final class DemoCitizenIds {

    /** Hồ Chí Minh City's birth-registration province code. */
    static final String HO_CHI_MINH_CITY = "079";

    private DemoCitizenIds() {
    }

    /**
     * A citizen ID consistent with the birth date and sex, registered in Hồ Chí Minh City: province (3) + century/sex
     * digit + the last two digits of the birth year + 6 random digits.
     */
    static String of(RandomGenerator random, LocalDate birth, Sex sex) {
        int century = (birth.getYear() / 100 - 19) * 2 + (sex == Sex.FEMALE ? 1 : 0);
        return HO_CHI_MINH_CITY + century + String.format("%02d", birth.getYear() % 100) + String.format("%06d", random.nextInt(1_000_000));
    }
}
