package vn.truongso.questions.papers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.VietnameseText;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The printable documents of a stored paper: each variant's test paper, the answer key of all variants and the
 * answer sheet (all .docx), one at a time or together in a .zip. The heading names the school and the body above it
 * (its Phòng, or its Sở when it has no Phòng) from the tenancy tree.
 */
@Component
class PaperDocuments {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A file to download. */
    record Download(String filename, String mediaType, byte[] content) {
    }

    private final TestPaperService service;
    private final OrgUnits orgUnits;
    private final Curriculum curriculum;
    private final BlobStore blobs;

    PaperDocuments(TestPaperService service, OrgUnits orgUnits, Curriculum curriculum, BlobStore blobs) {
        this.service = service;
        this.orgUnits = orgUnits;
        this.curriculum = curriculum;
        this.blobs = blobs;
    }

    Download variant(CurrentUser user, UUID schoolId, UUID paperId, String code) {
        TestPaperService.PaperDetail paper = service.paper(user, schoolId, paperId);
        PaperGenerator.Variant variant = paper.variants().stream().filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("variant " + code));
        Map<UUID, Question> questions = service.questionsOf(schoolId, paperId);
        return new Download(base(paper) + "-ma-de-" + code + ".docx", DOCX, PaperDocx.build(heading(paper), variant, questions, this::blob));
    }

    Download answerKey(CurrentUser user, UUID schoolId, UUID paperId) {
        TestPaperService.PaperDetail paper = service.paper(user, schoolId, paperId);
        return new Download(base(paper) + "-dap-an.docx", DOCX,
                AnswerKeyDocx.build(heading(paper), paper.variants(), service.questionsOf(schoolId, paperId)));
    }

    Download answerSheet(CurrentUser user, UUID schoolId, UUID paperId) {
        TestPaperService.PaperDetail paper = service.paper(user, schoolId, paperId);
        return new Download(base(paper) + "-phieu-tra-loi.docx", DOCX, sheet(paper, service.questionsOf(schoolId, paperId)));
    }

    /** Every variant, the answer key and the answer sheet in one .zip. */
    Download all(CurrentUser user, UUID schoolId, UUID paperId) {
        TestPaperService.PaperDetail paper = service.paper(user, schoolId, paperId);
        Map<UUID, Question> questions = service.questionsOf(schoolId, paperId);
        PaperHeading heading = heading(paper);
        String base = base(paper);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (PaperGenerator.Variant v : paper.variants()) {
                entry(zip, base + "-ma-de-" + v.code() + ".docx", PaperDocx.build(heading, v, questions, this::blob));
            }
            entry(zip, base + "-dap-an.docx", AnswerKeyDocx.build(heading, paper.variants(), questions));
            entry(zip, base + "-phieu-tra-loi.docx", sheet(paper, questions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Download(base + ".zip", "application/zip", bytes.toByteArray());
    }

    private byte[] sheet(TestPaperService.PaperDetail paper, Map<UUID, Question> questions) {
        int options = questions.values().stream().filter(q -> QuestionTypes.SINGLE_CHOICE.equals(q.type())
                || QuestionTypes.MULTIPLE_RESPONSE.equals(q.type())).mapToInt(q -> q.choices().size()).max().orElse(4);
        PaperGenerator.Variant layout = paper.variants().isEmpty() ? new PaperGenerator.Variant("", List.of()) : paper.variants().getFirst();
        return AnswerSheetDocx.build(heading(paper), layout, options);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    PaperHeading heading(TestPaperService.PaperDetail paper) {
        Papers.Header h = paper.header();
        OrgUnits.OrgUnit school = orgUnits.find(h.schoolId()).orElse(null);
        String authority = null;
        if (school != null && school.parentId() != null) {
            authority = orgUnits.find(school.parentId()).map(OrgUnits.OrgUnit::name).orElse(null);
        }
        String subject = h.subjectCode() == null ? null : curriculum.subject(h.subjectCode()).map(Subject::nameVi).orElse(h.subjectCode());
        return new PaperHeading(authority, school == null ? "" : school.name(), h.title(), subject, h.grade(), h.durationMinutes(),
                h.totalPoints());
    }

    private static String base(TestPaperService.PaperDetail paper) {
        String slug = VietnameseText.fold(paper.header().title()).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "de-kiem-tra" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private byte[] blob(String sha256) {
        try (InputStream in = blobs.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException | NotFoundException e) {
            return null;
        }
    }
}
