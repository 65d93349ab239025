package vn.truongso.materials.domain;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.truongso.materials.MaterialSubmissions;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;

/**
 * {@link MaterialSubmissions} over the repository's own services: the same checks, files, workflow and audit as the
 * pages. Not one transaction: a file is streamed to storage outside any transaction (as every upload is), then each
 * step commits on its own.
 */
@Service
class MaterialSubmissionService implements MaterialSubmissions {

    private final MaterialService service;
    private final MaterialFiles files;

    MaterialSubmissionService(MaterialService service, MaterialFiles files) {
        this.service = service;
        this.files = files;
    }

    @Override
    public UUID createDraft(CurrentUser user, UUID schoolId, Item item, String fileName, byte[] file) {
        Material material = service.create(user, schoolId, new MaterialContent(item.title(), item.description(), item.kind(), item.subjectCode(),
                item.grades(), item.topicIds(), List.of(), List.of(), "vi", "CC BY 4.0", item.authors(), null));
        files.upload(user, schoolId, material.id(), new ByteArrayInputStream(file), fileName);
        return material.id();
    }

    @Override
    public void replaceFile(CurrentUser user, UUID schoolId, UUID materialId, String fileName, byte[] file) {
        MaterialVersion version;
        try {
            version = service.versionForFiles(user, schoolId, materialId);
        } catch (WorkflowException e) {
            throw new BadInputException(InputError.general(e.code(), e.args()));
        }
        for (MaterialFiles.MaterialFile old : files.ofVersion(schoolId, version.id())) {
            files.remove(user, schoolId, materialId, old.id());
        }
        files.upload(user, schoolId, materialId, new ByteArrayInputStream(file), fileName);
    }

    /** A move the workflow refuses (already submitted, …) comes back as bad input with the workflow's message. */
    @Override
    public void submit(CurrentUser user, UUID schoolId, UUID materialId, String comment) {
        try {
            service.act(user, schoolId, materialId, Action.SUBMIT, comment, List.of());
        } catch (WorkflowException e) {
            throw new BadInputException(InputError.general(e.code(), e.args()));
        }
    }
}
