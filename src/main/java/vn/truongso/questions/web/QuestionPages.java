package vn.truongso.questions.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.curriculum.CognitiveLevel;
import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;
import vn.truongso.curriculum.Topic;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.domain.Bank;
import vn.truongso.questions.domain.BankInput;
import vn.truongso.questions.domain.QuestionBankService;
import vn.truongso.questions.domain.SharedBanks;
import vn.truongso.questions.domain.QuestionFilter;
import vn.truongso.questions.domain.Questions;
import vn.truongso.questions.domain.StoredQuestion;
import vn.truongso.questions.exports.GiftExporter;
import vn.truongso.questions.imports.ImportPipeline;
import vn.truongso.questions.imports.ImportResult;
import vn.truongso.questions.imports.ImportSource;
import vn.truongso.questions.imports.ParsedQuestion;
import vn.truongso.questions.imports.XlsxImporter;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Classification;
import vn.truongso.questions.model.Content;
import vn.truongso.questions.model.Problem;
import vn.truongso.questions.model.Question;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The question banks' pages under {@code /questions}: the school's banks, a bank with its questions (filters, paging,
 * rendered text with formulas typeset in the browser and images from the BlobStore), the import with its preview and
 * all-or-nothing commit, and one question to view, edit and archive. Every decision is the service's: another school
 * answers 404, a role without the capability 403.
 */
@Controller
class QuestionPages {

