package vn.truongso.questions.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.curriculum.CognitiveScheme;
import vn.truongso.curriculum.Curriculum;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.platform.NotFoundException;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.PracticeSets.PracticeSet;
import vn.truongso.questions.domain.Bank;
import vn.truongso.questions.domain.PracticeService;
import vn.truongso.questions.domain.PracticeSetStore;
import vn.truongso.questions.domain.QuestionBankService;
import vn.truongso.questions.domain.QuestionFilter;
import vn.truongso.questions.domain.StoredQuestion;
import vn.truongso.questions.model.Response;
import vn.truongso.questions.types.QuestionTypes;

/**
 * Practice sets (bộ ôn tập): teachers build them from a bank and assign them to their classes; students of those
 * classes answer question by question and get feedback from the server (the page carries no key before the answer).
 */
@Controller
class PracticePages {

    private final PracticeService practice;
    private final QuestionBankService banks;
    private final Curriculum curriculum;
    private final AccessPolicy access;
    private final OrgUnits orgUnits;
    private final BilingualMessages messages;

    PracticePages(PracticeService practice, QuestionBankService banks, Curriculum curriculum, AccessPolicy access, OrgUnits orgUnits,
            BilingualMessages messages) {
        this.practice = practice;
        this.banks = banks;
        this.curriculum = curriculum;
        this.access = access;
        this.orgUnits = orgUnits;
        this.messages = messages;
    }

    // ---- teachers

    @GetMapping("/questions/schools/{schoolId}/practice-sets")
    String sets(CurrentUser user, @PathVariable UUID schoolId, Model model) {
        model.addAttribute("sets", practice.sets(user, schoolId));
        model.addAttribute("school", school(schoolId));
        model.addAttribute("mayManage", access.allows(user, schoolId, Capability.MANAGE_QUESTION_BANKS));
        return "questions/practice-sets";
    }

