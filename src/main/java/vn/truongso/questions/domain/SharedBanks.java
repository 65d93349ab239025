package vn.truongso.questions.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.truongso.materials.MaterialLibrary;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.AuditLog;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.NotFoundException;

/**
 * Banks other schools shared up the hierarchy: a bank travels through the materials workflow as a material
 * ({@link BankAppraisal}), so it reaches a school exactly when that material is shared in the school's district or
 * city. A teacher there reads it and copies it into her own school's bank, where it is hers to edit and draw papers from.
 */
@Service
public class SharedBanks {

    private final AccessPolicy access;
    private final AuditLog audit;
    private final MaterialLibrary library;
    private final Banks banks;
    private final Questions questions;

    SharedBanks(AccessPolicy access, AuditLog audit, MaterialLibrary library, Banks banks, Questions questions) {
        this.access = access;
        this.audit = audit;
        this.library = library;
        this.banks = banks;
        this.questions = questions;
    }

    /** The banks shared with the school's district or city (404 outside the user's schools, 403 without VIEW_QUESTION_BANKS). */
    public List<Bank> sharedWith(CurrentUser user, UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return shared(schoolId);
    }

    /** One query for the materials shared with the school, one for the banks behind them. */
    private List<Bank> shared(UUID schoolId) {
        List<MaterialLibrary.SharedMaterial> materials = library.sharedWith(schoolId);
        return banks.ofMaterials(materials.stream().map(MaterialLibrary.SharedMaterial::schoolId).toList(),
                materials.stream().map(MaterialLibrary.SharedMaterial::materialId).toList()).stream()
                .filter(b -> !"ARCHIVED".equals(b.status())).toList();
    }

    /** Copies a shared bank's questions in use into a new bank of the school; anything not shared with it is 404. */
    @Transactional
    public Bank copy(CurrentUser user, UUID schoolId, UUID sourceSchoolId, UUID sourceBankId) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank source = shared(schoolId).stream()
                .filter(b -> b.schoolId().equals(sourceSchoolId) && b.id().equals(sourceBankId))
                .findFirst().orElseThrow(() -> new NotFoundException("shared question bank " + sourceBankId));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID id = Ids.newId();
        banks.insert(schoolId, id, new BankInput(source.name(), source.description(), source.subjectCode(), source.grade(), null,
                source.cognitiveScheme()), user.id(), now);
        List<StoredQuestion> copied = questions.ofBank(sourceSchoolId, sourceBankId);
        int position = 1;
        for (StoredQuestion q : copied) {
            questions.insert(schoolId, Ids.newId(), id, position++, q.question(), null, user.id(), now);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sourceSchool", sourceSchoolId.toString());
        detail.put("sourceBank", sourceBankId.toString());
        detail.put("questions", copied.size());
        audit.record("questions.sharedBank.copied", schoolId, "question_bank", id.toString(), detail);
        return banks.find(schoolId, id).orElseThrow();
    }
}
