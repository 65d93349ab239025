package vn.truongso.materials;

import java.util.List;
import java.util.UUID;

import vn.truongso.platform.CurrentUser;

/**
 * How another module sends something it keeps (a question bank) through the repository's appraisal and approval
 * (thẩm định, phê duyệt) instead of running a workflow of its own: it registers a material for the item with a file
 * the appraisers read, and submits it. From then on the item moves through the same workflow, inbox and pages as any
 * material; every move is announced as a {@link MaterialStatusChanged} event, which the owning module mirrors. Each
 * call checks the user's rights as the materials pages do.
 */
public interface MaterialSubmissions {

    /** What the material says about the item; the licence is CC BY 4.0 and the language Vietnamese. */
    record Item(String title, String description, MaterialKind kind, String subjectCode, List<Integer> grades, List<UUID> topicIds,
            List<String> authors) {
    }

    /** Creates a draft material for the item with its file; answers the material's id. */
    UUID createDraft(CurrentUser user, UUID schoolId, Item item, String fileName, byte[] file);

    /**
     * Puts a new file in place of the files of the material's editable version (a new draft version when the material
     * was approved; the approved version stays live until the new one is approved).
     */
    void replaceFile(CurrentUser user, UUID schoolId, UUID materialId, String fileName, byte[] file);

    /** Submits the material's working version for appraisal. */
    void submit(CurrentUser user, UUID schoolId, UUID materialId, String comment);
}