    @GetMapping("/questions/schools/{schoolId}/practice-sets/new")
    String newSet(CurrentUser user, @PathVariable UUID schoolId, @RequestParam(required = false) UUID bankId, Model model) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        LocalDate today = LocalDate.now(PracticeService.VIETNAM);
        // The directives ask for sets published by the 28th: due on this month's 28th, or next month's once it is past.
        LocalDate due = today.getDayOfMonth() <= 28 ? today.withDayOfMonth(28) : YearMonth.from(today).plusMonths(1).atDay(28);
        Map<String, Object> form = new HashMap<>();
        form.put("title", "");
        form.put("bankId", bankId);
        form.put("publishOn", today.toString());
        form.put("dueOn", due.toString());
        form.put("count", 10);
        form.put("classIds", List.of());
        form.put("questionIds", List.of());
        form.put("topicId", null);
        form.put("level", null);
        form.put("type", null);
        form.put("difficulty", null);
        return setForm(model, user, schoolId, form, List.of());
    }

    @PostMapping("/questions/schools/{schoolId}/practice-sets")
    String create(CurrentUser user, @PathVariable UUID schoolId, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect) {
        access.require(user, schoolId, Capability.MANAGE_QUESTION_BANKS);
        List<String> errors = new ArrayList<>();
        LocalDate publishOn = date(form.getFirst("publishOn"));
        LocalDate dueOn = date(form.getFirst("dueOn"));
        Integer count = null;
        try {
            count = QuestionPages.blank(form.getFirst("count")) == null ? null : Integer.valueOf(form.getFirst("count").strip());
        } catch (NumberFormatException e) {
            count = null;
        }
        UUID bankId = QuestionPages.uuid(form.getFirst("bankId"));
        List<UUID> questionIds = form.getOrDefault("questionIds", List.of()).stream().map(QuestionPages::uuid).filter(java.util.Objects::nonNull).toList();
        List<UUID> classIds = form.getOrDefault("classIds", List.of()).stream().map(QuestionPages::uuid).filter(java.util.Objects::nonNull).toList();
        Integer difficulty = null;
        try {
            difficulty = QuestionPages.blank(form.getFirst("difficulty")) == null ? null : Integer.valueOf(form.getFirst("difficulty").strip());
        } catch (NumberFormatException e) {
            difficulty = null;
        }
        QuestionFilter filter = new QuestionFilter(bankId, QuestionPages.blank(form.getFirst("type")), null, null,
                QuestionPages.uuid(form.getFirst("topicId")), null, QuestionPages.blank(form.getFirst("level")), difficulty, null, null, "ACTIVE");
        try {
            UUID id = practice.create(user, schoolId, new PracticeService.NewSet(form.getFirst("title"), form.getFirst("description"), bankId,
                    questionIds, filter, count, classIds, publishOn, dueOn));
            redirect.addFlashAttribute("notice", "questions.practice.created");
            return "redirect:/questions/schools/" + schoolId + "/practice-sets/" + id;
        } catch (BadInputException e) {
            for (InputError error : e.errors()) {
                errors.add(messages.in(locale, error.code(), error.args()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", form.getFirst("title"));
        values.put("bankId", bankId);
        values.put("publishOn", form.getFirst("publishOn"));
        values.put("dueOn", form.getFirst("dueOn"));
        values.put("count", count);
        values.put("classIds", classIds);
        values.put("questionIds", questionIds);
        values.put("topicId", filter.topicId());
        values.put("level", filter.cognitiveLevel());
        values.put("type", filter.type());
        values.put("difficulty", difficulty);
        return setForm(model, user, schoolId, values, errors);
    }

    @GetMapping("/questions/schools/{schoolId}/practice-sets/{setId}")
    String set(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID setId, Model model) {
        PracticeSet set = practice.set(user, schoolId, setId);
        UnaryOperator<String> media = media(schoolId);
        List<QuestionView> views = new ArrayList<>();
        int n = 0;
        Map<UUID, StoredQuestion> byId = new LinkedHashMap<>();
        for (StoredQuestion q : banksQuestions(user, schoolId, set)) {
            byId.put(q.id(), q);
        }
        for (UUID id : set.questionIds()) {
            StoredQuestion q = byId.get(id);
            if (q != null) {
                views.add(QuestionView.of(q.id(), q.bankId(), ++n, q.status(), q.question(), media, true));
            }
        }
        model.addAttribute("school", school(schoolId));
        model.addAttribute("set", set);
        model.addAttribute("questions", views);
        model.addAttribute("classes", practice.sets(user, schoolId).stream().filter(l -> l.id().equals(setId)).findFirst()
                .map(PracticeSetStore.Listed::classNames).orElse(""));
        model.addAttribute("results", practice.results(user, schoolId, setId));
        model.addAttribute("total", views.stream().map(QuestionView::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        return "questions/practice-set";
    }

    // ---- students

    @GetMapping("/questions/practice")
    String mine(CurrentUser user, Model model) {
        UUID schoolId = user.homeOrgId();
        if (schoolId == null) {
            throw new NotFoundException("school");
        }
        model.addAttribute("sets", practice.published(user, schoolId));
        model.addAttribute("schoolId", schoolId);
        return "questions/practice-mine";
    }

    @GetMapping("/questions/practice/{schoolId}/{setId}")
    String take(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID setId, Model model) {
        PracticeService.Taking taking = practice.take(user, schoolId, setId);
        UnaryOperator<String> media = media(schoolId);
        List<QuestionView> views = new ArrayList<>();
        int n = 0;
        for (StoredQuestion q : taking.questions()) {
            // No key: the page is built without correct flags, accepted answers, solutions or feedback.
            views.add(QuestionView.of(q.id(), q.bankId(), ++n, null, q.question(), media, false));
        }
        model.addAttribute("taking", taking);
        model.addAttribute("questions", views);
        model.addAttribute("schoolId", schoolId);
        return "questions/practice-take";
    }

    @PostMapping("/questions/practice/{schoolId}/{setId}/questions/{questionId}")
    String answer(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID setId, @PathVariable UUID questionId,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        PracticeService.Taking before = practice.take(user, schoolId, setId);
        StoredQuestion q = before.questions().stream().filter(x -> x.id().equals(questionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("question " + questionId));
        PracticeService.Feedback feedback = practice.answer(user, schoolId, setId, questionId, response(q, form));
        model.addAttribute("fb", feedback);
        model.addAttribute("q", QuestionView.of(q.id(), q.bankId(), 0, null, q.question(), media(schoolId), true));
        model.addAttribute("full", feedback.score().points().compareTo(q.question().points()) >= 0);
        model.addAttribute("manual", feedback.score().needsManualGrading());
        model.addAttribute("selected", feedback.response().selected());
        return "questions/practice-take :: feedback";
    }

    /** The student's answer from the form: options picked, values per statement/pair/gap, ordering positions, or text. */
    static Response response(StoredQuestion q, MultiValueMap<String, String> form) {
        String type = q.question().type();
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("v_") && !v.isEmpty() && v.getFirst() != null) {
                values.put(k.substring(2), v.getFirst());
            }
        });
        if (QuestionTypes.ORDERING.equals(type)) {
            List<String> ids = new ArrayList<>(q.question().choices().stream().map(c -> c.id()).toList());
            Map<String, Integer> position = new HashMap<>();
            for (String id : ids) {
                String p = form.getFirst("order_" + id);
                try {
                    position.put(id, p == null ? Integer.MAX_VALUE : Integer.parseInt(p.strip()));
                } catch (NumberFormatException e) {
                    position.put(id, Integer.MAX_VALUE);
                }
            }
            ids.sort(java.util.Comparator.comparing(position::get));
            return new Response(ids, null, null);
        }
        return new Response(form.getOrDefault("selected", List.of()), values, form.getFirst("text"));
    }

    // ---- helpers

    private List<StoredQuestion> banksQuestions(CurrentUser user, UUID schoolId, PracticeSet set) {
        List<StoredQuestion> out = new ArrayList<>();
        for (UUID id : set.questionIds()) {
            try {
                out.add(banks.questionById(user, schoolId, id));
            } catch (NotFoundException e) {
                // a question deleted with its bank: the set shows the rest
            }
        }
        return out;
    }

    private String setForm(Model model, CurrentUser user, UUID schoolId, Map<String, Object> form, List<String> errors) {
        List<Bank> schoolBanks = banks.banks(user, schoolId);
        UUID bankId = (UUID) form.get("bankId");
        Bank bank = bankId == null ? null : schoolBanks.stream().filter(b -> b.id().equals(bankId)).findFirst().orElse(null);
        model.addAttribute("school", school(schoolId));
        model.addAttribute("banks", schoolBanks);
        model.addAttribute("bank", bank);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("classes", practice.assignableClasses(user, schoolId));
        model.addAttribute("types", QuestionTypes.codes());
        if (bank != null) {
            List<QuestionView> views = new ArrayList<>();
            int n = 0;
            for (StoredQuestion q : banks.search(user, schoolId, new QuestionFilter(bank.id(), null, null, null, null, null, null, null, null, null,
                    "ACTIVE"), 0, PracticeService.MAX_QUESTIONS * 2).items()) {
                views.add(QuestionView.of(q.id(), q.bankId(), ++n, q.status(), q.question(), media(schoolId), true));
            }
            model.addAttribute("bankQuestions", views);
            model.addAttribute("topics", bank.subjectCode() != null && bank.grade() != null ? curriculum.topics(bank.subjectCode(), bank.grade()) : List.of());
            model.addAttribute("levels", curriculum.levels(bank.cognitiveScheme() != null ? bank.cognitiveScheme() : CognitiveScheme.BHV));
        } else {
            model.addAttribute("bankQuestions", List.of());
            model.addAttribute("topics", List.of());
            model.addAttribute("levels", List.of());
        }
        return "questions/practice-form";
    }

    private UnaryOperator<String> media(UUID schoolId) {
        return ref -> "/questions/schools/" + schoolId + "/media/" + ref.substring("blob:".length());
    }

    private OrgUnits.OrgUnit school(UUID schoolId) {
        return orgUnits.find(schoolId).orElseThrow(() -> new NotFoundException("school " + schoolId));
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
