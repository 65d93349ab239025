package vn.truongso.questions.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.domain.Bank;
import vn.truongso.questions.domain.BankInput;
import vn.truongso.questions.domain.QuestionBankService;
import vn.truongso.questions.domain.SharedBanks;
import vn.truongso.questions.domain.QuestionFilter;
import vn.truongso.questions.domain.Questions;
import vn.truongso.questions.domain.StoredQuestion;
import vn.truongso.questions.imports.ParsedQuestion;
import vn.truongso.questions.imports.XlsxImporter;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.web.ProblemText;
import vn.truongso.questions.model.Question;

/**
 * Question banks as JSON. Teachers and group heads (tổ trưởng) of the school manage banks and import; the principal
 * and vice-principals read. Another school answers 404, a role without the capability 403, no sign-in 401.
 */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}/question-banks")
@Tag(name = "Question banks", description = "Banks, import with preview and commit, search, export (GIFT, Aiken, Moodle XML, QTI 2.1, xlsx)")
class QuestionBankApi {

    private static final int MAX_PAGE_SIZE = 200;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record QuestionView(UUID id, UUID bankId, int position, String status, Question question) {
        static QuestionView of(StoredQuestion q) {
            return new QuestionView(q.id(), q.bankId(), q.position(), q.status(), q.question());
        }
    }

    record ParsedView(int number, Integer line, Question question) {
    }

    record PreviewView(UUID importId, String format, String filename, boolean canCommit, int questionCount, int problemCount,
            List<ParsedView> questions, List<Map<String, Object>> problems) {
    }

    record CommitView(UUID importId, int committed, List<UUID> questionIds) {
    }

    record PageView(List<QuestionView> items, int page, int size, long total) {
    }

    private final QuestionBankService service;
    private final SharedBanks shared;
    private final BilingualMessages messages;
    private final AccessPolicy access;

    QuestionBankApi(QuestionBankService service, SharedBanks shared, BilingualMessages messages, AccessPolicy access) {
        this.service = service;
        this.shared = shared;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/shared")
    @Operation(summary = "Banks other schools shared with this school's district or city (through the materials workflow)")
    List<Bank> shared(CurrentUser user, @PathVariable UUID schoolId) {
        return shared.sharedWith(user, schoolId);
    }

    @PostMapping("/shared/{sourceSchoolId}/{bankId}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a shared bank's questions into a new bank of this school")
    Bank copyShared(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sourceSchoolId, @PathVariable UUID bankId) {
        return shared.copy(user, schoolId, sourceSchoolId, bankId);
    }

    @GetMapping
    @Operation(summary = "The school's question banks")
    List<Bank> banks(CurrentUser user, @PathVariable UUID schoolId) {
        return service.banks(user, schoolId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a bank (name; optional subject code, grade, subject group, cognitive scheme)")
    Bank create(CurrentUser user, @PathVariable UUID schoolId, @RequestBody BankInput input) {
        return service.createBank(user, schoolId, input);
    }

    @GetMapping("/{bankId}")
    @Operation(summary = "One bank")
    Bank bank(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId) {
        return service.bank(user, schoolId, bankId);
    }

    @PutMapping("/{bankId}")
    @Operation(summary = "Change a bank")
    Bank update(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestBody BankInput input) {
        return service.updateBank(user, schoolId, bankId, input);
    }

    @DeleteMapping("/{bankId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a bank with its questions")
    void delete(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId) {
        service.deleteBank(user, schoolId, bankId);
    }

    @PostMapping(path = "/{bankId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Preview an import: the parsed questions and every problem with its question number or line",
            description = "format: gift, aiken, moodle-xml, qti (an item .xml or a content-package .zip), xlsx (the template), docx (Word, the teachers' layout). Nothing is "
                    + "stored for a file with problems; a clean file answers an importId to commit.")
    PreviewView preview(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestPart("file") MultipartFile file,
            @Parameter(description = "gift, aiken, moodle-xml, qti, xlsx, docx") @RequestParam String format,
            @Parameter(description = "classify every question under this curriculum topic (chủ đề/chương)") @RequestParam(required = false)
            UUID topicId) throws IOException {
        QuestionBankService.Preview p = service.preview(user, schoolId, bankId, format, file.getOriginalFilename(), topicId, file.getBytes());
        List<ParsedView> parsed = new ArrayList<>();
        for (ParsedQuestion q : p.result().questions()) {
            parsed.add(new ParsedView(q.number(), q.line(), q.question()));
        }
        return new PreviewView(p.importId(), p.format(), p.filename(), p.importId() != null, parsed.size(), p.result().problems().size(), parsed,
                p.result().problems().stream().map(this::problem).toList());
    }

    @PostMapping("/{bankId}/imports/{importId}/commit")
    @Operation(summary = "Store every question of a previewed file in one transaction (or none)")
    CommitView commit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID importId) {
        List<UUID> ids = service.commit(user, schoolId, bankId, importId);
        return new CommitView(importId, ids.size(), ids);
    }

    @GetMapping("/questions")
    @Operation(summary = "Search the questions of every bank of the school")
    PageView searchAll(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) UUID topicId, @RequestParam(required = false) UUID outcomeId,
            @RequestParam(required = false) String level, @RequestParam(required = false) Integer difficulty,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return search(user, schoolId, new QuestionFilter(null, type, subject, grade, topicId, outcomeId, level, difficulty, tag, q, status), page,
                size);
    }

    @GetMapping("/{bankId}/questions")
    @Operation(summary = "The questions of a bank, with optional filters (type, subject, grade, topic, outcome, level, difficulty, tag, text)")
    PageView questions(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) UUID topicId, @RequestParam(required = false) UUID outcomeId,
            @RequestParam(required = false) String level, @RequestParam(required = false) Integer difficulty,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return search(user, schoolId, new QuestionFilter(bankId, type, subject, grade, topicId, outcomeId, level, difficulty, tag, q, status),
                page, size);
    }

