package vn.truongso.testing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.truongso.directory.ClassRosters;
import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.web.BilingualMessages;
import vn.truongso.questions.QuestionBanks;
import vn.truongso.questions.TestPapers;
import vn.truongso.testing.domain.ExamTickets;
import vn.truongso.testing.domain.MyTests;
import vn.truongso.testing.domain.SessionInput;
import vn.truongso.testing.domain.Supervision;
import vn.truongso.testing.domain.SessionAnalysis;
import vn.truongso.testing.analysis.Measure;
import vn.truongso.testing.domain.TestSession;
import vn.truongso.testing.domain.TestSessions;
import vn.truongso.testing.domain.TestingConflict;

/**
 * The pages of online tests. Teachers: the sessions of the school with a form to create one from a bank, the live
 * monitor (htmx polling), extension and reopening, the essay-grading queue. Students: "Bài kiểm tra" and the taking
 * page, which talks to the JSON API (static/js/testing-take.js) so every answer is saved the moment it is given.
 */
@Controller
class TestingPages {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final TestSessions sessions;
    private final Supervision supervision;
    private final MyTests myTests;
    private final QuestionBanks banks;
    private final ClassRosters rosters;
    private final AccessPolicy access;
    private final BilingualMessages messages;
    private final SessionAnalysis analysis;
    private final ObjectProvider<TestPapers> papers;
    private final ExamTickets tickets;

    TestingPages(TestSessions sessions, Supervision supervision, MyTests myTests, QuestionBanks banks, ClassRosters rosters, AccessPolicy access,
            BilingualMessages messages, SessionAnalysis analysis, ObjectProvider<TestPapers> papers, ExamTickets tickets) {
        this.papers = papers;
        this.tickets = tickets;
        this.analysis = analysis;
        this.sessions = sessions;
        this.supervision = supervision;
        this.myTests = myTests;
        this.banks = banks;
        this.rosters = rosters;
        this.access = access;
        this.messages = messages;
    }

    // ---------------------------------------------------------------- students

    @GetMapping("/tests")
    String myTests(CurrentUser user, Model model) {
        UUID schoolId = user.homeOrgId();
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("tests", myTests.of(user, schoolId, Instant.now()));
        model.addAttribute("zone", VIETNAM);
        return "testing/my-tests";
    }

