package vn.truongso.materials.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.RequiredOutcome;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.Topic;
import vn.truongso.materials.MaterialKind;
import vn.truongso.materials.VersionStatus;
import vn.truongso.materials.api.FileResponses;
import vn.truongso.materials.domain.Action;
import vn.truongso.materials.domain.Appraisal;
import vn.truongso.materials.domain.AppraisalSettings;
import vn.truongso.materials.domain.Material;
import vn.truongso.materials.domain.MaterialContent;
import vn.truongso.materials.domain.MaterialFiles;
import vn.truongso.materials.domain.MaterialPlans;
import vn.truongso.materials.domain.MaterialRatings;
import vn.truongso.materials.domain.MaterialService;
import vn.truongso.materials.domain.MaterialVersion;
import vn.truongso.materials.domain.Materials;
import vn.truongso.materials.domain.UnitAppraisals;
import vn.truongso.materials.domain.EditConflictException;
import vn.truongso.materials.domain.WorkflowException;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.web.BilingualMessages;

/**
 * The repository's pages: the school's list with filters, a material with its files, history and the moves the user
 * may make, the appraisal form, the form to create or change a material, the inbox, the shared repository, and the
 * principal's plan with its progress. Every decision is the service's; a refused move comes back as a message on the
 * material's page.
 */
