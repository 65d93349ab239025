package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.questions.domain.BankInput;
import vn.truongso.questions.domain.Banks;
import vn.truongso.questions.domain.Questions;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.NumericAnswer;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * What {@code bench/papers/PaperBench.java} needs from inside the module: a school with a teacher and a bank of N
 * classified questions in the running application's database (created once, found again on the next run), a
 * 40-question blueprint, and one timed call of the generator service. Not used by the test suite.
 */
public final class PaperBenchSupport {

    static final String SCHOOL_CODE = "BENCH-PAPERS";
    static final int CHAPTERS = 10;
    static final String[] LEVELS = {"BIET", "HIEU", "VAN_DUNG"};

    private final ApplicationContext context;
    private final TestPaperService service;
    private UUID schoolId;
    private CurrentUser teacher;
    private UUID blueprintId;

    public PaperBenchSupport(ApplicationContext context) {
        this.context = context;
        this.service = context.getBean(TestPaperService.class);
    }

    /** Finds the bench school's bank of {@code size} questions, or builds it; answers the number of questions in it. */
    public long prepare(int size) {
        OrgUnits orgUnits = context.getBean(OrgUnits.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        var existing = orgUnits.findByCode(SCHOOL_CODE + "-" + size);
        UUID teacherId;
        UUID bankId;
        if (existing.isPresent()) {
            schoolId = existing.get().id();
            teacherId = jdbc.sql("SELECT id FROM user_account WHERE home_org_id = ? ORDER BY id LIMIT 1").param(schoolId).query(UUID.class).single();
            bankId = jdbc.sql("SELECT id FROM question_bank WHERE school_id = ?").param(schoolId).query(UUID.class).single();
        } else {
            var so = orgUnits.register(OrgUnits.Kind.SO, null, SCHOOL_CODE + "-SO-" + size, "Sở GDĐT Benchmark");
            var phong = orgUnits.register(OrgUnits.Kind.PHONG, so.id(), SCHOOL_CODE + "-P-" + size, "Phòng GDĐT Benchmark");
            var school = orgUnits.register(OrgUnits.Kind.SCHOOL, phong.id(), SCHOOL_CODE + "-" + size, "Trường THCS Benchmark");
            schoolId = school.id();
            jdbc.sql("INSERT INTO school (school_id, level, ownership, lowest_grade, highest_grade) VALUES (?, 'THCS', 'PUBLIC', 6, 9)")
                    .param(schoolId).update();
            teacherId = context.getBean(Accounts.class).create(new Accounts.NewAccount("gv.bench.papers." + size, "Giáo viên Benchmark", schoolId,
                    null, List.of(new RoleGrant(Role.TEACHER, schoolId))), "TruongSo@Bench2026", false);
            bankId = Ids.newId();
            UUID bank = bankId;
            tx.executeWithoutResult(s -> context.getBean(Banks.class).insert(schoolId, bank, new BankInput("Toán 6 – Benchmark", null, "TOAN", 6,
                    null, "BHV"), teacherId, now()));
            Questions questions = context.getBean(Questions.class);
            Random rng = new Random(1);
            List<UUID> outcomes = new ArrayList<>();
            for (int i = 0; i < CHAPTERS * LEVELS.length * 4; i++) {
                outcomes.add(Ids.newId());
            }
            for (int start = 0; start < size; start += 1000) {
                int from = start;
                tx.executeWithoutResult(s -> {
                    for (int i = from; i < Math.min(size, from + 1000); i++) {
                        int chapter = i % CHAPTERS;
                        int level = (i / CHAPTERS) % LEVELS.length;
                        int kind = rng.nextInt(100);
                        String type = kind < 60 ? QuestionTypes.SINGLE_CHOICE : kind < 75 ? QuestionTypes.TRUE_FALSE_CLUSTER
                                : kind < 92 ? QuestionTypes.SHORT_ANSWER : QuestionTypes.ESSAY;
                        UUID outcome = outcomes.get((chapter * LEVELS.length + level) * 4 + rng.nextInt(4));
                        questions.insert(schoolId, Ids.newId(), bank, i + 1, question(type, i, chapter, LEVELS[level], outcome), null, teacherId, now());
                    }
                });
            }
        }
        var summary = context.getBean(Accounts.class).find(teacherId).orElseThrow();
        teacher = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        UUID bank = bankId;
        blueprintId = service.createBlueprint(teacher, schoolId, blueprint(bank)).id();
        return jdbc.sql("SELECT count(*) FROM question WHERE school_id = ?").param(schoolId).query(Long.class).single();
    }

    /**
     * 40 questions, 10 points, the 2025 structure: PHẦN I 28 single choice (0.25), PHẦN II 4 true/false clusters (0.5),
     * PHẦN III 8 short answers (0.125), over 4 chapters and the three levels.
     */
    static BlueprintInput blueprint(UUID bankId) {
        List<BlueprintCell> cells = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            String chapter = "Chương " + c;
            cells.add(new BlueprintCell(null, chapter, "BIET", QuestionTypes.SINGLE_CHOICE, 4, new BigDecimal("0.25")));
            cells.add(new BlueprintCell(null, chapter, "HIEU", QuestionTypes.SINGLE_CHOICE, 2, new BigDecimal("0.25")));
            cells.add(new BlueprintCell(null, chapter, "VAN_DUNG", QuestionTypes.SINGLE_CHOICE, 1, new BigDecimal("0.25")));
            cells.add(new BlueprintCell(null, chapter, "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 1, new BigDecimal("0.5")));
            cells.add(new BlueprintCell(null, chapter, "VAN_DUNG", QuestionTypes.SHORT_ANSWER, 2, new BigDecimal("0.125")));
        }
        return new BlueprintInput("Benchmark – 40 câu", "TOAN", 6, 90, "BHV", BigDecimal.TEN, List.of(bankId), cells, List.of());
    }

    /** Generates and stores one paper; answers the number of items written. */
    public int generate(int variants, String mode, Integer avoidRecentDays, long seed) {
        TestPaperService.PaperDetail paper = service.generate(teacher, schoolId, blueprintId,
                new TestPaperService.GenerateInput(variants, null, mode, seed, avoidRecentDays, null));
        return paper.variants().stream().mapToInt(v -> v.items().size()).sum();
    }

    /**
     * The phases of one SAME-mode generation apart, in ms: reading the candidates, drawing and shuffling in memory
     * (with the drawn questions' definitions read), and the whole service call (which adds storing and the audit).
     */
    public double[] phases(int variants, long seed) {
        Blueprint b = context.getBean(Blueprints.class).find(schoolId, blueprintId).orElseThrow();
        QuestionPool pool = context.getBean(QuestionPool.class);
        Questions questions = context.getBean(Questions.class);
        long t0 = System.nanoTime();
        List<PaperGenerator.Candidate> candidates = pool.candidates(schoolId, b.bankIds(), b.cells(), null);
        long t1 = System.nanoTime();
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= variants; i++) {
            codes.add(String.valueOf(100 + i));
        }
        PaperGenerator.generate(new PaperGenerator.Request(b.cells(), b.specs(), codes, PaperGenerator.Mode.SAME, seed), candidates, ids -> {
            java.util.Map<UUID, Question> m = new java.util.HashMap<>();
            questions.findAll(schoolId, ids).forEach(q -> m.put(q.id(), q.question()));
            return m;
        });
        long t2 = System.nanoTime();
        generate(variants, "SAME", null, seed);
        long t3 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, candidates.size()};
    }

