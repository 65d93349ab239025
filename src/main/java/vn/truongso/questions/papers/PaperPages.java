package vn.truongso.questions.papers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.curriculum.Subject;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.types.QuestionTypes;

/**
 * The pages of test papers in the signed-in teacher's school: blueprints and papers, the blueprint editor (a grid of
 * cells: topic or chapter × level × type → number and points, rows added with htmx; specification rows), a blueprint
 * with its matrix, totals and the form that generates variants, and a paper with its downloads.
 */
@Controller
class PaperPages {

    static final List<String> TYPES = List.of(QuestionTypes.SINGLE_CHOICE, QuestionTypes.TRUE_FALSE_CLUSTER, QuestionTypes.SHORT_ANSWER,
            QuestionTypes.ESSAY, QuestionTypes.MULTIPLE_RESPONSE, QuestionTypes.TRUE_FALSE, QuestionTypes.MATCHING, QuestionTypes.ORDERING,
            QuestionTypes.CLOZE);

    /** A row of the editor's grid as typed (strings, so a bad number comes back as typed). */
    record CellRow(String topicId, String chapter, String level, String type, String count, String points) {
    }

    record SpecLine(String topicId, String chapter, String level, String description) {
    }

    private final TestPaperService service;
    private final PaperDocuments documents;
    private final BlueprintLabels labels;
    private final PapersApi api;
    private final QuestionBanks banks;
    private final Curriculum curriculum;
    private final OrgUnits orgUnits;
    private final BilingualMessages messages;

    PaperPages(TestPaperService service, PaperDocuments documents, BlueprintLabels labels, PapersApi api, QuestionBanks banks, Curriculum curriculum,
            OrgUnits orgUnits, BilingualMessages messages) {
        this.service = service;
        this.documents = documents;
        this.labels = labels;
        this.api = api;
        this.banks = banks;
        this.curriculum = curriculum;
        this.orgUnits = orgUnits;
        this.messages = messages;
    }

    @GetMapping("/papers")
    String index(CurrentUser user, Model model) {
        UUID school = school(user);
        model.addAttribute("blueprints", service.blueprints(user, school).stream().map(api::view).toList());
        model.addAttribute("papers", service.papers(user, school));
        return "papers/index";
    }

    // ---- blueprint editor

