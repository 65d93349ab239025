package vn.truongso.materials.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import vn.truongso.materials.packages.PackageExports;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.VersionStatus;
import vn.truongso.materials.api.MaterialViews.ActionRequest;
import vn.truongso.materials.api.MaterialViews.AppraisalRequest;
import vn.truongso.materials.api.MaterialViews.MaterialDetail;
import vn.truongso.materials.api.MaterialViews.MaterialRequest;
import vn.truongso.materials.api.MaterialViews.RatingRequest;
import vn.truongso.materials.domain.Action;
import vn.truongso.materials.domain.AppraisalSettings;
import vn.truongso.materials.domain.Material;
import vn.truongso.materials.domain.MaterialFiles;
import vn.truongso.materials.domain.MaterialPlans;
import vn.truongso.materials.domain.MaterialRatings;
import vn.truongso.materials.domain.MaterialService;
import vn.truongso.materials.domain.Materials;
import vn.truongso.materials.domain.Transition;
import vn.truongso.materials.domain.UnitAppraisals;
import vn.truongso.materials.domain.MaterialPackages;
import vn.truongso.materials.domain.Appraisal;
import vn.truongso.platform.AuditLog;
import java.util.Map;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.ForbiddenException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;

/**
 * The learning-materials repository as JSON. A school outside the caller's grants answers 404 (and so does a material
 * she may not see); a role without the capability 403; an illegal move of the workflow 409 with the reason.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Materials", description = "Learning materials: versions, files, appraisal, approval, sharing, plan, inbox")
class MaterialsApi {

    private static final int MAX_LIST = 500;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MaterialService service;
    private final Materials materials;
    private final MaterialFiles files;
    private final MaterialRatings ratings;
    private final MaterialPlans plans;
    private final AppraisalSettings settings;
    private final AccessPolicy access;
    private final BlobStore blobs;
    private final PackageExports exports;
    private final UnitAppraisals unitAppraisals;
    private final AuditLog audit;
    private final MaterialPackages materialPackages;

    MaterialsApi(MaterialService service, Materials materials, MaterialFiles files, MaterialRatings ratings, MaterialPlans plans,
            AppraisalSettings settings, AccessPolicy access, BlobStore blobs, PackageExports exports, UnitAppraisals unitAppraisals,
            AuditLog audit, MaterialPackages materialPackages) {
        this.materialPackages = materialPackages;
        this.exports = exports;
        this.unitAppraisals = unitAppraisals;
        this.audit = audit;
        this.service = service;
        this.materials = materials;
        this.files = files;
        this.ratings = ratings;
        this.plans = plans;
        this.settings = settings;
        this.access = access;
        this.blobs = blobs;
    }

    @GetMapping("/schools/{schoolId}/materials")
    @Operation(summary = "The school's materials as the caller may see them, with filters")
    List<Materials.Listed> list(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Integer grade, @RequestParam(required = false) MaterialKind kind,
            @RequestParam(required = false) VersionStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit) {
        return service.list(user, schoolId, new Materials.Filter(subject, grade, kind, status, q), Math.clamp(limit, 1, MAX_LIST));
    }

    @PostMapping("/schools/{schoolId}/materials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a material; its first version is the caller's draft")
    MaterialDetail create(CurrentUser user, @PathVariable UUID schoolId, @RequestBody MaterialRequest request) {
        Material material = service.create(user, schoolId, request.content());
        return detail(user, schoolId, material.id(), false);
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}")
    @Operation(summary = "A material (counts a view); its ETag is the row version to send back in If-Match when changing it")
    org.springframework.http.ResponseEntity<MaterialDetail> get(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId) {
        MaterialDetail detail = detail(user, schoolId, materialId, true);
        return org.springframework.http.ResponseEntity.ok().eTag(etag(detail.rowVersion())).body(detail);
    }

    @PutMapping("/schools/{schoolId}/materials/{materialId}")
    @Operation(summary = "Change the content: the author's draft in place, an approved material as a new draft version",
            description = "Optimistic locking: send the row version read (If-Match: \"7\" or \"rowVersion\": 7). When someone changed "
                    + "the material since, nothing is written: 412 (If-Match) or 409 (rowVersion) naming who changed what and when.")
    org.springframework.http.ResponseEntity<MaterialDetail> edit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId,
            @RequestBody MaterialRequest request, @org.springframework.web.bind.annotation.RequestHeader(value = "If-Match", required = false)
            String ifMatch) {
        Integer expected = request.rowVersion();
        if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.strip())) {
            try {
                expected = Integer.valueOf(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
            } catch (NumberFormatException e) {
                throw new BadInputException(InputError.field("If-Match", "materials.error.badIfMatch", ifMatch));
            }
        }
        service.edit(user, schoolId, materialId, request.content(), expected);
        MaterialDetail detail = detail(user, schoolId, materialId, false);
        return org.springframework.http.ResponseEntity.ok().eTag(etag(detail.rowVersion())).body(detail);
    }

    private static String etag(int rowVersion) {
        return "\"" + rowVersion + "\"";
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/actions/{action}")
    @Operation(summary = "A move of the workflow: submit, start-appraisal, approve, reject, withdraw, publish, propose-district, "
            + "start-district-appraisal, accept-district, decline-district, propose-city, start-city-appraisal, accept-city, decline-city, "
            + "archive")
    MaterialDetail act(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable String action,
            @RequestBody(required = false) ActionRequest request) {
        Action parsed = parseAction(action);
        List<UUID> council = request == null ? null : request.council();
        Material material = switch (parsed) {
            case START_DISTRICT_APPRAISAL -> unitAppraisals.start(user, schoolId, materialId, Appraisal.Level.DISTRICT, council);
            case START_CITY_APPRAISAL -> unitAppraisals.start(user, schoolId, materialId, Appraisal.Level.CITY, council);
            default -> service.act(user, schoolId, materialId, parsed, request == null ? null : request.comment(), council);
        };
        return detailOrDecision(user, schoolId, materialId, material);
    }

    /** True when the caller appraises this school's proposals as a Phòng or Sở officer, not as its staff. */
    private boolean atUnit(CurrentUser user, UUID schoolId) {
        return !access.allows(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS) && (access.allows(user, schoolId, Capability.CURATE_DISTRICT_MATERIALS)
                || access.allows(user, schoolId, Capability.CURATE_CITY_MATERIALS));
    }

    private MaterialDetail detailOrDecision(CurrentUser user, UUID schoolId, UUID materialId, Material material) {
        try {
            return detail(user, schoolId, materialId, false);
        } catch (NotFoundException movedOutOfSight) {
            // A Phòng or Sở officer who declined a proposal no longer sees the material: answer with what he decided.
            var visible = new MaterialService.Visible(material, MaterialService.View.PUBLISHED, material.live().orElse(material.shown()));
            return MaterialDetail.of(visible, List.of(), List.of(), materials.counters(schoolId, materialId), ratings.summary(schoolId, materialId));
        }
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/appraisals")
    @Operation(summary = "A named appraiser's appraisal: a verdict and comment per rubric criterion and a recommendation. "
            + "At the school with the school's rubric; by a Phòng or Sở officer, of a proposal, with the Phòng's or Sở's rubric")
    MaterialDetail appraise(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestBody AppraisalRequest request) {
        if (atUnit(user, schoolId)) {
            Material material = unitAppraisals.appraise(user, schoolId, materialId, request.recommendation(), request.comment(), request.criteria());
            return detailOrDecision(user, schoolId, materialId, material);
        }
        service.appraise(user, schoolId, materialId, request.recommendation(), request.comment(), request.criteria());
        return detail(user, schoolId, materialId, false);
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/history")
    @Operation(summary = "Every move of the material: who, when, from, to, why (the school's staff)")
    List<Transition> history(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        if (visible.view() == MaterialService.View.PUBLISHED) {
            if (access.reaches(user, schoolId)) {
                throw new ForbiddenException("history of material " + materialId);
            }
            throw new NotFoundException("material " + materialId);
        }
        return materials.history(schoolId, materialId);
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/files")
    List<MaterialFiles.MaterialFile> files(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId) {
        return files.ofVersion(schoolId, service.visible(user, schoolId, materialId).shown().id());
    }

    /**
     * Upload a file: multipart ({@code file} part, limited by the servlet's multipart size) or the raw body with the
     * file name in {@code name} (any size up to the materials limit). Streamed to storage either way.
     */
    @PostMapping("/schools/{schoolId}/materials/{materialId}/files")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file to the caller's editable version (multipart 'file', or the raw body with ?name=)")
    MaterialFiles.MaterialFile upload(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId,
            @RequestParam(required = false) String name, @RequestParam(value = "file", required = false) MultipartFile file,
            HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            // The servlet container keeps the part in a temporary file; its stream is read in 64 KB steps.
            if (file == null) {
                throw new BadInputException(InputError.field("file", "upload.missing"));
            }
            try (InputStream in = file.getInputStream()) {
                return files.upload(user, schoolId, materialId, in, file.getOriginalFilename());
            }
        }
        if (name == null || name.isBlank()) {
            throw new BadInputException(InputError.field("name", "materials.error.required"));
        }
        try (InputStream in = request.getInputStream()) {
            return files.upload(user, schoolId, materialId, in, name);
        }
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}")
    @Operation(summary = "Download a file (?inline=true shows PDF, images, audio and video in the browser); honours Range")
    void download(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId,
            @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request, HttpServletResponse response) throws IOException {
        MaterialFiles.MaterialFile file = files.readable(user, schoolId, materialId, fileId);
        boolean fromStart = FileResponses.send(blobs, file, inline, request, response);
        if (fromStart && !"HEAD".equals(request.getMethod())) {
            files.countDownload(schoolId, materialId);
        }
    }

    record PackageLaunchView(UUID attemptId, UUID learnerSchoolId, String itemId, String contentUrl, String playerUrl, java.time.Instant expiresAt) {
    }

    record PackageAttemptView(UUID id, UUID schoolId, String itemId, String lessonStatus, String completionStatus, String successStatus,
            java.math.BigDecimal scoreRaw, java.math.BigDecimal scoreScaled, java.math.BigDecimal totalSeconds, int commits, java.time.Instant updatedAt) {
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}/launches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Launch the SCORM/cmi5 package attached to a material, also from the other schools it is shared with",
            description = "The attempt and its tracking data belong to the learner's own school. A material not shared with the "
                    + "caller's school (a draft, or shared no further than its own school) is not found.")
    PackageLaunchView launchPackage(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId,
            @RequestBody(required = false) Map<String, String> request) {
        var played = materialPackages.launch(user, schoolId, materialId, fileId, request == null ? null : request.get("item"));
        var launch = played.launch();
        return new PackageLaunchView(launch.attemptId(), played.learnerSchoolId(), launch.itemId(), launch.contentUrl(),
                "/schools/" + schoolId + "/materials/" + materialId + "/files/" + fileId + "/play?item=" + launch.itemId(), launch.expiresAt());
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}/attempts/mine")
    @Operation(summary = "The caller's own tracking data for the package attached to a material (kept with her own school)")
    List<PackageAttemptView> myPackageAttempts(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId,
            @PathVariable UUID fileId) {
        return materialPackages.mine(user, schoolId, materialId, fileId).stream()
                .map(a -> new PackageAttemptView(a.id(), a.schoolId(), a.itemId(), a.lessonStatus(), a.completionStatus(), a.successStatus(),
                        a.scoreRaw(), a.scoreScaled(), a.totalSeconds(), a.commits(), a.updatedAt()))
                .toList();
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/export/scorm12")
    @Operation(summary = "The material (the version the caller sees) as a SCORM 1.2 package that runs on any LMS")
    void exportScorm(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, HttpServletResponse response)
            throws IOException {
        PackageExports.ExportMaterial material = exportable(user, schoolId, materialId);
        exports.writeScorm12(material, zip(response, "hoc-lieu-scorm12.zip"));
    }

    @GetMapping("/schools/{schoolId}/materials/export/common-cartridge")
    @Operation(summary = "Several materials as one IMS Common Cartridge 1.3 (.imscc), in the order given")
    void exportCartridge(CurrentUser user, @PathVariable UUID schoolId, @RequestParam List<UUID> ids,
            @RequestParam(defaultValue = "Học liệu số") String title, HttpServletResponse response) throws IOException {
        if (ids.isEmpty() || ids.size() > MAX_LIST) {
            throw new BadInputException(InputError.field("ids", "materials.error.exportCount", MAX_LIST));
        }
        // Every material is checked before the first byte is written, so a refusal is a clean error, not a cut-off zip.
        List<PackageExports.ExportMaterial> selected = ids.stream().map(id -> exportable(user, schoolId, id)).toList();
        exports.writeCommonCartridge(title, selected, zip(response, "hoc-lieu.imscc"));
    }

    private PackageExports.ExportMaterial exportable(CurrentUser user, UUID schoolId, UUID materialId) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        var content = visible.shown().content();
        var exported = files.ofVersion(schoolId, visible.shown().id()).stream()
                .map(f -> new PackageExports.ExportFile(f.fileName(), f.mediaType(), f.sha256())).toList();
        return new PackageExports.ExportMaterial(content.title(), content.description() == null ? "" : content.description(), exported);
    }

    /** The response as a zip download, streamed: the files are read from storage as they are written. */
    private static java.io.OutputStream zip(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        return response.getOutputStream();
    }

    @DeleteMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFile(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId) {
        files.remove(user, schoolId, materialId, fileId);
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/ratings")
    MaterialRatings.Summary ratings(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId) {
        return ratings.of(user, schoolId, materialId);
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/ratings")
    @Operation(summary = "A teacher rates an approved material 1-5 with a comment (replaces her earlier rating)")
    MaterialRatings.Summary rate(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestBody RatingRequest request) {
        return ratings.rate(user, schoolId, materialId, request.stars(), request.comment());
    }

    @GetMapping("/shared-materials")
    @Operation(summary = "The district and city repositories: materials shared to the caller's district or city")
    List<Materials.Listed> shared(CurrentUser user, @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) MaterialKind kind, @RequestParam(required = false) String q, @RequestParam(defaultValue = "100") int limit) {
        return service.shared(user, new Materials.Filter(subject, grade, kind, null, q), Math.clamp(limit, 1, MAX_LIST));
    }

    @GetMapping("/materials/inbox")
    @Operation(summary = "What waits for the caller: drafts to finish or revise, appraisals to start or give, approvals, proposals")
    MaterialService.Inbox inbox(CurrentUser user) {
        return service.inbox(user);
    }

    record TargetRequest(String subjectGroup, String subjectCode, Integer grade, Integer targetPercent, LocalDate dueOn, String note) {
    }

    @GetMapping("/schools/{schoolId}/material-plan")
    @Operation(summary = "The principal's plan: targets per subject group, subject and grade with deadlines")
    List<MaterialPlans.Target> plan(CurrentUser user, @PathVariable UUID schoolId) {
        return plans.targets(user, schoolId);
    }

    @PostMapping("/schools/{schoolId}/material-plan")
    @ResponseStatus(HttpStatus.CREATED)
    MaterialPlans.Target addTarget(CurrentUser user, @PathVariable UUID schoolId, @RequestBody TargetRequest request) {
        return plans.save(user, schoolId, request.subjectGroup(), request.subjectCode(), request.grade(), request.targetPercent(), request.dueOn(),
                request.note());
    }

    @DeleteMapping("/schools/{schoolId}/material-plan/{targetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTarget(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID targetId) {
        plans.remove(user, schoolId, targetId);
    }

    @GetMapping("/schools/{schoolId}/material-progress")
    @Operation(summary = "Progress against the plan: share of the curriculum's topics with an approved material, overdue targets")
    List<MaterialPlans.Progress> progress(CurrentUser user, @PathVariable UUID schoolId) {
        return plans.progress(user, schoolId, LocalDate.now(VIETNAM));
    }

    record SettingsRequest(Boolean council, List<String> rubric) {
    }

    @GetMapping("/schools/{schoolId}/material-settings")
    @Operation(summary = "How the school appraises: the group head alone or a council, and the rubric's criteria")
    AppraisalSettings.Settings getSettings(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS);
        return settings.of(schoolId);
    }

    @PutMapping("/schools/{schoolId}/material-settings")
    AppraisalSettings.Settings putSettings(CurrentUser user, @PathVariable UUID schoolId, @RequestBody SettingsRequest request) {
        access.require(user, schoolId, Capability.APPROVE_MATERIALS);
        AppraisalSettings.Settings saved = settings.save(schoolId, Boolean.TRUE.equals(request.council()), request.rubric());
        audit.record("materials.settings", schoolId, "org_unit", schoolId.toString(), Map.of("council", saved.council(), "rubric", saved.rubric()));
        return saved;
    }

    @GetMapping("/org-units/{unitId}/material-settings")
    @Operation(summary = "How a Phòng or Sở appraises proposals: one officer or a council, and its own rubric (its officers)")
    AppraisalSettings.Settings getUnitSettings(CurrentUser user, @PathVariable UUID unitId) {
        return unitAppraisals.settingsOf(user, unitId);
    }

    @PutMapping("/org-units/{unitId}/material-settings")
    @Operation(summary = "A Phòng or Sở officer sets how his unit appraises proposals and its rubric's criteria")
    AppraisalSettings.Settings putUnitSettings(CurrentUser user, @PathVariable UUID unitId, @RequestBody SettingsRequest request) {
        return unitAppraisals.saveSettings(user, unitId, Boolean.TRUE.equals(request.council()), request.rubric());
    }

    private MaterialDetail detail(CurrentUser user, UUID schoolId, UUID materialId, boolean countView) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        if (countView && visible.material().liveVersionId().map(visible.shown().id()::equals).orElse(false)) {
            // Use of the material: opening its live version (not the staff's work on a draft).
            materials.countView(schoolId, materialId);
        }
        return MaterialDetail.of(visible, files.ofVersion(schoolId, visible.shown().id()), service.offered(user, visible),
                materials.counters(schoolId, materialId), ratings.summary(schoolId, materialId));
    }

    static String slug(Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Action parseAction(String slug) {
        try {
            return Action.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("action " + slug);
        }
    }
}