    /** Builds the .zip of Word files (every variant, the key and the sheet) of the school's newest paper; answers its size. */
    public int documents() {
        UUID paperId = service.papers(teacher, schoolId).getFirst().id();
        return context.getBean(PaperDocuments.class).all(teacher, schoolId, paperId).content().length;
    }

    static Question question(String type, int i, int chapter, String level, UUID outcome) {
        Question.Builder b = Question.builder(type).stem("Câu hỏi số " + i + ": cho x + " + i + " = " + (2 * i) + ". Tìm x.")
                .category("Toán 6/Chương " + (chapter + 1))
                .classification(new Classification("TOAN", 6, null, outcome, "BHV", level, 1 + i % 5, null, List.of()));
        switch (type) {
            case QuestionTypes.SINGLE_CHOICE -> b.choice("A", String.valueOf(i), true).choice("B", String.valueOf(i + 1), false)
                    .choice("C", String.valueOf(i - 1), false).choice("D", String.valueOf(2 * i), false);
            case QuestionTypes.TRUE_FALSE_CLUSTER -> b.choice("a", "x là số tự nhiên", true).choice("b", "x âm", false)
                    .choice("c", "x = " + i, true).choice("d", "x > " + (2 * i), false);
            case QuestionTypes.SHORT_ANSWER -> b.number(new NumericAnswer(BigDecimal.valueOf(i), null, null, null, false));
            default -> b.rubric(Content.plain("Trình bày đúng lời giải: 1 điểm."));
        }
        return b.build();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