    /** The empty editor; from a bank's page ({@code bankId}) with that bank ticked and its subject, grade and scheme. */
    @GetMapping("/papers/blueprints/new")
    String newBlueprint(CurrentUser user, @RequestParam(required = false) UUID bankId, Model model) {
        UUID school = school(user);
        service.blueprints(user, school);
        List<CellRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new CellRow(null, null, null, null, null, null));
        }
        QuestionBanks.BankSummary from = bankId == null ? null
                : banks.banksOf(school).stream().filter(b -> b.id().equals(bankId)).findFirst().orElse(null);
        if (from == null) {
            return form(user, school, null, "", null, null, "45", CognitiveScheme.BHV, "10", List.of(), rows,
                    List.of(new SpecLine(null, null, null, null)), List.of(), model);
        }
        return form(user, school, null, "", from.subjectCode(), from.grade() == null ? null : from.grade().toString(), "45",
                from.cognitiveScheme() == null ? CognitiveScheme.BHV : from.cognitiveScheme(), "10", List.of(from.id()), rows,
                List.of(new SpecLine(null, null, null, null)), List.of(), model);
    }

    @GetMapping("/papers/blueprints/{id}/edit")
    String edit(CurrentUser user, @PathVariable UUID id, Model model) {
        UUID school = school(user);
        Blueprint b = service.blueprint(user, school, id);
        List<CellRow> rows = new ArrayList<>(b.cells().stream().map(c -> new CellRow(c.topicId() == null ? null : c.topicId().toString(), c.chapter(),
                c.level(), c.type(), String.valueOf(c.count()), c.pointsEach().stripTrailingZeros().toPlainString())).toList());
        rows.add(new CellRow(null, null, null, null, null, null));
        List<SpecLine> specs = new ArrayList<>(b.specs().stream().map(s -> new SpecLine(s.topicId() == null ? null : s.topicId().toString(),
                s.chapter(), s.level(), s.description())).toList());
        specs.add(new SpecLine(null, null, null, null));
        return form(user, school, id, b.name(), b.subjectCode(), b.grade() == null ? null : b.grade().toString(), String.valueOf(b.durationMinutes()),
                b.cognitiveScheme(), b.totalPoints().toPlainString(), b.bankIds(), rows, specs, List.of(), model);
    }

    /** One more empty row of the grid (htmx appends it). */
    @GetMapping("/papers/blueprints/cell-row")
    String cellRow(CurrentUser user, @RequestParam(required = false) String subjectCode, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String cognitiveScheme, Model model) {
        UUID school = school(user);
        service.blueprints(user, school);
        choices(subjectCode, grade, cognitiveScheme, model);
        model.addAttribute("row", new CellRow(null, null, null, null, null, null));
        return "papers/fragments :: cellRow";
    }

    @PostMapping({"/papers/blueprints", "/papers/blueprints/{id}"})
    String save(CurrentUser user, @PathVariable(required = false) UUID id, HttpServletRequest request, Model model, Locale locale) {
        UUID school = school(user);
        String name = request.getParameter("name");
        String subject = request.getParameter("subjectCode");
        String grade = request.getParameter("grade");
        String duration = request.getParameter("durationMinutes");
        String scheme = request.getParameter("cognitiveScheme");
        String total = request.getParameter("totalPoints");
        List<UUID> bankIds = new ArrayList<>();
        String[] bankValues = request.getParameterValues("bankIds");
        List<String> errors = new ArrayList<>();
        if (bankValues != null) {
            for (String v : bankValues) {
                bankIds.add(uuid(v, "bankIds", errors, locale));
            }
        }
        List<CellRow> rows = rows(request);
        List<SpecLine> specLines = specLines(request);
        List<BlueprintCell> cells = new ArrayList<>();
        int n = 0;
        for (CellRow r : rows) {
            n++;
            if (blank(r.topicId()) && blank(r.chapter()) && blank(r.count())) {
                continue;
            }
            Integer count = integer(r.count(), n, "count", errors, locale);
            BigDecimal points = decimal(r.points(), n, "pointsEach", errors, locale);
            cells.add(new BlueprintCell(blank(r.topicId()) ? null : uuid(r.topicId(), "topic", errors, locale), r.chapter(), r.level(), r.type(),
                    count == null ? 0 : count, points));
        }
        List<SpecRow> specs = new ArrayList<>();
        for (SpecLine s : specLines) {
            if (blank(s.topicId()) && blank(s.chapter()) && blank(s.description())) {
                continue;
            }
            specs.add(new SpecRow(blank(s.topicId()) ? null : uuid(s.topicId(), "topic", errors, locale), s.chapter(), s.level(), s.description(),
                    List.of()));
        }
        Integer gradeValue = blank(grade) ? null : integer(grade, null, "grade", errors, locale);
        Integer durationValue = blank(duration) ? null : integer(duration, null, "durationMinutes", errors, locale);
        BigDecimal totalValue = blank(total) ? null : decimal(total, null, "totalPoints", errors, locale);
        if (errors.isEmpty()) {
            BlueprintInput input = new BlueprintInput(name, blank(subject) ? null : subject, gradeValue, durationValue, scheme, totalValue,
                    bankIds, cells, specs);
            try {
                Blueprint saved = id == null ? service.createBlueprint(user, school, input) : service.updateBlueprint(user, school, id, input);
                return "redirect:/papers/blueprints/" + saved.id();
            } catch (BadInputException e) {
                e.errors().forEach(err -> errors.add(messages.describe(err, locale)));
            }
        }
        rows.add(new CellRow(null, null, null, null, null, null));
        return form(user, school, id, name, subject, grade, duration, scheme, total, bankIds, rows, specLines, errors, model);
    }

    private String form(CurrentUser user, UUID school, UUID id, String name, String subject, String grade, String duration, String scheme,
            String total, List<UUID> bankIds, List<CellRow> rows, List<SpecLine> specs, List<String> errors, Model model) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("subjectCode", subject);
        f.put("grade", grade);
        f.put("durationMinutes", duration);
        f.put("cognitiveScheme", scheme);
        f.put("totalPoints", total);
        model.addAttribute("f", f);
        model.addAttribute("blueprintId", id);
        model.addAttribute("bankIds", bankIds);
        model.addAttribute("banks", banks.banksOf(school));
        model.addAttribute("rows", rows);
        model.addAttribute("specs", specs);
        model.addAttribute("errors", errors);
        model.addAttribute("subjects", curriculum.subjects());
        model.addAttribute("schemes", curriculum.cognitiveSchemes());
        choices(subject, grade, scheme, model);
        return "papers/blueprint-form";
    }

    private void choices(String subject, String grade, String scheme, Model model) {
        Integer g = null;
        try {
            g = blank(grade) ? null : Integer.valueOf(grade.trim());
        } catch (NumberFormatException e) {
            // no topics then
        }
        String code = blank(subject) ? null : curriculum.subject(subject).map(Subject::code).or(() -> curriculum.codeForName(subject)).orElse(null);
        model.addAttribute("topics", labels.topics(code, g));
        model.addAttribute("levels", labels.levels(blank(scheme) ? CognitiveScheme.BHV : scheme));
        model.addAttribute("types", TYPES);
    }

    // ---- a blueprint

    @GetMapping("/papers/blueprints/{id}")
    String blueprint(CurrentUser user, @PathVariable UUID id, Model model, Locale locale) {
        UUID school = school(user);
        Blueprint b = service.blueprint(user, school, id);
        model.addAttribute("b", api.view(b));
        model.addAttribute("matrix", matrix(b, locale));
        model.addAttribute("shortages", service.shortages(user, school, id).stream().map(e -> messages.describe(e, locale)).toList());
        Map<UUID, String> bankNames = new LinkedHashMap<>();
        banks.banksOf(school).forEach(bank -> bankNames.put(bank.id(), bank.name()));
        model.addAttribute("bankNames", bankNames);
        model.addAttribute("specLabels", b.specs().stream().map(s -> labels.topic(s.topicId(), s.chapter()) + " – "
                + labels.level(b.cognitiveScheme(), s.level(), locale) + (s.description() == null ? "" : ": " + s.description())).toList());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : List.of());
        return "papers/blueprint";
    }

    /** The matrix as printed in a ma trận đề: a row per topic, a column per level, each cell "n × type (p đ)". */
    record MatrixRow(String topic, List<String> cells, int questions, BigDecimal points) {
    }

    record Matrix(List<String> levels, List<MatrixRow> rows) {
    }

    private Matrix matrix(Blueprint b, Locale locale) {
        List<String> levelCodes = labels.levels(b.cognitiveScheme()).stream().map(l -> l.code()).toList();
        Map<String, List<BlueprintCell>> byTopic = new LinkedHashMap<>();
        b.cells().forEach(c -> byTopic.computeIfAbsent(c.topicKey(), k -> new ArrayList<>()).add(c));
        List<MatrixRow> rows = new ArrayList<>();
        byTopic.forEach((key, cells) -> {
            List<String> texts = new ArrayList<>();
            for (String level : levelCodes) {
                List<String> parts = new ArrayList<>();
                for (BlueprintCell c : cells) {
                    if (c.level().equals(level) && c.count() > 0) {
                        parts.add(c.count() + " × " + labels.type(c.type(), locale) + " (" + PaperHeading.points(c.pointsEach()) + ")");
                    }
                }
                texts.add(String.join("; ", parts));
            }
            rows.add(new MatrixRow(labels.topic(cells.getFirst().topicId(), cells.getFirst().chapter()), texts,
                    cells.stream().mapToInt(BlueprintCell::count).sum(),
                    cells.stream().map(BlueprintCell::points).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros()));
        });
        return new Matrix(levelCodes.stream().map(l -> labels.level(b.cognitiveScheme(), l, locale)).toList(), rows);
    }

    @PostMapping("/papers/blueprints/{id}/generate")
    String generate(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String variants,
            @RequestParam(required = false) String codes, @RequestParam(required = false) String mode, @RequestParam(required = false) String seed,
            @RequestParam(required = false) String avoidRecentDays, @RequestParam(required = false) String title, RedirectAttributes redirect,
            Locale locale) {
        UUID school = school(user);
        List<String> errors = new ArrayList<>();
        Integer n = blank(variants) ? null : integer(variants, null, "variants", errors, locale);
        Integer days = blank(avoidRecentDays) ? null : integer(avoidRecentDays, null, "avoidRecentDays", errors, locale);
        Long s = null;
        if (!blank(seed)) {
            try {
                s = Long.valueOf(seed.trim());
            } catch (NumberFormatException e) {
                errors.add(messages.describe(InputError.field("seed", "request.badValue", seed), locale));
            }
        }
        List<String> codeList = blank(codes) ? null : List.of(codes.trim().split("[\\s,;]+"));
        if (errors.isEmpty()) {
            try {
                TestPaperService.PaperDetail paper = service.generate(user, school, id,
                        new TestPaperService.GenerateInput(codeList == null ? n : null, codeList, mode, s, days, title));
                return "redirect:/papers/" + paper.header().id();
            } catch (BadInputException e) {
                e.errors().forEach(err -> errors.add(messages.describe(err, locale)));
            }
        }
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/papers/blueprints/" + id;
    }

    @PostMapping("/papers/blueprints/{id}/delete")
    String deleteBlueprint(CurrentUser user, @PathVariable UUID id) {
        service.deleteBlueprint(user, school(user), id);
        return "redirect:/papers";
    }

    // ---- a paper

    @GetMapping("/papers/{paperId}")
    String paper(CurrentUser user, @PathVariable UUID paperId, Model model) {
        UUID school = school(user);
        TestPaperService.PaperDetail paper = service.paper(user, school, paperId);
        model.addAttribute("p", paper.header());
        var questions = service.questionsOf(school, paperId);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (PaperGenerator.Variant v : paper.variants()) {
            List<String> keys = new ArrayList<>();
            for (PaperLayout.Part part : PaperLayout.parts(v)) {
                int i = 0;
                for (PaperGenerator.Item item : part.items()) {
                    var q = questions.get(item.questionId());
                    keys.add(PaperLayout.roman(part.number()) + "." + (++i) + ": " + (q == null ? "?" : AnswerKeys.key(q, item, v.code())));
                }
            }
            variants.add(Map.of("code", v.code(), "count", v.items().size(), "keys", keys));
        }
        model.addAttribute("variants", variants);
        return "papers/paper";
    }

    @PostMapping("/papers/{paperId}/delete")
    String deletePaper(CurrentUser user, @PathVariable UUID paperId) {
        service.deletePaper(user, school(user), paperId);
        return "redirect:/papers";
    }

    @GetMapping("/papers/{paperId}/download")
    ResponseEntity<byte[]> zip(CurrentUser user, @PathVariable UUID paperId) {
        return PapersApi.file(documents.all(user, school(user), paperId));
    }

    @GetMapping("/papers/{paperId}/variants/{code}")
    ResponseEntity<byte[]> variant(CurrentUser user, @PathVariable UUID paperId, @PathVariable String code) {
        return PapersApi.file(documents.variant(user, school(user), paperId, code));
    }

    @GetMapping("/papers/{paperId}/answer-key")
    ResponseEntity<byte[]> answerKey(CurrentUser user, @PathVariable UUID paperId) {
        return PapersApi.file(documents.answerKey(user, school(user), paperId));
    }

    @GetMapping("/papers/{paperId}/answer-sheet")
    ResponseEntity<byte[]> answerSheet(CurrentUser user, @PathVariable UUID paperId) {
        return PapersApi.file(documents.answerSheet(user, school(user), paperId));
    }

    // ---- helpers

    /** The signed-in user's school; someone without one (an officer) has no papers here. */
    private UUID school(CurrentUser user) {
        UUID home = user.homeOrgId();
        if (home == null || orgUnits.find(home).filter(u -> u.kind() == OrgUnits.Kind.SCHOOL).isEmpty()) {
            throw new NotFoundException("no school");
        }
        return home;
    }

    private static List<CellRow> rows(HttpServletRequest request) {
        String[] topic = values(request, "cellTopic");
        String[] chapter = values(request, "cellChapter");
        String[] level = values(request, "cellLevel");
        String[] type = values(request, "cellType");
        String[] count = values(request, "cellCount");
        String[] points = values(request, "cellPoints");
        List<CellRow> rows = new ArrayList<>();
        for (int i = 0; i < count.length; i++) {
            rows.add(new CellRow(at(topic, i), at(chapter, i), at(level, i), at(type, i), at(count, i), at(points, i)));
        }
        return rows;
    }

    private static List<SpecLine> specLines(HttpServletRequest request) {
        String[] topic = values(request, "specTopic");
        String[] chapter = values(request, "specChapter");
        String[] level = values(request, "specLevel");
        String[] description = values(request, "specDescription");
        List<SpecLine> lines = new ArrayList<>();
        for (int i = 0; i < description.length; i++) {
            lines.add(new SpecLine(at(topic, i), at(chapter, i), at(level, i), at(description, i)));
        }
        return lines;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private UUID uuid(String value, String field, List<String> errors, Locale locale) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(messages.describe(InputError.field(field, "request.badValue", value), locale));
            return null;
        }
    }

    private Integer integer(String value, Integer row, String field, List<String> errors, Locale locale) {
        try {
            return blank(value) ? 0 : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(messages.describe(new InputError(null, row, field, "request.badValue", value), locale));
            return null;
        }
    }

    private BigDecimal decimal(String value, Integer row, String field, List<String> errors, Locale locale) {
        try {
            return blank(value) ? null : new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(messages.describe(new InputError(null, row, field, "request.badValue", value), locale));
            return null;
        }
    }
}
