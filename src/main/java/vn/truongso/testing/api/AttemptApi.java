package vn.truongso.testing.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.InputError;
import vn.truongso.testing.domain.AttemptRow;
import vn.truongso.testing.domain.Attempts;
import vn.truongso.testing.domain.ExamTickets;
import vn.truongso.testing.domain.TestingConflict;

/**
 * Taking a test. Starting (or resuming) needs the signed-in student or her exam ticket; everything after is authorised by
 * the attempt token in the {@code X-Attempt-Token} header alone, so an answer save is one signature check and one SQL
 * statement.
 */
@RestController
class AttemptApi {

    static final String TOKEN = "X-Attempt-Token";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_ITEMS = 64;

    private final Attempts attempts;
    private final ExamTickets tickets;
    private final JsonMapper json;

    AttemptApi(Attempts attempts, ExamTickets tickets, JsonMapper json) {
        this.attempts = attempts;
        this.tickets = tickets;
        this.json = json;
    }

    record StartRequest(String accessCode) {
    }

    @PostMapping("/api/v1/schools/{schoolId}/test-sessions/{sessionId}/attempts")
    ResponseEntity<Map<String, Object>> start(CurrentUser user, @PathVariable UUID schoolId, @PathVariable UUID sessionId,
            @RequestBody(required = false) StartRequest body) {
        String code = body == null ? null : body.accessCode();
        Attempts.Started started;
        try {
            started = attempts.start(user, schoolId, sessionId, code);
        } catch (TestingConflict e) {
            if (!"testing.attempt.startedElsewhere".equals(e.code())) {
                throw e;
            }
            // Two devices started at the same moment: the other one won, so this one resumes it.
            started = attempts.start(user, schoolId, sessionId, code);
        }
        Map<String, Object> out = state(started.attempt(), started.questions(), started.answers());
        out.put("attemptToken", started.token());
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(out);
    }

    record TicketEntry(String ticket, String accessCode) {
    }

    /**
     * Starts or resumes an attempt with an exam ticket (phiếu dự thi) instead of a signed-in account: the exam minute's
     * entry, which costs one keyed digest where a password check costs a bcrypt. Answers like a start, with the session.
     */
    @PostMapping(path = "/api/v1/attempts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> enter(@RequestBody(required = false) TicketEntry body) {
        String ticket = body == null ? null : body.ticket();
        String code = body == null ? null : body.accessCode();
        ExamTickets.Entry entry;
        try {
            entry = tickets.enter(ticket, code);
        } catch (TestingConflict e) {
            if (!"testing.attempt.startedElsewhere".equals(e.code())) {
                throw e;
            }
            entry = tickets.enter(ticket, code);
        }
        Attempts.Started started = entry.started();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schoolId", entry.schoolId());
        out.put("title", entry.title());
        out.putAll(state(started.attempt(), started.questions(), started.answers()));
        out.put("attemptToken", started.token());
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(out);
    }