    static final int PAGE_SIZE = 20;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** The types edited with a form; the others are edited as GIFT text, and cloze (which GIFT cannot express) is read-only. */
    static final List<String> FORM_TYPES = List.of(QuestionTypes.SINGLE_CHOICE, QuestionTypes.MULTIPLE_RESPONSE, QuestionTypes.TRUE_FALSE_CLUSTER);
    static final List<String> READ_ONLY_TYPES = List.of(QuestionTypes.CLOZE);
    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "APPRAISED", "APPROVED", "REJECTED", "ARCHIVED");

    private final QuestionBankService service;
    private final SharedBanks shared;
    private final vn.truongso.questions.domain.PracticeService practice;
    private final vn.truongso.questions.domain.BankAppraisal appraisal;
    private final Curriculum curriculum;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final BlobStore blobs;
    private final BilingualMessages messages;

    QuestionPages(QuestionBankService service, vn.truongso.questions.domain.PracticeService practice,
            vn.truongso.questions.domain.BankAppraisal appraisal, Curriculum curriculum, AccessPolicy access, OrgUnits orgUnits, BlobStore blobs,
            BilingualMessages messages, SharedBanks shared) {
        this.service = service;
        this.shared = shared;
        this.practice = practice;
        this.appraisal = appraisal;
        this.curriculum = curriculum;
        this.access = access;
        this.orgUnits = orgUnits;
        this.blobs = blobs;
        this.messages = messages;
    }

    // ---- entry

    /** Staff go to their school's banks, students to their practice sets. */
    @GetMapping("/questions")
    String entry(CurrentUser user) {
        Optional<UUID> school = user.grants().stream().filter(g -> Capability.VIEW_QUESTION_BANKS.grantedTo(g.role())).map(RoleGrant::orgUnitId)
                .findFirst();
        if (school.isPresent()) {
            return "redirect:/questions/schools/" + school.get();
        }
        if (user.holds(Role.STUDENT)) {
            return "redirect:/questions/practice";
        }
        throw new vn.truongso.platform.ForbiddenException("question banks");
    }

    // ---- banks

    @GetMapping("/questions/schools/{schoolId}")
    String banks(CurrentUser user, @PathVariable UUID schoolId, Model model, Locale locale) {
        List<Bank> banks = service.banks(user, schoolId);
        model.addAttribute("school", school(schoolId));
        model.addAttribute("banks", banks);
        model.addAttribute("sharedBanks", shared.sharedWith(user, schoolId));
        model.addAttribute("mayManage", access.allows(user, schoolId, Capability.MANAGE_QUESTION_BANKS));
        model.addAttribute("subjects", subjectNames(locale));
        return "questions/banks";
    }

    @GetMapping("/questions/schools/{schoolId}/banks/new")
    String newBank(CurrentUser user, @PathVariable UUID schoolId, Model model, Locale locale) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        return bankForm(model, schoolId, null, new BankInput("", "", null, null, null, CognitiveScheme.BHV), List.of(), locale);
    }

    @PostMapping("/questions/schools/{schoolId}/banks")
    String createBank(CurrentUser user, @PathVariable UUID schoolId, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        BankInput in = bankInput(form);
        try {
            Bank bank = service.createBank(user, schoolId, in);
            redirect.addFlashAttribute("notice", "questions.ui.bankCreated");
            return "redirect:/questions/schools/" + schoolId + "/banks/" + bank.id();
        } catch (BadInputException e) {
            return bankForm(model, schoolId, null, in, describe(e, locale), locale);
        }
    }

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}/edit")
    String editBank(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, Model model, Locale locale) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank b = service.bank(user, schoolId, bankId);
        return bankForm(model, schoolId, bankId, new BankInput(b.name(), b.description(), b.subjectCode(), b.grade(), b.subjectGroupId(),
                b.cognitiveScheme()), List.of(), locale);
    }

    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}")
    String updateBank(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam MultiValueMap<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        BankInput in = bankInput(form);
        try {
            service.updateBank(user, schoolId, bankId, in);
            redirect.addFlashAttribute("notice", "questions.ui.saved");
            return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId;
        } catch (BadInputException e) {
            return bankForm(model, schoolId, bankId, in, describe(e, locale), locale);
        }
    }

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}")
    String bank(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam(required = false) String type,
            @RequestParam(required = false) UUID topicId, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer difficulty, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Bank bank = service.bank(user, schoolId, bankId);
        String shownStatus = status == null || status.isBlank() ? "ACTIVE" : status;
        QuestionFilter filter = new QuestionFilter(bankId, blank(type), null, null, topicId, null, blank(level), difficulty, null, blank(q),
                "ALL".equals(shownStatus) ? null : shownStatus);
        Questions.Page result = service.search(user, schoolId, filter, Math.max(0, page), PAGE_SIZE);
        UnaryOperator<String> media = mediaUrls(schoolId);
        List<QuestionView> views = new ArrayList<>();
        int n = result.page() * result.size();
        for (StoredQuestion sq : result.items()) {
            views.add(QuestionView.of(sq.id(), sq.bankId(), ++n, sq.status(), sq.question(), media, true));
        }
        model.addAttribute("school", school(schoolId));
        model.addAttribute("bank", bank);
        model.addAttribute("questions", views);
        model.addAttribute("page", result);
        model.addAttribute("pages", (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("mayManage", access.allows(user, schoolId, Capability.MANAGE_QUESTION_BANKS));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("topicId", topicId);
        f.put("level", level);
        f.put("difficulty", difficulty);
        f.put("status", shownStatus);
        f.put("q", q);
        model.addAttribute("f", f);
        model.addAttribute("types", QuestionTypes.codes());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("topics", bank.subjectCode() != null && bank.grade() != null ? curriculum.topics(bank.subjectCode(), bank.grade()) : List.of());
        model.addAttribute("levels", curriculum.levels(bank.cognitiveScheme() != null ? bank.cognitiveScheme() : CognitiveScheme.BHV));
        model.addAttribute("topicNames", topicNames(bank));
        model.addAttribute("levelNames", levelNames(null, bank));
        model.addAttribute("subjects", subjectNames(locale));
        return "questions/bank";
    }

    /** Copies a bank another school shared with the district or city into a new bank of this school. */
    @PostMapping("/questions/schools/{schoolId}/shared/{sourceSchoolId}/{bankId}/copy")
    String copyShared(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sourceSchoolId, @PathVariable UUID bankId,
            RedirectAttributes redirect) {
        Bank copy = shared.copy(user, schoolId, sourceSchoolId, bankId);
        redirect.addFlashAttribute("notice", "questions.shared.copied");
        return "redirect:/questions/schools/" + schoolId + "/banks/" + copy.id();
    }

    /** Sends the bank through the materials appraisal and approval; the material's page then carries the workflow. */
    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}/submit")
    String submitForAppraisal(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId,
            @RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
        try {
            appraisal.submit(user, schoolId, bankId, comment);
            redirect.addFlashAttribute("notice", "questions.appraisal.submitted");
        } catch (BadInputException e) {
            redirect.addFlashAttribute("bankError", String.join(" ", describe(e, locale)));
        }
        return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId;
    }

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}/export")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam String format) {
        QuestionBankService.Export e = service.export(user, schoolId, bankId, format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.filename(), StandardCharsets.UTF_8).build().toString())
                .body(e.content());
    }

    /** An image or audio file of one of the school's questions; other blobs are not served here. */
    @GetMapping("/questions/schools/{schoolId}/media/{sha256}")
    void media(CurrentUser user, @PathVariable UUID schoolId, @PathVariable String sha256, HttpServletResponse response) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new NotFoundException("media " + sha256);
        }
        boolean staff = access.allows(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        boolean student = !staff && access.allows(user, schoolId, Capability.PRACTICE);
        if (!staff && !student) {
            access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        }
        if (!(staff ? service.schoolUsesBlob(user, schoolId, sha256) : practice.studentSeesBlob(user, schoolId, sha256))) {
            throw new NotFoundException("media " + sha256);
        }
        byte[] bytes;
        try (InputStream in = blobs.open(sha256)) {
            bytes = in.readAllBytes();
        }
        response.setContentType(sniff(bytes));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    // ---- import

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}/import")
    String importForm(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, Model model) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = service.bank(user, schoolId, bankId);
        importModel(model, schoolId, bank, "auto", null);
        return "questions/import";
    }

    @PostMapping(path = "/questions/schools/{schoolId}/banks/{bankId}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String preview(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "auto") String format, @RequestParam(required = false) String topicId, Model model, Locale locale)
            throws IOException {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        Bank bank = service.bank(user, schoolId, bankId);
        UUID topic = uuid(topicId);
        importModel(model, schoolId, bank, format, topic);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(messages.in(locale, "questions.import.emptyFile")));
            return "questions/import";
        }
        byte[] bytes = file.getBytes();
        String fmt = "auto".equals(format) ? detect(file.getOriginalFilename(), bytes) : format;
        if (fmt == null) {
            model.addAttribute("errors", List.of(messages.in(locale, "questions.ui.formatUnknown", String.valueOf(file.getOriginalFilename()))));
            return "questions/import";
        }
        QuestionBankService.Preview p;
        try {
            p = service.preview(user, schoolId, bankId, fmt, file.getOriginalFilename(), topic, bytes);
        } catch (BadInputException e) {
            model.addAttribute("errors", describe(e, locale));
            return "questions/import";
        }
        List<QuestionView> parsed = new ArrayList<>();
        Map<Integer, List<String>> problemsByQuestion = new LinkedHashMap<>();
        for (ParsedQuestion pq : p.result().questions()) {
            parsed.add(QuestionView.of(null, bankId, pq.number(), null, pq.question(), sha -> "", true));
        }
        List<String> problems = new ArrayList<>();
        for (Problem problem : p.result().problems()) {
            String text = describe(problem, locale);
            problems.add(text);
            if (problem.question() != null) {
                problemsByQuestion.computeIfAbsent(problem.question(), k -> new ArrayList<>()).add(text);
            }
        }
        model.addAttribute("preview", p);
        model.addAttribute("format", p.format());
        model.addAttribute("parsed", parsed);
        model.addAttribute("problems", problems);
        model.addAttribute("problemsByQuestion", problemsByQuestion);
        return "questions/preview";
    }

    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}/imports/{importId}/commit")
    String commit(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID importId, Model model,
            Locale locale, RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        try {
            List<UUID> ids = service.commit(user, schoolId, bankId, importId);
            redirect.addFlashAttribute("imported", ids.size());
            return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId;
        } catch (BadInputException e) {
            Bank bank = service.bank(user, schoolId, bankId);
            importModel(model, schoolId, bank, "auto", null);
            model.addAttribute("errors", describe(e, locale));
            return "questions/import";
        }
    }

    @GetMapping("/questions/schools/{schoolId}/import-template")
    ResponseEntity<byte[]> template(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.VIEW_QUESTION_BANKS);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("mau-ngan-hang-cau-hoi.xlsx").build().toString())
                .body(XlsxImporter.template());
    }

    // ---- one question

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}/questions/{questionId}")
    String question(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId, Model model,
            Locale locale) {
        StoredQuestion sq = service.question(user, schoolId, bankId, questionId);
        Bank bank = service.bank(user, schoolId, bankId);
        questionModel(model, user, schoolId, bank, sq, locale);
        return "questions/question";
    }

    @GetMapping("/questions/schools/{schoolId}/banks/{bankId}/questions/{questionId}/edit")
    String editQuestion(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId, Model model,
            Locale locale) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        StoredQuestion sq = service.question(user, schoolId, bankId, questionId);
        Bank bank = service.bank(user, schoolId, bankId);
        editModel(model, schoolId, bank, sq, sq.question(), GiftExporter.question(sq.question()).strip(), List.of(), locale);
        return "questions/edit";
    }

    /**
     * Saves a question from its edit form: the classification and points always; the definition from the form's
     * options (single choice, multiple response, true/false cluster) or from GIFT text (the other types).
     */
    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}/questions/{questionId}")
    String saveQuestion(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId,
            @RequestParam MultiValueMap<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        StoredQuestion sq = service.question(user, schoolId, bankId, questionId);
        Bank bank = service.bank(user, schoolId, bankId);
        Question before = sq.question();
        List<String> errors = new ArrayList<>();
        Classification c = classification(form, before.classification(), errors, locale);
        BigDecimal points = decimal(form.getFirst("points"));
        if (points == null) {
            errors.add(messages.in(locale, "questions.ui.badPoints", String.valueOf(form.getFirst("points"))));
            points = before.points();
        }
        String gift = form.getFirst("gift");
        Question edited;
        if (READ_ONLY_TYPES.contains(before.type())) {
            edited = before.toBuilder().points(points).classification(c).build();
        } else if (FORM_TYPES.contains(before.type())) {
            edited = fromForm(before, form).points(points).classification(c).build();
        } else {
            List<Problem> problems = new ArrayList<>();
            ImportResult parsed = ImportPipeline.run("gift", ImportSource.of("question.gift", (gift == null ? "" : gift).getBytes(StandardCharsets.UTF_8)));
            problems.addAll(parsed.problems());
            if (parsed.questions().size() > 1) {
                problems.add(Problem.at(null, null, "questions.ui.giftOneQuestion", parsed.questions().size()));
            }
            problems.forEach(p -> errors.add(describe(p, locale)));
            Question q = parsed.questions().isEmpty() ? before : parsed.questions().getFirst().question();
            // GIFT carries no classification: the form's is kept; points from the form unless GIFT states them.
            boolean giftPoints = gift != null && gift.contains("[points:");
            edited = q.toBuilder().points(giftPoints ? q.points() : points).classification(
                    q.classification().tags().isEmpty() ? c : c.withTags(q.classification().tags()))
                    .category(before.category()).externalId(before.externalId()).build();
        }
        if (errors.isEmpty()) {
            try {
                service.edit(user, schoolId, bankId, questionId, edited);
                redirect.addFlashAttribute("notice", "questions.ui.saved");
                return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId + "/questions/" + questionId;
            } catch (BadInputException e) {
                errors.addAll(describe(e, locale));
            }
        }
        editModel(model, schoolId, bank, sq, edited, gift == null ? GiftExporter.question(before).strip() : gift, errors, locale);
        return "questions/edit";
    }

    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}/questions/{questionId}/archive")
    String archive(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId,
            RedirectAttributes redirect) {
        service.archive(user, schoolId, bankId, questionId);
        redirect.addFlashAttribute("notice", "questions.ui.archived");
        return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId;
    }

    @PostMapping("/questions/schools/{schoolId}/banks/{bankId}/questions/{questionId}/restore")
    String restore(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID bankId, @PathVariable UUID questionId,
            RedirectAttributes redirect) {
        service.restore(user, schoolId, bankId, questionId);
        redirect.addFlashAttribute("notice", "questions.ui.restored");
        return "redirect:/questions/schools/" + schoolId + "/banks/" + bankId + "/questions/" + questionId;
    }

    // ---- helpers

    private void questionModel(Model model, CurrentUser user, UUID schoolId, Bank bank, StoredQuestion sq, Locale locale) {
        model.addAttribute("school", school(schoolId));
        model.addAttribute("bank", bank);
        model.addAttribute("q", QuestionView.of(sq.id(), sq.bankId(), sq.position(), sq.status(), sq.question(), mediaUrls(schoolId), true));
        model.addAttribute("mayManage", access.allows(user, schoolId, Capability.MANAGE_QUESTION_BANKS));
        model.addAttribute("topicNames", topicNames(bank));
        model.addAttribute("levelNames", levelNames(sq.question().classification().cognitiveScheme(), bank));
        model.addAttribute("subjects", subjectNames(locale));
    }

    private void editModel(Model model, UUID schoolId, Bank bank, StoredQuestion sq, Question shown, String gift, List<String> errors,
            Locale locale) {
        model.addAttribute("school", school(schoolId));
        model.addAttribute("bank", bank);
        model.addAttribute("sq", sq);
        model.addAttribute("question", shown);
        model.addAttribute("mode", READ_ONLY_TYPES.contains(sq.question().type()) ? "readonly"
                : FORM_TYPES.contains(sq.question().type()) ? "form" : "gift");
        model.addAttribute("gift", gift);
        model.addAttribute("errors", errors);
        model.addAttribute("view", QuestionView.of(sq.id(), sq.bankId(), sq.position(), sq.status(), sq.question(), mediaUrls(schoolId), true));
        model.addAttribute("topics", bank.subjectCode() != null && bank.grade() != null ? curriculum.topics(bank.subjectCode(), bank.grade()) : List.of());
        model.addAttribute("levels", curriculum.levels(bank.cognitiveScheme() != null ? bank.cognitiveScheme() : CognitiveScheme.BHV));
        List<Choice> rows = new ArrayList<>(shown.choices());
        if (!QuestionTypes.TRUE_FALSE_CLUSTER.equals(shown.type())) {
            while (rows.size() < Math.max(4, shown.choices().size() + 1) && rows.size() < 8) {
                rows.add(new Choice(null, Content.plain(""), false, null, null));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("tagsText", String.join(", ", shown.classification().tags()));
    }

    /** The definition of a form-edited type from the form: stem, options (blank rows dropped) and which are correct. */
    private static Question.Builder fromForm(Question before, MultiValueMap<String, String> form) {
        Question.Builder b = before.toBuilder();
        String stem = form.getFirst("stem");
        b.stem(new Content(before.stem().format(), stem == null ? "" : stem.strip()));
        List<String> texts = form.getOrDefault("option", List.of());
        List<String> correct = form.getOrDefault("correct", List.of());
        boolean cluster = QuestionTypes.TRUE_FALSE_CLUSTER.equals(before.type());
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i).strip();
            if (text.isEmpty() && !cluster) {
                continue;
            }
            Choice old = i < before.choices().size() ? before.choices().get(i) : null;
            String format = old != null ? old.text().format() : before.stem().format();
            String id = cluster ? String.valueOf((char) ('a' + i)) : String.valueOf((char) ('A' + choices.size()));
            boolean isCorrect = correct.contains(String.valueOf(i));
            // A rewritten option keeps its feedback; weights are dropped when the teacher marks answers by hand.
            choices.add(new Choice(id, new Content(format, text), isCorrect, null, old == null ? null : old.feedback()));
        }
        b.choices(choices);
        String feedback = form.getFirst("generalFeedback");
        if (feedback != null) {
            b.generalFeedback(feedback.isBlank() ? null : new Content(before.generalFeedback() == null ? before.stem().format()
                    : before.generalFeedback().format(), feedback.strip()));
        }
        return b;
    }

    private Classification classification(MultiValueMap<String, String> form, Classification before, List<String> errors, Locale locale) {
        Integer difficulty = null;
        String d = form.getFirst("difficulty");
        if (d != null && !d.isBlank()) {
            try {
                difficulty = Integer.valueOf(d.strip());
            } catch (NumberFormatException e) {
                errors.add(messages.in(locale, "questions.invalid.difficulty", d));
            }
        }
        List<String> tags = new ArrayList<>();
        String t = form.getFirst("tags");
        if (t != null) {
            for (String tag : t.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        String level = blank(form.getFirst("level"));
        return new Classification(before.subjectCode(), before.grade(), uuid(form.getFirst("topicId")), before.outcomeId() != null
                && java.util.Objects.equals(uuid(form.getFirst("topicId")), before.topicId()) ? before.outcomeId() : null,
                before.cognitiveScheme(), level, difficulty, blank(form.getFirst("source")), tags);
    }

    private void importModel(Model model, UUID schoolId, Bank bank, String format, UUID topicId) {
        model.addAttribute("school", school(schoolId));
        model.addAttribute("bank", bank);
        model.addAttribute("formats", ImportPipeline.formats());
        model.addAttribute("format", format);
        model.addAttribute("topicId", topicId);
        model.addAttribute("topics", bank.subjectCode() != null && bank.grade() != null ? curriculum.topics(bank.subjectCode(), bank.grade()) : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
    }

    private String bankForm(Model model, UUID schoolId, UUID bankId, BankInput in, List<String> errors, Locale locale) {
        model.addAttribute("school", school(schoolId));
        model.addAttribute("bankId", bankId);
        model.addAttribute("in", in);
        model.addAttribute("errors", errors);
        model.addAttribute("subjects", subjectNames(locale));
        model.addAttribute("schemes", curriculum.cognitiveSchemes());
        return "questions/bank-form";
    }

    private static BankInput bankInput(MultiValueMap<String, String> form) {
        String grade = form.getFirst("grade");
        Integer g = null;
        if (grade != null && grade.strip().matches("\\d{1,2}")) {
            g = Integer.valueOf(grade.strip());
        }
        return new BankInput(form.getFirst("name"), form.getFirst("description"), blank(form.getFirst("subjectCode")), g, null,
                blank(form.getFirst("cognitiveScheme")));
    }

    /** The format of an uploaded file from its name and, where the name is ambiguous, its first bytes. */
    static String detect(String filename, byte[] bytes) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx") || name.endsWith(".doc")) {
            return "docx";
        }
        if (name.endsWith(".xlsx")) {
            return "xlsx";
        }
        if (name.endsWith(".zip")) {
            return "qti";
        }
        if (name.endsWith(".gift")) {
            return "gift";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (name.endsWith(".xml")) {
            return head.contains("<quiz") ? "moodle-xml" : "qti";
        }
        if (name.endsWith(".txt")) {
            return head.contains("{") ? "gift" : "aiken";
        }
        return null;
    }

    private UnaryOperator<String> mediaUrls(UUID schoolId) {
        return ref -> "/questions/schools/" + schoolId + "/media/" + ref.substring("blob:".length());
    }

    private OrgUnits.OrgUnit school(UUID schoolId) {
        return orgUnits.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId));
    }

    private Map<String, String> subjectNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Subject s : curriculum.subjects()) {
            names.put(s.code(), "en".equals(locale.getLanguage()) ? s.nameEn() : s.nameVi());
        }
        return names;
    }

    private Map<UUID, String> topicNames(Bank bank) {
        Map<UUID, String> names = new LinkedHashMap<>();
        if (bank.subjectCode() != null && bank.grade() != null) {
            for (Topic t : curriculum.topics(bank.subjectCode(), bank.grade())) {
                names.put(t.id(), t.code() + ". " + t.title());
            }
        }
        return names;
    }

    private Map<String, String> levelNames(String scheme, Bank bank) {
        Map<String, String> names = new LinkedHashMap<>();
        String s = scheme != null ? scheme : bank.cognitiveScheme() != null ? bank.cognitiveScheme() : CognitiveScheme.BHV;
        for (CognitiveLevel l : curriculum.levels(s)) {
            names.put(l.code(), l.nameVi());
        }
        return names;
    }

    private List<String> describe(BadInputException e, Locale locale) {
        List<String> out = new ArrayList<>();
        for (InputError error : e.errors()) {
            String where = error.column() != null && error.column().startsWith("#")
                    ? messages.in(locale, "questions.where.question", error.column().substring(1)) : null;
            String line = error.row() != null ? messages.in(locale, "questions.where.line", String.valueOf(error.row())) : null;
            String message = messages.in(locale, error.code(), error.args());
            List<String> parts = new ArrayList<>();
            if (where != null) {
                parts.add(where);
            }
            if (line != null) {
                parts.add(line);
            }
            out.add(parts.isEmpty() ? message : String.join(", ", parts) + ": " + message);
        }
        return out;
    }

    /** "Câu 3, dòng 12: …" in the page's language. */
    String describe(Problem p, Locale locale) {
        return ProblemText.describe(p, messages, locale);
    }

    static String sniff(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "image/gif";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return "image/webp";
        }
        if (b.length > 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3' || b.length > 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            return "audio/mpeg";
        }
        if (b.length > 4 && b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S') {
            return "audio/ogg";
        }
        return "application/octet-stream";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
