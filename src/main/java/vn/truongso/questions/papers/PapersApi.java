package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.model.Question;

/**
 * Blueprints (ma trận đề) and test papers (đề kiểm tra) as JSON, and the papers' Word files. Teachers and group heads
 * build blueprints and generate papers; the principal and vice-principals read. Another school answers 404, a role
 * without the capability 403, no sign-in 401.
 */
@RestController
@Tag(name = "Test papers", description = "Blueprints (ma trận đề, bảng đặc tả), generating variants (mã đề), papers, answer keys and answer sheets")
class PapersApi {

    /** A total with its label in Vietnamese and English. */
    record TotalView(String key, String label, String labelEn, int questions, BigDecimal points, BigDecimal percent) {
    }

    record CellView(UUID topicId, String chapter, String topic, String level, String levelName, String type, String typeName, int count,
            BigDecimal pointsEach, BigDecimal points) {
    }

    record BlueprintView(UUID id, String name, String subjectCode, Integer grade, int durationMinutes, String cognitiveScheme,
            BigDecimal totalPoints, List<UUID> bankIds, List<CellView> cells, List<SpecRow> specs, int questionCount, BigDecimal points,
            List<TotalView> byLevel, List<TotalView> byTopic, List<TotalView> byType, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record ShortageView(boolean ready, List<Map<String, Object>> shortages) {
    }

    record GenerateRequest(UUID blueprintId, Integer variants, List<String> codes, String mode, Long seed, Integer avoidRecentDays, String title) {
    }

    record ItemView(int number, int part, UUID questionId, String type, BigDecimal points, List<String> optionOrder, String key) {
    }

    record VariantView(String code, List<ItemView> items) {
    }

    record PaperSummary(UUID id, UUID blueprintId, String title, String subjectCode, Integer grade, int durationMinutes, BigDecimal totalPoints,
            String mode, long seed, List<String> codes, OffsetDateTime createdAt) {
        static PaperSummary of(Papers.Header h) {
            return new PaperSummary(h.id(), h.blueprintId(), h.title(), h.subjectCode(), h.grade(), h.durationMinutes(), h.totalPoints(), h.mode(),
                    h.seed(), h.codes(), h.createdAt());
        }
    }

    record PaperView(PaperSummary paper, List<VariantView> variants) {
    }

    private final TestPaperService service;
    private final PaperDocuments documents;
    private final BlueprintLabels labels;
    private final BilingualMessages messages;

    PapersApi(TestPaperService service, PaperDocuments documents, BlueprintLabels labels, BilingualMessages messages) {
        this.service = service;
        this.documents = documents;
        this.labels = labels;
        this.messages = messages;
    }

    // ---- blueprints

    @GetMapping("/api/v1/schools/{schoolId}/blueprints")
    @Operation(summary = "The school's blueprints with their totals")
    List<BlueprintView> blueprints(CurrentUser user, @PathVariable UUID schoolId) {
        return service.blueprints(user, schoolId).stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/schools/{schoolId}/blueprints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a blueprint",
            description = "cells: topicId (a curriculum topic) or chapter (a free label matched against the questions' category and tags) × "
                    + "level (code or name of the scheme's level) × type (SINGLE_CHOICE, TRUE_FALSE_CLUSTER, SHORT_ANSWER, ESSAY, …) → count and "
                    + "pointsEach. The cells must add up to totalPoints (10 unless given). specs: the bảng đặc tả rows (topic × level → outcomeIds, "
                    + "description).")
    BlueprintView create(CurrentUser user, @PathVariable UUID schoolId, @RequestBody BlueprintInput input) {
        return view(service.createBlueprint(user, schoolId, input));
    }

    @GetMapping("/api/v1/schools/{schoolId}/blueprints/{blueprintId}")
    @Operation(summary = "One blueprint with its totals per level, topic and type (and % of the points)")
    BlueprintView blueprint(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID blueprintId) {
        return view(service.blueprint(user, schoolId, blueprintId));
    }

    @PutMapping("/api/v1/schools/{schoolId}/blueprints/{blueprintId}")
    @Operation(summary = "Replace a blueprint")
    BlueprintView update(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID blueprintId, @RequestBody BlueprintInput input) {
        return view(service.updateBlueprint(user, schoolId, blueprintId, input));
    }

    @DeleteMapping("/api/v1/schools/{schoolId}/blueprints/{blueprintId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a blueprint (papers generated from it stay)")
    void delete(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID blueprintId) {
        service.deleteBlueprint(user, schoolId, blueprintId);
    }

    @GetMapping("/api/v1/schools/{schoolId}/blueprints/{blueprintId}/shortages")
    @Operation(summary = "Whether the banks can fill every cell now; else every short cell with what it needs and has")
    ShortageView shortages(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID blueprintId) {
        List<InputError> errors = service.shortages(user, schoolId, blueprintId);
        return new ShortageView(errors.isEmpty(), errors.stream().map(e -> Map.<String, Object>of("row", e.row(), "message",
                messages.describe(e, BilingualMessages.VIETNAMESE), "messageEn", messages.describe(e, Locale.ENGLISH))).toList());
    }

    // ---- papers

    @PostMapping("/api/v1/schools/{schoolId}/test-papers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate a paper from a blueprint",
            description = "variants (default 4: codes 101, 102, …) or codes; mode SAME (default: the same questions shuffled per variant) or "
                    + "FRESH (a draw per variant); seed (reproduces a draw; random when absent); avoidRecentDays (prefer questions not used in "
                    + "the school's papers of the last N days). When the banks cannot fill the blueprint, 400 lists every short cell.")
    PaperView generate(CurrentUser user, @PathVariable UUID schoolId, @RequestBody GenerateRequest request) {
        if (request == null || request.blueprintId() == null) {
            throw new vn.truongso.platform.BadInputException(List.of(InputError.field("blueprintId", "papers.generate.blueprintRequired")));
        }
        TestPaperService.PaperDetail paper = service.generate(user, schoolId, request.blueprintId(), new TestPaperService.GenerateInput(
                request.variants(), request.codes(), request.mode(), request.seed(), request.avoidRecentDays(), request.title()));
        return view(schoolId, paper);
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers")
    @Operation(summary = "The school's papers, newest first")
    List<PaperSummary> papers(CurrentUser user, @PathVariable UUID schoolId) {
        return service.papers(user, schoolId).stream().map(PaperSummary::of).toList();
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}")
    @Operation(summary = "A paper with its variants: questions in order, points, option order and the key of each")
    PaperView paper(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId) {
        return view(schoolId, service.paper(user, schoolId, paperId));
    }

    @DeleteMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a paper")
    void deletePaper(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId) {
        service.deletePaper(user, schoolId, paperId);
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}/download")
    @Operation(summary = "Every variant, the answer key and the answer sheet as .docx files in one .zip")
    ResponseEntity<byte[]> zip(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId) {
        return file(documents.all(user, schoolId, paperId));
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}/variants/{code}/docx")
    @Operation(summary = "One variant's test paper (.docx)")
    ResponseEntity<byte[]> variant(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId, @PathVariable String code) {
        return file(documents.variant(user, schoolId, paperId, code));
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}/answer-key/docx")
    @Operation(summary = "The answer key of every variant (.docx)")
    ResponseEntity<byte[]> answerKey(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId) {
        return file(documents.answerKey(user, schoolId, paperId));
    }

    @GetMapping("/api/v1/schools/{schoolId}/test-papers/{paperId}/answer-sheet/docx")
    @Operation(summary = "The answer sheet (phiếu trả lời trắc nghiệm, .docx)")
    ResponseEntity<byte[]> answerSheet(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID paperId) {
        return file(documents.answerSheet(user, schoolId, paperId));
    }

    static ResponseEntity<byte[]> file(PaperDocuments.Download d) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.filename()).build().toString())
                .body(d.content());
    }

    private PaperView view(UUID schoolId, TestPaperService.PaperDetail paper) {
        Map<UUID, Question> questions = service.questionsOf(schoolId, paper.header().id());
        List<VariantView> variants = new ArrayList<>();
        for (PaperGenerator.Variant v : paper.variants()) {
            List<ItemView> items = new ArrayList<>();
            int n = 0;
            int part = -1;
            for (PaperGenerator.Item i : v.items()) {
                n = i.part() == part ? n + 1 : 1;
                part = i.part();
                Question q = questions.get(i.questionId());
                items.add(new ItemView(n, i.part(), i.questionId(), i.type(), i.points(), i.optionOrder(), q == null ? null : AnswerKeys.key(q, i, v.code())));
            }
            variants.add(new VariantView(v.code(), items));
        }
        return new PaperView(PaperSummary.of(paper.header()), variants);
    }

    BlueprintView view(Blueprint b) {
        Blueprint.Totals t = b.totals();
        List<CellView> cells = b.cells().stream().map(c -> new CellView(c.topicId(), c.chapter(), labels.topic(c.topicId(), c.chapter()), c.level(),
                labels.level(b.cognitiveScheme(), c.level(), BilingualMessages.VIETNAMESE), c.type(),
                labels.type(c.type(), BilingualMessages.VIETNAMESE), c.count(), c.pointsEach(), c.points())).toList();
        return new BlueprintView(b.id(), b.name(), b.subjectCode(), b.grade(), b.durationMinutes(), b.cognitiveScheme(), b.totalPoints(), b.bankIds(),
                cells, b.specs(), t.questions(), t.points(),
                t.byLevel().stream().map(l -> total(l, labels.level(b.cognitiveScheme(), l.key(), BilingualMessages.VIETNAMESE),
                        labels.level(b.cognitiveScheme(), l.key(), Locale.ENGLISH))).toList(),
                t.byTopic().stream().map(l -> total(l, labels.topicOfKey(b.cells(), l.key()), labels.topicOfKey(b.cells(), l.key()))).toList(),
                t.byType().stream().map(l -> total(l, labels.type(l.key(), BilingualMessages.VIETNAMESE), labels.type(l.key(), Locale.ENGLISH)))
                        .toList(),
                b.createdAt(), b.updatedAt());
    }

    private static TotalView total(Blueprint.Total t, String label, String labelEn) {
        return new TotalView(t.key(), label, labelEn, t.questions(), t.points(), t.percent());
    }
}