    /**
     * Saves one answer. This is the exam's hot path (40 calls per student), so it binds by hand: in a measured burst
     * Spring's argument resolvers and the response's message-converter negotiation each cost more CPU than the save.
     */
    @PutMapping(path = "/api/v1/attempts/{attemptId}/answers/{questionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    void save(HttpServletRequest request, HttpServletResponse response) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        UUID attemptId = pathId(path, "attemptId");
        UUID questionId = pathId(path, "questionId");
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length == 0 || bytes.length > MAX_BODY) {
            throw new BadInputException(InputError.general("testing.answer.malformed"));
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new BadInputException(InputError.general("testing.answer.malformed"));
        }
        JsonNode seqNode = root.path("seq");
        if (!seqNode.isIntegralNumber() || !seqNode.canConvertToLong() || seqNode.asLong() < 0) {
            throw new BadInputException(InputError.field("seq", "testing.answer.badSeq"));
        }
        String answer = canonicalResponse(root.path("response"));
        Attempts.Saved saved = attempts.save(singleToken(request), attemptId, questionId, seqNode.asLong(), answer);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("questionId", saved.questionId());
        out.put("seq", saved.seq());
        out.put("savedAt", saved.savedAt());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), out);
    }

    /** The attempt token, or null (refused) when there is none or more than one: an ambiguous request proves nothing. */
    private static String singleToken(HttpServletRequest request) {
        java.util.Enumeration<String> values = request.getHeaders(TOKEN);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String token = values.nextElement();
        return values.hasMoreElements() ? null : token;
    }

    private static UUID pathId(Map<String, String> path, String name) {
        String value = path == null ? null : path.get(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException(InputError.field(name, "request.badValue", String.valueOf(value)));
        }
    }

    /** The response re-written from what was understood (exactly one of selected, values, text); anything else is refused. */
    private String canonicalResponse(JsonNode r) {
        if (!r.isObject() || r.size() != 1) {
            throw new BadInputException(InputError.field("response", "testing.answer.malformed"));
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        if (r.has("selected")) {
            JsonNode selected = r.get("selected");
            if (!selected.isArray() || selected.size() > MAX_ITEMS) {
                throw new BadInputException(InputError.field("response.selected", "testing.answer.malformed"));
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : selected) {
                if (!id.isString() || id.asString().length() > 200) {
                    throw new BadInputException(InputError.field("response.selected", "testing.answer.malformed"));
                }
                ids.add(id.asString());
            }
            canonical.put("selected", ids);
        } else if (r.has("values")) {
            JsonNode values = r.get("values");
            if (!values.isObject() || values.size() > MAX_ITEMS) {
                throw new BadInputException(InputError.field("response.values", "testing.answer.malformed"));
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : values.properties()) {
                if (!e.getValue().isString() || e.getKey().length() > 200 || e.getValue().asString().length() > 2000) {
                    throw new BadInputException(InputError.field("response.values", "testing.answer.malformed"));
                }
                map.put(e.getKey(), e.getValue().asString());
            }
            canonical.put("values", map);
        } else if (r.has("text")) {
            JsonNode text = r.get("text");
            if (!text.isString() || text.asString().length() > MAX_TEXT) {
                throw new BadInputException(InputError.field("response.text", "testing.answer.textTooLong", MAX_TEXT));
            }
            canonical.put("text", text.asString());
        } else {
            throw new BadInputException(InputError.field("response", "testing.answer.malformed"));
        }
        return json.writeValueAsString(canonical);
    }

    @PostMapping("/api/v1/attempts/{attemptId}/submission")
    Map<String, Object> submit(@RequestHeader(name = TOKEN, required = false) String token, @PathVariable UUID attemptId) {
        AttemptRow a = attempts.submit(token, attemptId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attemptId", a.id());
        out.put("status", a.status());
        out.put("submittedAt", a.submittedAt());
        out.put("submittedBy", a.submittedBy());
        result(a, out);
        return out;
    }

    @GetMapping("/api/v1/attempts/{attemptId}")
    Map<String, Object> state(@RequestHeader(name = TOKEN, required = false) String token, @PathVariable UUID attemptId) {
        Attempts.State s = attempts.state(token, attemptId);
        return state(s.attempt(), s.questions(), s.answers());
    }

    record EventRequest(String kind) {
    }

    @PostMapping("/api/v1/attempts/{attemptId}/events")
    ResponseEntity<Void> event(@RequestHeader(name = TOKEN, required = false) String token, @PathVariable UUID attemptId,
            @RequestBody(required = false) EventRequest body) {
        attempts.event(token, attemptId, body == null ? null : body.kind());
        return ResponseEntity.noContent().build();
    }

    private Map<String, Object> state(AttemptRow a, List<?> questions, List<Attempts.SavedAnswer> answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attemptId", a.id());
        out.put("sessionId", a.sessionId());
        out.put("number", a.number());
        out.put("variant", a.variant());
        out.put("status", a.status());
        out.put("deadline", a.deadline());
        out.put("serverNow", Instant.now());
        out.put("submittedAt", a.submittedAt());
        out.put("questions", questions);
        List<Map<String, Object>> saved = new ArrayList<>();
        for (Attempts.SavedAnswer s : answers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("questionId", s.questionId());
            m.put("seq", s.seq());
            m.put("response", s.response());
            m.put("savedAt", s.savedAt());
            saved.add(m);
        }
        out.put("answers", saved);
        result(a, out);
        if (a.released(Instant.now())) {
            // Keys and feedback only once the results policy releases them (never while the attempt or the window runs, when it says so).
            out.put("review", attempts.review(a));
        }
        return out;
    }

    /** The mark, only when the session's results policy lets the student see it. */
    private static void result(AttemptRow a, Map<String, Object> out) {
        boolean released = a.released(Instant.now());
        out.put("resultsReleased", released);
        if (released) {
            out.put("points", a.points());
            out.put("maxPoints", a.maxPoints());
            out.put("mark", a.mark());
            out.put("pendingEssays", a.pendingEssays());
        }
    }

}