@Controller
class MaterialPages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MaterialService service;
    private final Materials materials;
    private final MaterialFiles files;
    private final MaterialRatings ratings;
    private final MaterialPlans plans;
    private final AppraisalSettings settings;
    private final Curriculum curriculum;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final Accounts accounts;
    private final BlobStore blobs;
    private final BilingualMessages messages;
    private final UnitAppraisals unitAppraisals;

    MaterialPages(MaterialService service, Materials materials, MaterialFiles files, MaterialRatings ratings, MaterialPlans plans,
            AppraisalSettings settings, Curriculum curriculum, AccessPolicy access, OrgUnits orgUnits, Accounts accounts, BlobStore blobs,
            BilingualMessages messages, UnitAppraisals unitAppraisals) {
        this.unitAppraisals = unitAppraisals;
        this.service = service;
        this.materials = materials;
        this.files = files;
        this.ratings = ratings;
        this.plans = plans;
        this.settings = settings;
        this.curriculum = curriculum;
        this.access = access;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.blobs = blobs;
        this.messages = messages;
    }

    // ---- the repository's entry: own schools, inbox, shared ----

    @GetMapping("/materials")
    String library(CurrentUser user, @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) MaterialKind kind, @RequestParam(required = false) String q, Model model, Locale locale) {
        List<OrgUnits.OrgUnit> schools = new ArrayList<>();
        user.grants().stream().filter(g -> Capability.VIEW_MATERIALS.grantedTo(g.role())).map(g -> g.orgUnitId()).distinct()
                .forEach(id -> orgUnits.find(id).filter(u -> u.kind() == OrgUnits.Kind.SCHOOL).ifPresent(schools::add));
        model.addAttribute("schools", schools);
        model.addAttribute("inboxCount", service.inbox(user).total());
        model.addAttribute("shared", service.shared(user, new Materials.Filter(subject, grade, kind, null, q), 200));
        filters(model, subject, grade, kind, null, q, locale);
        return "materials/library";
    }

    @GetMapping("/materials/inbox")
    String inbox(CurrentUser user, Model model, Locale locale) {
        MaterialService.Inbox inbox = service.inbox(user);
        Map<String, List<Materials.Listed>> boxes = new LinkedHashMap<>();
        boxes.put("toRevise", inbox.toRevise());
        boxes.put("toStartAppraisal", inbox.toStartAppraisal());
        boxes.put("toAppraise", inbox.toAppraise());
        boxes.put("toApprove", inbox.toApprove());
        boxes.put("toPublish", inbox.toPublish());
        boxes.put("proposedToDistrict", inbox.proposedToDistrict());
        boxes.put("proposedToCity", inbox.proposedToCity());
        boxes.put("toAppraiseAtUnit", inbox.toAppraiseAtUnit());
        // A Phòng or Sở officer sets how his unit appraises proposals from here.
        List<UUID> units = new ArrayList<>(user.unitsWhereHolding(vn.truongso.platform.Role.PHONG_OFFICER));
        units.addAll(user.unitsWhereHolding(vn.truongso.platform.Role.SO_OFFICER));
        model.addAttribute("appraisingUnits", units.stream().distinct().map(orgUnits::find).flatMap(java.util.Optional::stream).toList());
        model.addAttribute("inbox", inbox);
        model.addAttribute("boxes", boxes);
        model.addAttribute("subjects", subjectNames(locale));
        return "materials/inbox";
    }

    // ---- a school's materials ----

    @GetMapping("/schools/{schoolId}/materials")
    String list(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Integer grade, @RequestParam(required = false) MaterialKind kind,
            @RequestParam(required = false) VersionStatus status, @RequestParam(required = false) String q, Model model, Locale locale) {
        MaterialService.View view = service.viewAt(user, schoolId);
        model.addAttribute("school", school(schoolId));
        model.addAttribute("view", view);
        model.addAttribute("items", service.list(user, schoolId, new Materials.Filter(subject, grade, kind, status, q), 300));
        model.addAttribute("mayCreate", access.allows(user, schoolId, Capability.CONTRIBUTE_MATERIALS));
        model.addAttribute("mayPlan", access.allows(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS));
        filters(model, subject, grade, kind, status, q, locale);
        return "materials/list";
    }

    @GetMapping("/schools/{schoolId}/materials/new")
    String newForm(CurrentUser user, @PathVariable UUID schoolId, Model model, Locale locale) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        return form(model, schoolId, null, new MaterialContent("", "", MaterialKind.E_LECTURE, "", List.of(), List.of(), List.of(), List.of(), "vi",
                "CC BY 4.0", List.of(user.displayName()), null), List.of(), locale);
    }

    @PostMapping("/schools/{schoolId}/materials")
    String create(CurrentUser user, @PathVariable UUID schoolId, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        MaterialContent content = content(form);
        try {
            Material material = service.create(user, schoolId, content);
            redirect.addFlashAttribute("notice", "materials.ui.created");
            return "redirect:/schools/" + schoolId + "/materials/" + material.id();
        } catch (BadInputException e) {
            return form(model, schoolId, null, content, describe(e, locale), locale);
        }
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/edit")
    String editForm(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, Model model, Locale locale) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        if (!visible.staff()) {
            throw new NotFoundException("material " + materialId);
        }
        model.addAttribute("rowVersion", visible.material().rowVersion());
        return form(model, schoolId, materialId, visible.material().latest().content(), List.of(), locale);
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}")
    String edit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestParam MultiValueMap<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        MaterialContent content = content(form);
        Integer rowVersion = null;
        try {
            rowVersion = form.getFirst("rowVersion") == null || form.getFirst("rowVersion").isBlank() ? null : Integer.valueOf(form.getFirst("rowVersion"));
        } catch (NumberFormatException ignored) {
            // A tampered field: saved without the check, as the API does without If-Match.
        }
        try {
            service.edit(user, schoolId, materialId, content, rowVersion);
            redirect.addFlashAttribute("notice", "materials.ui.saved");
        } catch (EditConflictException e) {
            // Nothing was written: the form comes back with what the user typed, what changed meanwhile, and the current
            // row version, so that saving again is her informed choice.
            model.addAttribute("rowVersion", e.current());
            model.addAttribute("conflict", true);
            return form(model, schoolId, materialId, content, List.of(e.describe(messages, locale)), locale);
        } catch (BadInputException e) {
            model.addAttribute("rowVersion", rowVersion);
            return form(model, schoolId, materialId, content, describe(e, locale), locale);
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
        }
        return "redirect:/schools/" + schoolId + "/materials/" + materialId;
    }

    /** The topics of the chosen subject and grades as checkboxes (htmx swaps them in as the user picks). */
    @GetMapping("/schools/{schoolId}/materials/topics")
    String topics(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String subjectCode,
            @RequestParam(required = false) List<Integer> grades, Model model) {
        access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
        model.addAttribute("topicGroups", topicGroups(subjectCode, grades));
        model.addAttribute("mc", new MaterialContent("", "", null, subjectCode, grades, List.of(), List.of(), List.of(), "vi", "", List.of(), null));
        return "materials/form :: topics";
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}")
    String detail(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, Model model, Locale locale) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        Material material = visible.material();
        if (material.liveVersionId().map(visible.shown().id()::equals).orElse(false)) {
            // Use of the material: opening its live version (not the staff's work on a draft).
            materials.countView(schoolId, materialId);
        }
        MaterialVersion shown = visible.shown();
        model.addAttribute("school", orgUnits.find(schoolId).orElseThrow());
        model.addAttribute("material", material);
        model.addAttribute("visible", visible);
        model.addAttribute("reachesSchool", access.reaches(user, schoolId));
        model.addAttribute("version", shown);
        model.addAttribute("files", files.ofVersion(schoolId, shown.id()));
        List<Action> offered = service.offered(user, visible);
        model.addAttribute("actions", offered.stream().filter(a -> !APPRAISALS.contains(a)).toList());
        model.addAttribute("mayAppraise", offered.stream().anyMatch(APPRAISALS::contains));
        // The Phòng's or Sở's appraisal: its council is chosen among its own officers, when it appraises by council.
        List<Accounts.AccountSummary> unitCouncil = List.of();
        var unitLevel = material.unitLevel();
        if (unitLevel.isPresent() && (offered.contains(Action.START_DISTRICT_APPRAISAL) || offered.contains(Action.START_CITY_APPRAISAL))
                && unitAppraisals.settingsFor(material, unitLevel.get()).council()) {
            UUID unit = UnitAppraisals.unitOf(material, unitLevel.get());
            unitCouncil = accounts.ofOrgUnit(unit).stream().filter(a -> a.enabled() && a.grants().stream()
                    .anyMatch(g -> unit.equals(g.orgUnitId()) && UnitAppraisals.capabilityAt(unitLevel.get()).grantedTo(g.role()))).toList();
        }
        model.addAttribute("unitCouncil", unitCouncil);
        model.addAttribute("mayEdit", visible.staff() && access.allows(user, schoolId, Capability.CONTRIBUTE_MATERIALS)
                && material.reach() != vn.truongso.materials.Reach.ARCHIVED
                && (material.working().isEmpty() || (material.working().get().status().editable()
                        && material.working().get().createdBy().equals(user.id()))));
        model.addAttribute("history", visible.view() == MaterialService.View.PUBLISHED ? List.of() : materials.history(schoolId, materialId));
        model.addAttribute("counters", materials.counters(schoolId, materialId));
        model.addAttribute("ratings", ratings.summary(schoolId, materialId));
        model.addAttribute("mayRate", material.live().isPresent() && user.grants().stream()
                .anyMatch(g -> Capability.CONTRIBUTE_MATERIALS.grantedTo(g.role())));
        var appraisalSettings = settings.of(schoolId);
        model.addAttribute("council", appraisalSettings.council());
        model.addAttribute("staff", appraisalSettings.council() && service.offered(user, visible).contains(Action.START_APPRAISAL)
                ? accounts.ofOrgUnit(schoolId).stream().filter(a -> a.enabled() && !a.id().equals(shown.createdBy())
                        && a.grants().stream().anyMatch(g -> Capability.CONTRIBUTE_MATERIALS.grantedTo(g.role()))).toList()
                : List.of());
        model.addAttribute("subjectName", subjectName(shown.content().subjectCode(), locale));
        model.addAttribute("topicTitles", shown.content().topicIds().stream().map(id -> curriculum.topic(id).map(Topic::title).orElse(id.toString()))
                .toList());
        model.addAttribute("reasonRequired", List.of(Action.REJECT, Action.ARCHIVE, Action.DECLINE_DISTRICT, Action.DECLINE_CITY));
        return "materials/detail";
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/actions/{action}")
    String act(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable String action,
            @RequestParam(required = false) String comment, @RequestParam(required = false) List<UUID> council, Locale locale,
            RedirectAttributes redirect) {
        Action parsed;
        try {
            parsed = Action.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("action " + action);
        }
        try {
            switch (parsed) {
                case START_DISTRICT_APPRAISAL -> unitAppraisals.start(user, schoolId, materialId, Appraisal.Level.DISTRICT, council);
                case START_CITY_APPRAISAL -> unitAppraisals.start(user, schoolId, materialId, Appraisal.Level.CITY, council);
                default -> service.act(user, schoolId, materialId, parsed, comment, council);
            }
            redirect.addFlashAttribute("notice", "materials.ui.done");
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("materialError", String.join(" ", describe(e, locale)));
        }
        try {
            service.visible(user, schoolId, materialId);
            return "redirect:/schools/" + schoolId + "/materials/" + materialId;
        } catch (NotFoundException movedOutOfSight) {
            return "redirect:/materials/inbox";
        }
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/files")
    String upload(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestParam(required = false) MultipartFile file,
            Locale locale, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            redirect.addFlashAttribute("materialError", messages.in(locale, "upload.missing"));
            return "redirect:/schools/" + schoolId + "/materials/" + materialId;
        }
        try (InputStream in = file.getInputStream()) {
            files.upload(user, schoolId, materialId, in, file.getOriginalFilename());
            redirect.addFlashAttribute("notice", "materials.ui.uploaded");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("materialError", String.join(" ", describe(e, locale)));
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
        }
        return "redirect:/schools/" + schoolId + "/materials/" + materialId;
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}/remove")
    String removeFile(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId, Locale locale,
            RedirectAttributes redirect) {
        try {
            files.remove(user, schoolId, materialId, fileId);
            redirect.addFlashAttribute("notice", "materials.ui.saved");
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
        }
        return "redirect:/schools/" + schoolId + "/materials/" + materialId;
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/files/{fileId}")
    void download(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @PathVariable UUID fileId,
            @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request, HttpServletResponse response) throws IOException {
        MaterialFiles.MaterialFile file = files.readable(user, schoolId, materialId, fileId);
        if (FileResponses.send(blobs, file, inline, request, response) && !"HEAD".equals(request.getMethod())) {
            files.countDownload(schoolId, materialId);
        }
    }

    @GetMapping("/schools/{schoolId}/materials/{materialId}/appraise")
    String appraiseForm(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, Model model, Locale locale) {
        MaterialService.Visible visible;
        List<String> rubric;
        if (atUnit(user, schoolId)) {
            var level = unitAppraisals.levelOf(user, schoolId);
            visible = service.visible(user, schoolId, materialId);
            rubric = unitAppraisals.settingsFor(visible.material(), level).rubric();
        } else {
            access.require(user, schoolId, Capability.CONTRIBUTE_MATERIALS);
            visible = service.visible(user, schoolId, materialId);
            if (!visible.staff()) {
                throw new NotFoundException("material " + materialId);
            }
            rubric = settings.of(schoolId).rubric();
        }
        model.addAttribute("school", orgUnits.find(schoolId).orElseThrow());
        model.addAttribute("material", visible.material());
        model.addAttribute("version", visible.shown());
        model.addAttribute("files", files.ofVersion(schoolId, visible.shown().id()));
        model.addAttribute("rubric", rubric);
        model.addAttribute("verdicts", Appraisal.Verdict.values());
        model.addAttribute("errors", List.of());
        return "materials/appraise";
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/appraise")
    String appraise(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestParam MultiValueMap<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        boolean atUnit = atUnit(user, schoolId);
        List<String> rubric = atUnit ? unitAppraisals.settingsFor(service.visible(user, schoolId, materialId).material(),
                unitAppraisals.levelOf(user, schoolId)).rubric() : settings.of(schoolId).rubric();
        List<Appraisal.CriterionVerdict> criteria = new ArrayList<>();
        for (String criterion : rubric) {
            String verdict = form.getFirst("verdict." + criterion);
            Appraisal.Verdict parsed = null;
            try {
                parsed = verdict == null || verdict.isBlank() ? null : Appraisal.Verdict.valueOf(verdict);
            } catch (IllegalArgumentException ignored) {
                // reported as missing below
            }
            if (parsed != null) {
                criteria.add(new Appraisal.CriterionVerdict(criterion, parsed, form.getFirst("comment." + criterion)));
            }
        }
        Appraisal.Recommendation recommendation = null;
        try {
            String r = form.getFirst("recommendation");
            recommendation = r == null || r.isBlank() ? null : Appraisal.Recommendation.valueOf(r);
        } catch (IllegalArgumentException ignored) {
            // reported as missing by the service
        }
        try {
            if (atUnit) {
                unitAppraisals.appraise(user, schoolId, materialId, recommendation, form.getFirst("comment"), criteria);
            } else {
                service.appraise(user, schoolId, materialId, recommendation, form.getFirst("comment"), criteria);
            }
            redirect.addFlashAttribute("notice", "materials.ui.appraised");
            return "redirect:/schools/" + schoolId + "/materials/" + materialId;
        } catch (BadInputException e) {
            appraiseForm(user, schoolId, materialId, model, locale);
            model.addAttribute("errors", describe(e, locale));
            model.addAttribute("form", form.toSingleValueMap());
            return "materials/appraise";
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
            return "redirect:/schools/" + schoolId + "/materials/" + materialId;
        }
    }

    @PostMapping("/schools/{schoolId}/materials/{materialId}/rate")
    String rate(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID materialId, @RequestParam(required = false) Integer stars,
            @RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
        try {
            ratings.rate(user, schoolId, materialId, stars, comment);
            redirect.addFlashAttribute("notice", "materials.ui.rated");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("materialError", String.join(" ", describe(e, locale)));
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("materialError", messages.in(locale, e.code(), e.args()));
        }
        return "redirect:/schools/" + schoolId + "/materials/" + materialId;
    }

    // ---- the plan ----

    @GetMapping("/schools/{schoolId}/material-plan")
    String plan(CurrentUser user, @PathVariable UUID schoolId, Model model, Locale locale) {
        model.addAttribute("progress", plans.progress(user, schoolId, LocalDate.now(VIETNAM)));
        model.addAttribute("school", school(schoolId));
        model.addAttribute("mayPlan", access.allows(user, schoolId, Capability.APPROVE_MATERIALS));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : List.of());
        model.addAttribute("subjects", subjectNames(locale));
        model.addAttribute("grades", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        return "materials/plan";
    }

    @PostMapping("/schools/{schoolId}/material-plan")
    String addTarget(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) String subjectGroup,
            @RequestParam(required = false) String subjectCode, @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) Integer targetPercent, @RequestParam(required = false) String dueOn,
            @RequestParam(required = false) String note, Model model, Locale locale, RedirectAttributes redirect) {
        LocalDate due = null;
        try {
            due = dueOn == null || dueOn.isBlank() ? null : LocalDate.parse(dueOn.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", List.of(messages.describe(InputError.field("dueOn", "materials.error.badDate", dueOn), locale)));
            return plan(user, schoolId, model, locale);
        }
        try {
            plans.save(user, schoolId, subjectGroup, subjectCode, grade, targetPercent, due, note);
            redirect.addFlashAttribute("notice", "materials.ui.saved");
            return "redirect:/schools/" + schoolId + "/material-plan";
        } catch (BadInputException e) {
            model.addAttribute("errors", describe(e, locale));
            return plan(user, schoolId, model, locale);
        }
    }

    @PostMapping("/schools/{schoolId}/material-plan/{targetId}/remove")
    String removeTarget(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID targetId, RedirectAttributes redirect) {
        plans.remove(user, schoolId, targetId);
        redirect.addFlashAttribute("notice", "materials.ui.saved");
        return "redirect:/schools/" + schoolId + "/material-plan";
    }

    // ---- helpers ----

    /** Appraisals, each with its own form rather than a button. */
    private static final List<Action> APPRAISALS = List.of(Action.APPRAISE, Action.APPRAISE_DISTRICT, Action.APPRAISE_CITY);

    /** True when the user appraises this school's proposals as a Phòng or Sở officer, not as its staff. */
    private boolean atUnit(CurrentUser user, UUID schoolId) {
        return !access.allows(user, schoolId, Capability.VIEW_MATERIAL_DRAFTS) && (access.allows(user, schoolId, Capability.CURATE_DISTRICT_MATERIALS)
                || access.allows(user, schoolId, Capability.CURATE_CITY_MATERIALS));
    }

    // ---- a Phòng's or Sở's appraisal rules ----

    @GetMapping("/org-units/{unitId}/material-settings")
    String unitSettings(CurrentUser user, @PathVariable UUID unitId, Model model) {
        var current = unitAppraisals.settingsOf(user, unitId);
        model.addAttribute("unit", orgUnits.find(unitId).orElseThrow());
        model.addAttribute("council", current.council());
        model.addAttribute("rubricText", String.join("\n", current.rubric()));
        model.addAttribute("errors", List.of());
        return "materials/unit-settings";
    }

    @PostMapping("/org-units/{unitId}/material-settings")
    String saveUnitSettings(CurrentUser user, @PathVariable UUID unitId, @RequestParam(defaultValue = "false") boolean council,
            @RequestParam(defaultValue = "") String rubric, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            unitAppraisals.saveSettings(user, unitId, council, lines(rubric.toUpperCase(Locale.ROOT)));
            redirect.addFlashAttribute("notice", "materials.ui.saved");
            return "redirect:/org-units/" + unitId + "/material-settings";
        } catch (BadInputException e) {
            unitSettings(user, unitId, model);
            model.addAttribute("council", council);
            model.addAttribute("rubricText", rubric);
            model.addAttribute("errors", describe(e, locale));
            return "materials/unit-settings";
        }
    }

    private OrgUnits.OrgUnit school(UUID schoolId) {
        return orgUnits.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId));
    }

    private String form(Model model, UUID schoolId, UUID materialId, MaterialContent content, List<String> errors, Locale locale) {
        model.addAttribute("school", school(schoolId));
        model.addAttribute("materialId", materialId);
        model.addAttribute("mc", content);
        model.addAttribute("authorsText", String.join("\n", content.authors()));
        model.addAttribute("competenciesText", String.join("\n", content.competencies()));
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", MaterialKind.values());
        model.addAttribute("subjects", subjectNames(locale));
        model.addAttribute("grades", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        model.addAttribute("topicGroups", topicGroups(content.subjectCode(), content.grades()));
        return "materials/form";
    }

    /** A grade's topics with their outcomes, for the chosen subject. */
    public record TopicGroup(int grade, List<TopicWithOutcomes> topics) {
    }

    public record TopicWithOutcomes(Topic topic, List<RequiredOutcome> outcomes) {
    }

    private List<TopicGroup> topicGroups(String subjectCode, List<Integer> grades) {
        if (subjectCode == null || subjectCode.isBlank() || grades == null) {
            return List.of();
        }
        List<TopicGroup> groups = new ArrayList<>();
        for (Integer grade : grades.stream().distinct().sorted().toList()) {
            if (grade == null) {
                continue;
            }
            List<TopicWithOutcomes> topics = curriculum.topics(subjectCode.strip().toUpperCase(Locale.ROOT), grade).stream()
                    .map(t -> new TopicWithOutcomes(t, curriculum.outcomes(t.id()))).toList();
            if (!topics.isEmpty()) {
                groups.add(new TopicGroup(grade, topics));
            }
        }
        return groups;
    }

    private static MaterialContent content(MultiValueMap<String, String> form) {
        MaterialKind kind = null;
        try {
            String k = form.getFirst("kind");
            kind = k == null || k.isBlank() ? null : MaterialKind.valueOf(k);
        } catch (IllegalArgumentException ignored) {
            // reported as missing by the validation
        }
        List<Integer> grades = new ArrayList<>();
        for (String g : form.getOrDefault("grades", List.of())) {
            try {
                grades.add(Integer.valueOf(g.strip()));
            } catch (NumberFormatException ignored) {
                grades.add(0);
            }
        }
        return new MaterialContent(form.getFirst("title"), form.getFirst("description"), kind, form.getFirst("subjectCode"), grades,
                uuids(form.get("topicIds")), uuids(form.get("outcomeIds")), lines(form.getFirst("competencies")), form.getFirst("language"),
                form.getFirst("licence"), lines(form.getFirst("authors")), form.getFirst("linkUrl"));
    }

    private static List<UUID> uuids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            try {
                ids.add(UUID.fromString(v.strip()));
            } catch (IllegalArgumentException ignored) {
                // a tampered value names nothing
            }
        }
        return ids;
    }

    /** One entry per line (or separated by semicolons). */
    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[\\r\\n;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> describe(BadInputException e, Locale locale) {
        return e.errors().stream().map(error -> messages.describe(error, locale)).toList();
    }

    private void filters(Model model, String subject, Integer grade, MaterialKind kind, VersionStatus status, String q, Locale locale) {
        model.addAttribute("subject", subject == null ? "" : subject);
        model.addAttribute("grade", grade);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kinds", MaterialKind.values());
        model.addAttribute("statuses", VersionStatus.values());
        model.addAttribute("subjects", subjectNames(locale));
        model.addAttribute("grades", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    }

    private Map<String, String> subjectNames(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        for (Subject s : curriculum.subjects()) {
            names.put(s.code(), english ? s.nameEn() : s.nameVi());
        }
        return names;
    }

    private String subjectName(String code, Locale locale) {
        return curriculum.subject(code).map(s -> "en".equals(locale.getLanguage()) ? s.nameEn() : s.nameVi()).orElse(code);
    }
}
