package vn.truongso.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The exam-burst client against {@link FakeExamServer}, a stand-in for the testing API's contract: it signs in through
 * the form, starts, saves every answer with its sequence number and submits, and counts what was acknowledged against
 * what was stored. Only the benchmark's own code is tested here; the product's tests live in the main build.
 */
class ExamBurstFakeTest {

    private static final BenchTokens TEACHER = new BenchTokens(UUID.randomUUID(), "gv.sim1.00001", "TEACHER", "load", "token");

    @Test
    void aSmallBurstIsCountedCompletelyAndMeetsTheTargets() throws Exception {
        try (var fake = new FakeExamServer(5, 0)) {
            var outcome = burst(fake, 8);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.completed()).isEqualTo(8);
            assertThat(outcome.acknowledged()).isEqualTo(8 * 5);
            assertThat(outcome.found()).isEqualTo(8 * 5);
            assertThat(outcome.lost()).isZero();
            assertThat(outcome.cpuMeasured()).isFalse();
            assertThat(outcome.meetsTargets()).isTrue();
            assertThat(fake.refusals.get()).isZero();
        }
    }

    @Test
    void acknowledgedAnswersMissingFromTheStoreAreReportedLost() throws Exception {
        try (var fake = new FakeExamServer(5, 7)) {
            var outcome = burst(fake, 4);
            assertThat(outcome.acknowledged()).isEqualTo(20);
            assertThat(outcome.lost()).isEqualTo(20 / 7);
            assertThat(outcome.found()).isEqualTo(20 - 20 / 7);
            assertThat(outcome.meetsTargets()).isFalse();
        }
    }

    @Test
    void aWrongPasswordIsASignInErrorAndTheStudentGoesNoFurther() throws Exception {
        try (var fake = new FakeExamServer(3, 0)) {
            var outcome = ExamBurst.trial(Loopback.client(), URI.create(fake.base()), TEACHER, UUID.randomUUID(), students(3), "wrong",
                    3, new ExamBurst.Behaviour(0, 0, 5, 1), new CpuSampler(-1, -1, 100), fake, null, Bench.Options.parse(new String[] {"x"}), true);
            assertThat(outcome.errors()).isEqualTo(3);
            assertThat(outcome.completed()).isZero();
            assertThat(outcome.meetsTargets()).isFalse();
        }
    }

    @Test
    void parsesTheStartAnswerAndRefusesAnIncompleteOne() {
        var attempt = ExamContract.attempt("""
                {"attemptId":"a1","attemptToken":"t1","deadline":"2026-11-23T10:45:00Z","serverNow":"2026-11-23T10:00:00Z",
                 "questions":[{"id":"q1","number":1,"type":"SINGLE_CHOICE","points":0.25,"stemHtml":"<p>?</p>",
                               "options":[{"id":"o1","html":"1"},{"id":"o2","html":"2"}]},
                              {"id":"q2","number":2,"type":"SINGLE_CHOICE","points":0.25,"stemHtml":"<p>?</p>","options":[{"id":"o3","html":"3"}]}],
                 "answers":[]}""");
        assertThat(attempt.attemptId()).isEqualTo("a1");
        assertThat(attempt.attemptToken()).isEqualTo("t1");
        assertThat(attempt.questions()).extracting(ExamContract.Question::id).containsExactly("q1", "q2");
        assertThat(attempt.questions().getFirst().options()).extracting(ExamContract.Option::id).containsExactly("o1", "o2");
        assertThatThrownBy(() -> ExamContract.attempt("{\"attemptId\":\"a1\",\"questions\":[]}")).isInstanceOf(IllegalStateException.class);
        assertThat(ExamContract.saveAcknowledged(200, "{\"questionId\":\"q1\",\"seq\":3,\"savedAt\":\"x\"}",
                attempt.questions().getFirst(), 3)).isTrue();
        assertThat(ExamContract.saveAcknowledged(200, "{\"questionId\":\"q1\",\"seq\":2}", attempt.questions().getFirst(), 3)).isFalse();
        assertThat(ExamContract.saveAcknowledged(409, "{}", attempt.questions().getFirst(), 3)).isFalse();
    }

    @Test
    void theGiftFileHasTheRequestedNumberOfSingleChoiceQuestions() {
        String gift = ExamBurst.gift(40);
        assertThat(gift.split("::Câu ", -1)).hasSize(41);
        assertThat(gift.lines().filter(l -> l.strip().startsWith("=")).count()).isEqualTo(40);
        assertThat(gift.lines().filter(l -> l.strip().startsWith("~")).count()).isEqualTo(120);
    }

    @Test
    void thePgbenchScriptIsOneUpsertGuardedBySeq() {
        String script = PgbenchUpsert.script(100, 40);
        assertThat(script).contains("\\set a random(1, 100)", "\\set q random(1, 40)", "ON CONFLICT (school_id, attempt_id, question_id)",
                "DO UPDATE SET", "WHERE " + PgbenchUpsert.SCHEMA + ".answer.seq <= EXCLUDED.seq");
    }

    @Test
    void theSearchDoublesThenBisectsToTheLargestPassingN(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (var fake = new FakeExamServer(3, 0)) {
            fake.maxAttemptsPerSession = 5;
            var tokens = dir.resolve("tokens.tsv");
            java.nio.file.Files.writeString(tokens, "# header\n" + TEACHER.schoolId() + "\tgv.sim1.00001\tTEACHER\tload\ttoken\n");
            var students = dir.resolve("students.tsv");
            StringBuilder lines = new StringBuilder("# header\n");
            for (var student : students(12)) {
                lines.append(student.schoolId()).append('\t').append(student.classId()).append('\t').append(student.username()).append("\tx\n");
            }
            java.nio.file.Files.writeString(students, lines);
            var out = new java.io.ByteArrayOutputStream();
            var console = System.out;
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                ExamBurst.run(Bench.Options.parse(new String[] {"exam-burst", "--base=" + fake.base(), "--tokens=" + tokens,
                    "--students=" + students, "--questions=3", "--think-min-ms=0", "--think-max-ms=2", "--spread-seconds=0", "--search=true",
                    "--search-start=2", "--search-max=12", "--pgbench=", "--entry=password"}), fake);
            } finally {
                System.setOut(console);
            }
            String report = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            // 2 pass, 4 pass, 8 fail, 6 fail, 5 pass: 5 is within one student of the first failure.
            assertThat(report).contains("TRIAL|2|PASS", "TRIAL|4|PASS", "TRIAL|8|FAIL", "TRIAL|6|FAIL", "TRIAL|5|PASS",
                    "largest passing N: 5; first failing N: 6");
        }
    }

    private static ExamBurst.Outcome burst(FakeExamServer fake, int n) throws Exception {
        return ExamBurst.trial(Loopback.client(), URI.create(fake.base()), TEACHER, UUID.randomUUID(), students(n), "TruongSo@Bench2026", 5,
                new ExamBurst.Behaviour(1, 0, 20, 1), new CpuSampler(-1, -1, 100), fake, null, Bench.Options.parse(new String[] {"x"}), true);
    }

    private static List<ExamBurst.Student> students(int n) {
        List<ExamBurst.Student> students = new ArrayList<>();
        UUID classId = UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            students.add(new ExamBurst.Student(TEACHER.schoolId(), classId, "hs.test" + i));
        }
        return students;
    }
}
