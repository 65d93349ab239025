package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.MaterialStatusChanged;
import vn.truongso.materials.MaterialSubmissions;
import vn.truongso.materials.Reach;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.questions.model.Question;

/**
 * A bank's appraisal and approval (thẩm định, phê duyệt) through the materials workflow rather than a copy of it: the
 * bank is sent as a material (kind "đề kiểm tra", its review copy as the file); the group head appraises it with the
 * school's rubric and the principal approves and publishes it on the materials pages; each move comes back as a
 * {@link MaterialStatusChanged} event, mirrored here onto the bank and its questions in the same transaction.
 */
@Service
public class BankAppraisal {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final MaterialSubmissions submissions;
    private final Banks banks;
    private final Questions questions;

    BankAppraisal(AccessPolicy access, AuditLog audit, MaterialSubmissions submissions, Banks banks, Questions questions) {
        this.access = access;
        this.audit = audit;
        this.submissions = submissions;
        this.banks = banks;
        this.questions = questions;
    }

    /**
     * Sends the bank for appraisal: the first time a material is created for it, later its file is replaced by the
     * current review copy (a new version once approved); then it is submitted. Answers the material's id.
     */
    public UUID submit(CurrentUser user, UUID schoolId, UUID bankId, String comment) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = banks.find(schoolId, bankId).orElseThrow(() -> new NotFoundException("question bank " + bankId));
        List<Question> list = questions.ofBank(schoolId, bankId).stream().map(StoredQuestion::question).toList();
        if (list.isEmpty()) {
            throw new BadInputException(InputError.general("questions.appraisal.empty"));
        }
        if (bank.subjectCode() == null || bank.grade() == null) {
            throw new BadInputException(InputError.general("questions.appraisal.needsSubjectAndGrade"));
        }
        byte[] copy = BankReviewCopy.of(bank, list);
        String fileName = "ngan-hang-cau-hoi-" + bankId.toString().substring(24) + ".docx";
        UUID materialId = bank.materialId();
        if (materialId == null) {
            List<UUID> topics = list.stream().map(q -> q.classification().topicId()).filter(java.util.Objects::nonNull).distinct().toList();
            materialId = submissions.createDraft(user, schoolId, new MaterialSubmissions.Item("Ngân hàng câu hỏi: " + bank.name(),
                    bank.description(), MaterialKind.TEST_PAPER, bank.subjectCode(), List.of(bank.grade()), topics, List.of(user.displayName())),
                    fileName, copy);
            banks.linkMaterial(schoolId, bankId, materialId);
        } else {
            submissions.replaceFile(user, schoolId, materialId, fileName, copy);
        }
        submissions.submit(user, schoolId, materialId, comment);
        return materialId;
    }

    /** Mirrors a move of a bank's material onto the bank and its questions (archived questions stay archived). */
    @EventListener
    void on(MaterialStatusChanged event) {
        Bank bank = banks.ofMaterial(event.schoolId(), event.materialId()).orElse(null);
        if (bank == null) {
            return;
        }
        String status = event.reach() == Reach.ARCHIVED ? "ARCHIVED" : switch (event.status()) {
            case SUBMITTED, UNDER_APPRAISAL -> "SUBMITTED";
            case APPRAISED -> "APPRAISED";
            case APPROVED, SUPERSEDED -> "APPROVED";
            case REJECTED -> "REJECTED";
            case DRAFT, RETURNED, WITHDRAWN -> "DRAFT";
        };
        if (status.equals(bank.status())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        banks.setStatus(event.schoolId(), bank.id(), status, now);
        int moved = "ARCHIVED".equals(status) ? 0 : questions.setStatusOfBank(event.schoolId(), bank.id(), status, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("material", event.materialId().toString());
        detail.put("action", event.action());
        detail.put("from", bank.status());
        detail.put("to", status);
        detail.put("questions", moved);
        audit.record("questions.appraisal.statusMirrored", event.schoolId(), "question_bank", bank.id().toString(), detail);
    }
}
