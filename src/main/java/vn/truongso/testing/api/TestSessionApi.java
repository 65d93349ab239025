package vn.truongso.testing.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.truongso.platform.AccessPolicy;
import vn.truongso.platform.Capability;
import vn.truongso.platform.CurrentUser;
import vn.truongso.testing.domain.ExamTickets;
import vn.truongso.testing.domain.Grading;
import vn.truongso.testing.domain.MyTests;
import vn.truongso.testing.domain.SessionInput;
import vn.truongso.testing.domain.Supervision;
import vn.truongso.testing.domain.TestSession;
import vn.truongso.testing.domain.TestSessions;

/** Test sessions for the teacher (create, list, monitor, extend, reopen, grade essays, correct keys, results) and the student's list. */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}")
class TestSessionApi {

    private final TestSessions sessions;
    private final Supervision supervision;
    private final MyTests myTests;
    private final ExamTickets tickets;
    private final AccessPolicy access;

    TestSessionApi(TestSessions sessions, Supervision supervision, MyTests myTests, ExamTickets tickets, AccessPolicy access) {
        this.sessions = sessions;
        this.supervision = supervision;
        this.myTests = myTests;
        this.tickets = tickets;
        this.access = access;
    }

    @PostMapping("/test-sessions")
    ResponseEntity<TestSession> create(CurrentUser user, @PathVariable UUID schoolId, @RequestBody SessionInput input) {
        TestSession s = sessions.create(user, schoolId, input);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + schoolId + "/test-sessions/" + s.id())).body(s);
    }

    @GetMapping("/test-sessions")
    List<TestSession> list(CurrentUser user, @PathVariable UUID schoolId) {
        access.require(user, schoolId, Capability.MANAGE_TESTS);
        return sessions.list(schoolId);
    }

    @GetMapping("/test-sessions/{sessionId}")
    TestSession get(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId) {
        return supervision.session(user, schoolId, sessionId);
    }

    /** Live progress of every assigned student (the monitor and the results table). */
    @GetMapping("/test-sessions/{sessionId}/progress")
    List<Supervision.Progress> progress(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId) {
        return supervision.progress(user, schoolId, sessionId);
    }

    record TicketRequest(List<UUID> studentIds) {
    }

    /** Issues exam tickets (phiếu dự thi) to the given students, or to every assigned one; earlier codes stop working. */
    @PostMapping("/test-sessions/{sessionId}/tickets")
    ResponseEntity<List<ExamTickets.Ticket>> issueTickets(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId,
            @RequestBody(required = false) TicketRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tickets.issue(user, schoolId, sessionId, body == null ? null : body.studentIds()));
    }

    @GetMapping("/test-sessions/{sessionId}/results.xlsx")
    ResponseEntity<byte[]> export(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId) {
        byte[] workbook = supervision.exportResults(user, schoolId, sessionId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("ket-qua-" + sessionId + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(workbook);
    }

    record ReasonedMinutes(Integer minutes, String reason) {
    }

    @PostMapping("/test-sessions/{sessionId}/students/{studentId}/extension")
    ResponseEntity<Void> extend(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @PathVariable UUID studentId,
            @RequestBody ReasonedMinutes body) {
        supervision.extend(user, schoolId, sessionId, studentId, body.minutes(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/test-sessions/{sessionId}/attempts/{attemptId}/reopen")
    ResponseEntity<Void> reopen(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @PathVariable UUID attemptId,
            @RequestBody ReasonedMinutes body) {
        supervision.reopen(user, schoolId, sessionId, attemptId, body.minutes(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/test-sessions/{sessionId}/essays")
    List<Supervision.EssayItem> essays(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId,
            @RequestParam(defaultValue = "false") boolean ungraded) {
        return supervision.essays(user, schoolId, sessionId, ungraded);
    }

    record EssayPoints(BigDecimal points) {
    }

    @PutMapping("/test-sessions/{sessionId}/attempts/{attemptId}/essays/{questionId}")
    Map<String, Object> gradeEssay(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @PathVariable UUID attemptId,
            @PathVariable UUID questionId, @RequestBody EssayPoints body) {
        Grading.Result r = supervision.gradeEssay(user, schoolId, sessionId, attemptId, questionId, body.points());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", r.points());
        out.put("maxPoints", r.maxPoints());
        out.put("mark", r.mark());
        out.put("pendingEssays", r.pendingEssays());
        return out;
    }

    record KeyCorrection(List<String> correct, String reason) {
    }

    @PutMapping("/test-sessions/{sessionId}/questions/{questionId}/key")
    Map<String, Object> correctKey(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId, @PathVariable UUID questionId,
            @RequestBody KeyCorrection body) {
        int regraded = supervision.correctKey(user, schoolId, sessionId, questionId, body.correct(), body.reason());
        return Map.of("regraded", regraded);
    }

    /** The student's tests: open, upcoming and recently closed sessions of her classes, with her attempts. */
    @GetMapping("/my-tests")
    List<MyTests.Entry> myTests(CurrentUser user, @PathVariable UUID schoolId) {
        return myTests.of(user, schoolId, Instant.now());
    }

}