    @GetMapping("/tests/{schoolId}/{sessionId}")
    String take(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, Model model) {
        MyTests.Entry entry = myTests.of(user, schoolId, Instant.now()).stream().filter(e -> e.sessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("test", entry);
        model.addAttribute("ticketMode", false);
        return "testing/take";
    }

    /** The exam-ticket entry (phiếu dự thi): no sign-in; the taking page in ticket mode. */
    @GetMapping("/thi")
    String enterWithTicket(Model model) {
        model.addAttribute("ticketMode", true);
        return "testing/take";
    }

    // ---------------------------------------------------------------- teachers

    /** Issues exam tickets to every assigned student (or one) and shows the slips to print; earlier codes stop working. */
    @PostMapping("/schools/{schoolId}/test-sessions/{sessionId}/tickets")
    String issueTickets(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @RequestParam(required = false) UUID studentId,
            Model model, RedirectAttributes redirect, Locale locale) {
        TestSession test = supervision.session(user, schoolId, sessionId);
        try {
            model.addAttribute("tickets", tickets.issue(user, schoolId, sessionId, studentId == null ? List.of() : List.of(studentId)));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(err -> messages.describe(err, locale)).toList());
            return "redirect:/schools/" + schoolId + "/test-sessions/" + sessionId;
        } catch (TestingConflict e) {
            redirect.addFlashAttribute("errors", List.of(messages.in(locale, e.code(), e.args())));
            return "redirect:/schools/" + schoolId + "/test-sessions/" + sessionId;
        }
        model.addAttribute("test", test);
        model.addAttribute("zone", VIETNAM);
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("entryUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/thi").toUriString());
        return "testing/tickets";
    }

    @GetMapping("/schools/{schoolId}/test-sessions")
    String list(CurrentUser user, @PathVariable UUID schoolId, Model model) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        return listPage(model, schoolId, List.of(), null);
    }

    private String listPage(Model model, UUID schoolId, List<String> errors, MultiValueMap<String, String> form) {
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("sessions", sessions.list(schoolId));
        model.addAttribute("banks", banks.banksOf(schoolId));
        model.addAttribute("practiceSets", banks.practiceSetsOf(schoolId));
        TestPapers source = papers.getIfAvailable();
        model.addAttribute("papers", source == null ? List.of() : source.list(schoolId));
        model.addAttribute("classes", rosters.currentClasses(schoolId));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("zone", VIETNAM);
        return "testing/sessions";
    }

    @PostMapping("/schools/{schoolId}/test-sessions")
    String create(CurrentUser user, @PathVariable UUID schoolId, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        List<UUID> classIds = new ArrayList<>();
        for (String id : form.getOrDefault("classIds", List.of())) {
            classIds.add(uuid(id));
        }
        SessionInput input = new SessionInput(form.getFirst("title"), uuid(form.getFirst("paperId")), uuid(form.getFirst("bankId")),
                uuid(form.getFirst("practiceSetId")), List.of(), classIds, List.of(),
                time(form.getFirst("opensAt")), time(form.getFirst("closesAt")), integer(form.getFirst("durationMinutes")),
                integer(form.getFirst("attemptsAllowed")), form.containsKey("shuffleQuestions"), form.containsKey("shuffleOptions"),
                form.getFirst("accessCode"), form.getFirst("resultsPolicy"), form.getFirst("purpose"), form.getFirst("periodicReason"),
                form.getFirst("approvalReference"));
        try {
            TestSession s = sessions.create(user, schoolId, input);
            return "redirect:/schools/" + schoolId + "/test-sessions/" + s.id();
        } catch (BadInputException e) {
            return listPage(model, schoolId, e.errors().stream().map(err -> messages.describe(err, locale)).toList(), form);
        }
    }

    @GetMapping("/schools/{schoolId}/test-sessions/{sessionId}")
    String monitor(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, Model model) {
        model.addAttribute("test", supervision.session(user, schoolId, sessionId));
        model.addAttribute("progress", supervision.progress(user, schoolId, sessionId));
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("zone", VIETNAM);
        return "testing/monitor";
    }

    /** The item analysis of the session: per item and for the whole test, absent figures with their reason. */
    @GetMapping("/schools/{schoolId}/test-sessions/{sessionId}/analysis")
    String analysis(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, Model model, Locale locale) {
        SessionAnalysis.Analysed a = analysis.analyse(user, schoolId, sessionId);
        model.addAttribute("test", a.session());
        model.addAttribute("result", a.result());
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("fmt", new MeasureFormat(messages, locale));
        return "testing/analysis";
    }

    /** Shows a figure rounded for reading, or why it is absent (translated from the analysis' reason constants). */
    public record MeasureFormat(BilingualMessages messages, Locale locale) {

        public String value(Measure m, int digits) {
            return m.isPresent() ? m.rounded(digits).toPlainString() : "—";
        }

        public String percent(Measure m) {
            return m.isPresent() ? m.rounded(2).movePointRight(2).stripTrailingZeros().toPlainString() + " %" : "—";
        }

        public String why(Measure m) {
            return m.isPresent() ? "" : messages.in(locale, "testing.analysis.absent", messages.in(locale, SessionAnalysis.reasonKey(m.absentReason())));
        }
    }

    /** The monitor's table alone, polled by htmx every few seconds. */
    @GetMapping("/schools/{schoolId}/test-sessions/{sessionId}/progress")
    String progress(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, Model model) {
        model.addAttribute("test", supervision.session(user, schoolId, sessionId));
        model.addAttribute("progress", supervision.progress(user, schoolId, sessionId));
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("zone", VIETNAM);
        return "testing/monitor :: table";
    }

    @PostMapping("/schools/{schoolId}/test-sessions/{sessionId}/extend")
    String extend(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @RequestParam UUID studentId,
            @RequestParam(required = false) String minutes, @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            supervision.extend(user, schoolId, sessionId, studentId, integer(minutes), reason);
            redirect.addFlashAttribute("done", true);
        } catch (BadInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(err -> messages.describe(err, locale)).toList());
        }
        return "redirect:/schools/" + schoolId + "/test-sessions/" + sessionId;
    }

    @PostMapping("/schools/{schoolId}/test-sessions/{sessionId}/reopen")
    String reopen(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @RequestParam UUID attemptId,
            @RequestParam(required = false) String minutes, @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            supervision.reopen(user, schoolId, sessionId, attemptId, integer(minutes), reason);
            redirect.addFlashAttribute("done", true);
        } catch (BadInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(err -> messages.describe(err, locale)).toList());
        } catch (TestingConflict e) {
            redirect.addFlashAttribute("errors", List.of(messages.in(locale, e.code(), e.args())));
        }
        return "redirect:/schools/" + schoolId + "/test-sessions/" + sessionId;
    }

    @GetMapping("/schools/{schoolId}/test-sessions/{sessionId}/essays")
    String essays(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, Model model) {
        model.addAttribute("test", supervision.session(user, schoolId, sessionId));
        model.addAttribute("essays", supervision.essays(user, schoolId, sessionId, false));
        model.addAttribute("schoolId", schoolId);
        return "testing/essays";
    }

    @PostMapping("/schools/{schoolId}/test-sessions/{sessionId}/essays/{attemptId}/{questionId}")
    String gradeEssay(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @PathVariable UUID attemptId,
            @PathVariable UUID questionId, @RequestParam(required = false) String points, RedirectAttributes redirect, Locale locale) {
        try {
            supervision.gradeEssay(user, schoolId, sessionId, attemptId, questionId, decimal(points));
        } catch (BadInputException e) {
            redirect.addFlashAttribute("errors", e.errors().stream().map(err -> messages.describe(err, locale)).toList());
        }
        return "redirect:/schools/" + schoolId + "/test-sessions/" + sessionId + "/essays#a-" + attemptId + "-" + questionId;
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A datetime-local value, read as Vietnam time. */
    private static Instant time(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDateTime.parse(s.strip()).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
