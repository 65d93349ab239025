package vn.truongso.materials.demo;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.domain.Action;
import vn.truongso.materials.domain.Appraisal;
import vn.truongso.materials.domain.AppraisalSettings;
import vn.truongso.materials.domain.MaterialContent;
import vn.truongso.materials.domain.MaterialService;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.OrgUnits;

/**
 * Learning materials of the demo school (THCS Nguyễn Du), so the first start shows the workflow at every stage: one
 * material published in the school repository, one submitted and waiting in the group head's inbox, and one draft.
 * Every step goes through the workflow as the demo person who would take it, so the history and the audit log read
 * as they would in a real school. Runs after the demo district exists, once.
 */
@Component
class DemoMaterials {

    private static final Logger log = LoggerFactory.getLogger(DemoMaterials.class);
    /** The demo school's code (see directory's DemoDistrict). */
    private static final String DEMO_SCHOOL_CODE = "79760401";

    private final boolean enabled;
    private final OrgUnits orgUnits;
    private final Accounts accounts;
    private final MaterialService materials;
    private final AppraisalSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoMaterials(@Value("${truongso.demo-data:true}") boolean enabled, OrgUnits orgUnits, Accounts accounts, MaterialService materials,
            AppraisalSettings settings, JdbcClient jdbc, TransactionTemplate transaction) {
        this.settings = settings;
        this.enabled = enabled;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.materials = materials;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void seed() {
        if (!enabled) {
            return;
        }
        UUID schoolId = orgUnits.findByCode(DEMO_SCHOOL_CODE).map(OrgUnits.OrgUnit::id).orElse(null);
        if (schoolId == null || jdbc.sql("SELECT count(*) FROM material WHERE school_id = ?").param(schoolId).query(Long.class).single() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> seed(schoolId));
        log.info("Demo learning materials created");
    }

    private void seed(UUID schoolId) {
        CurrentUser teacher = demoUser("gv.nguyendu");
        CurrentUser groupHead = demoUser("tt.toan.nguyendu");
        CurrentUser principal = demoUser("ht.nguyendu");
        try {
            UUID published = as(teacher, () -> materials.create(teacher, schoolId, content(teacher, "Phân số và các phép tính với phân số",
                    "Bài giảng điện tử ôn tập cộng, trừ, nhân, chia phân số, kèm ví dụ từng bước.", MaterialKind.E_LECTURE,
                    "https://drive.google.com/file/d/1TruongSoDemoBaiGiangPhanSo/view")).id());
            as(teacher, () -> materials.act(teacher, schoolId, published, Action.SUBMIT, null, List.of()));
            as(groupHead, () -> materials.act(groupHead, schoolId, published, Action.START_APPRAISAL, null, List.of()));
            List<Appraisal.CriterionVerdict> verdicts = settings.of(schoolId).rubric().stream()
                    .map(criterion -> new Appraisal.CriterionVerdict(criterion, Appraisal.Verdict.PASS, "Đạt")).toList();
            as(groupHead, () -> materials.appraise(groupHead, schoolId, published, Appraisal.Recommendation.APPROVE,
                    "Nội dung chính xác, bám sát yêu cầu cần đạt.", verdicts));
            as(principal, () -> materials.act(principal, schoolId, published, Action.APPROVE, "Đồng ý đưa vào kho học liệu.", List.of()));
            as(principal, () -> materials.act(principal, schoolId, published, Action.PUBLISH, null, List.of()));

            UUID submitted = as(teacher, () -> materials.create(teacher, schoolId, content(teacher, "Phiếu học tập: Số nguyên âm",
                    "Phiếu bài tập theo nhóm về số nguyên âm trong đời sống (nhiệt độ, độ cao, lãi lỗ).", MaterialKind.LINK,
                    "https://drive.google.com/file/d/1TruongSoDemoPhieuHocTap/view")).id());
            as(teacher, () -> materials.act(teacher, schoolId, submitted, Action.SUBMIT, null, List.of()));

            as(teacher, () -> materials.create(teacher, schoolId, content(teacher, "Trò chơi ôn tập: Hình học trực quan",
                    "Bản nháp: câu hỏi nhanh về tam giác đều, hình vuông, lục giác đều.", MaterialKind.LINK,
                    "https://drive.google.com/file/d/1TruongSoDemoHinhHocTrucQuan/view")));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static MaterialContent content(CurrentUser author, String title, String description, MaterialKind kind, String link) {
        return new MaterialContent(title, description, kind, "TOAN", List.of(6), List.of(), List.of(), List.of("Năng lực tư duy và lập luận toán học"),
                "vi", "CC BY 4.0", List.of(author.displayName()), link);
    }

    private CurrentUser demoUser(String username) {
        var account = accounts.findByUsername(username).orElseThrow(() -> new IllegalStateException("demo account " + username + " missing"));
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.homeOrgId(), account.personId(), "vi",
                account.grants());
    }

    /** Runs one step as the demo person, so the audit log names who did it. */
    private static <T> T as(CurrentUser user, java.util.function.Supplier<T> step) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return step.get();
    }
}
