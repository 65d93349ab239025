package vn.truongso.directory.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.truongso.directory.roster.TestWorkbook.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools.TestSchool;

/**
 * A school-sized import: 2,000 students in 44 classes with their parents (about 3,000 parent accounts), 60 teachers
 * and their assignments. It checks the result and logs how long each step took; timing is measured, not asserted.
 */
@IntegrationTest
class RosterLargeImportTest extends RosterTestSupport {

    private static final Logger log = LoggerFactory.getLogger(RosterLargeImportTest.class);

    @Test
    void twoThousandStudents() throws Exception {
        TestSchool school = testSchools.create();
        var random = ThreadLocalRandom.current();
        String tag = Long.toString(random.nextLong(1L << 40), 36);
        String prefix = String.valueOf(random.nextInt(10_000, 99_999));
        List<List<Object>> staff = new ArrayList<>();
        for (int t = 1; t <= 60; t++) {
            staff.add(row("T" + t + tag, "Giáo Viên Số " + letters(t), null, t % 2 == 0 ? "Nam" : "Nữ", null, "Giáo viên", "Tổ " + (t % 6),
                    t <= 6 ? "x" : null, "gv" + t + "." + tag + "@truong.edu.vn", null));
        }
        List<List<Object>> classes = new ArrayList<>();
        List<List<Object>> assignments = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (int grade = 6; grade <= 9; grade++) {
            for (int c = 1; c <= 11; c++) {
                String name = grade + "A" + c;
                classNames.add(name);
                classes.add(row(name, grade, "T" + (classNames.size() % 60 + 1) + tag));
                for (String subject : List.of("TOAN", "NGU_VAN", "NGOAI_NGU_1", "KHTN")) {
                    assignments.add(row("T" + random.nextInt(1, 61) + tag, subject, name));
                }
            }
        }
        List<List<Object>> students = new ArrayList<>();
        for (int s = 1; s <= 2000; s++) {
            String className = classNames.get((s - 1) % classNames.size());
            int grade = Integer.parseInt(className.substring(0, 1));
            // every fourth student has a sibling: the next student shares her parents
            int family = s % 4 == 2 ? s - 1 : s;
            students.add(row(prefix + String.format("%05d", s), "Học Sinh " + letters(s), LocalDate.of(2020 - grade, 1 + s % 12, 1 + s % 28),
                    s % 2 == 0 ? "Nam" : "Nữ", null, "Kinh", "TP. Hồ Chí Minh", "Quận 3", className, "Cha Số " + letters(family),
                    phone(tag, family, 1), "Mẹ Số " + letters(family), family % 3 == 0 ? null : phone(tag, family, 2), null, null));
        }
        byte[] file = TestWorkbook.create().sheet("Cán bộ", TestWorkbook.STAFF, staff).sheet("Lớp", TestWorkbook.CLASSES, classes)
                .sheet("Học sinh", TestWorkbook.STUDENTS, students).sheet("Phân công", TestWorkbook.ASSIGNMENTS, assignments).bytes();

        long start = System.nanoTime();
        JsonNode preview = preview(school, file);
        long previewed = System.nanoTime();
        assertThat(preview.get("errors").size()).as(preview.get("errors").toString()).isZero();
        JsonNode result = commit(school, preview.get("uploadId").asString());
        long committed = System.nanoTime();
        JsonNode again = preview(school, download(school, "/roster/export"));
        long roundTrip = System.nanoTime();

        log.info("roster import of {} bytes: preview {} ms, commit {} ms ({} accounts), export + re-preview {} ms", file.length,
                (previewed - start) / 1_000_000, (committed - previewed) / 1_000_000, result.get("accountsCreated").asInt(),
                (roundTrip - committed) / 1_000_000);

        long families = java.util.stream.IntStream.rangeClosed(1, 2000).filter(n -> n % 4 != 2).count();
        long mothersWithPhone = java.util.stream.IntStream.rangeClosed(1, 2000).filter(n -> n % 4 != 2 && n % 3 != 0).count();
        assertThat(result.get("sheets").get(2).get("newRows").asInt()).isEqualTo(2000);
        // a mother without a phone number is not recognised across siblings: each row creates her record
        long mothersWithoutPhone = java.util.stream.IntStream.rangeClosed(1, 2000).filter(n -> (n % 4 == 2 ? n - 1 : n) % 3 == 0).count();
        assertThat(result.get("guardiansCreated").asInt()).isEqualTo(families + mothersWithPhone + mothersWithoutPhone);
        assertThat(result.get("accountsCreated").asInt()).isEqualTo(60 + 2000 + families + mothersWithPhone);
        assertThat(again.get("errors").size()).as(again.get("errors").toString()).isZero();
        assertThat(again.get("sheets").get(2).get("unchangedRows").asInt()).isEqualTo(2000);
    }

    /** 1 → "A", 27 → "AA": names made of letters only, as the name rule wants. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = n; i > 0; i = (i - 1) / 26) {
            out.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return out.toString();
    }

    private static String phone(String tag, int family, int parent) {
        return "08" + String.format("%02d", Math.abs(tag.hashCode()) % 100) + parent + String.format("%05d", family);
    }
}