    @GetMapping("/{bankId}/questions/{questionId}")
    @Operation(summary = "One question")
    QuestionView question(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId) {
        return QuestionView.of(service.question(user, schoolId, bankId, questionId));
    }

    @PutMapping("/{bankId}/questions/{questionId}/classification")
    @Operation(summary = "Classify a question: subject, grade, topic, required outcome, cognitive level, difficulty, source, tags",
            description = "topicId and outcomeId must belong to the curriculum (the outcome to the topic, the topic to the subject and grade); "
                    + "the level is a code or a Vietnamese name of the scheme's levels (the bank's scheme unless one is given).")
    QuestionView classify(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId,
            @RequestBody vn.truongso.questions.model.Classification classification) {
        return QuestionView.of(service.classify(user, schoolId, bankId, questionId, classification));
    }

    @GetMapping("/{bankId}/export")
    @Operation(summary = "Export a bank: qti (QTI 2.1 content package .zip), moodle-xml, gift")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam String format) {
        QuestionBankService.Export e = service.export(user, schoolId, bankId, format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.filename()).build().toString())
                .body(e.content());
    }

    @GetMapping("/import-template")
    @Operation(summary = "The .xlsx import template (Vietnamese headers)")
    ResponseEntity<byte[]> template(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mau-ngan-hang-cau-hoi.xlsx").build().toString())
                .body(XlsxImporter.template());
    }

    private PageView search(CurrentUser user, UUID schoolId, QuestionFilter filter, int page, int size) {
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        Questions.Page p = service.search(user, schoolId, filter, Math.max(0, page), s);
        return new PageView(p.items().stream().map(QuestionView::of).toList(), p.page(), p.size(), p.total());
    }

    private Map<String, Object> problem(Problem p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("question", p.question());
        view.put("line", p.line());
        view.put("code", p.code());
        view.put("message", describe(p, BilingualMessages.VIETNAMESE));
        view.put("messageEn", describe(p, Locale.ENGLISH));
        return view;
    }

    private String describe(Problem p, Locale locale) {
        return ProblemText.describe(p, messages, locale);
    }
}
