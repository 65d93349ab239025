package vn.truongso.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP contract of the testing module as the exam-burst benchmark uses it, in one place: paths, bodies and the
 * parsing of answers. When the module's API differs, adapt it here (and the answer table in {@link #ANSWER_TABLE}).
 *
 * <pre>
 * POST /api/v1/schools/{schoolId}/test-sessions            {"title", "source":{"bankId"} and "bankId", "classIds", "opensAt", "closesAt",
 *                                                           "durationMinutes", "attemptsAllowed":1, "accessCode",
 *                                                           "resultsPolicy":"AFTER_CLOSE", "purpose":"REGULAR"} → 201 {"id"}
 * POST /api/v1/schools/{schoolId}/test-sessions/{id}/attempts {"accessCode"} → 201/200 {"attemptId", "attemptToken",
 *                                                           "deadline", "serverNow", "questions":[{"id", "number", "type",
 *                                                           "points", "stemHtml", "options":[{"id", "html"}]}], "answers":[...]}
 * PUT  /api/v1/attempts/{attemptId}/answers/{questionId}   X-Attempt-Token; {"seq": n, "response": {"selected": ["optionId"]}}
 *                                                           → 200 {"questionId", "seq", "savedAt"}
 * POST /api/v1/attempts/{attemptId}/submission             X-Attempt-Token → 200
 * POST /api/v1/schools/{schoolId}/test-sessions/{id}/tickets {} → 201 [{"studentId", "learnerCode", "code"}]   (exam tickets)
 * GET  /thi                                                 the ticket entry page (public, no session)
 * POST /api/v1/attempts                                     {"ticket", "accessCode"} → 201/200 as the start above
 * </pre>
 */
final class ExamContract {

    /**
     * Where acknowledged answers must be found afterwards: the table and its columns (school_id, attempt_id,
     * question_id, seq). The one constant to change if the testing module names it differently.
     */
    static final String ANSWER_TABLE = "test_answer";

    static final String ATTEMPT_TOKEN_HEADER = "X-Attempt-Token";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExamContract() {
    }

    record Option(String id) {
    }

    record Question(String id, int number, List<Option> options) {
    }

    /** What starting (or resuming) an attempt answers. */
    record Attempt(String attemptId, String attemptToken, String deadline, List<Question> questions) {
    }

    /**
     * Creates the test session the students take: the one step whose endpoint is not fixed yet, kept apart on purpose.
     * Returns the request; {@link #sessionId(String)} reads the answer.
     */
    static HttpRequest createSession(URI base, String bearer, UUID schoolId, UUID bankId, List<UUID> classIds, String title, String accessCode,
            int durationMinutes, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.putObject("source").put("bankId", bankId.toString());
        // The testing branch as of 2026-11-23 reads the bank at the top level; unknown properties are ignored, so both go.
        body.put("bankId", bankId.toString());
        var classes = body.putArray("classIds");
        classIds.forEach(id -> classes.add(id.toString()));
        body.put("opensAt", now.minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("closesAt", now.plus(durationMinutes + 30L, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("durationMinutes", durationMinutes);
        body.put("attemptsAllowed", 1);
        body.put("accessCode", accessCode);
        body.put("resultsPolicy", "AFTER_CLOSE");
        body.put("purpose", "REGULAR");
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + schoolId + "/test-sessions")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static String sessionId(String responseBody) {
        String id = JSON.readTree(responseBody).path("id").asString("");
        if (id.isBlank()) {
            throw new IllegalStateException("the session was created but the answer has no id: " + abbreviate(responseBody));
        }
        return id;
    }

    static HttpRequest.Builder startAttempt(URI base, UUID schoolId, String sessionId, String accessCode) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + schoolId + "/test-sessions/" + sessionId + "/attempts"))
                .timeout(TIMEOUT).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("accessCode", accessCode).toString()));
    }

    /** Exam tickets for every student of the session (the teacher prints them before the exam). */
    static HttpRequest issueTickets(URI base, String bearer, UUID schoolId, String sessionId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/schools/" + schoolId + "/test-sessions/" + sessionId + "/tickets"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /** Student id and learner code (upper case), each → ticket code, from the issuing answer. */
    static java.util.Map<String, String> tickets(String responseBody) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (JsonNode t : JSON.readTree(responseBody)) {
            out.put(t.path("studentId").asString(""), t.path("code").asString(""));
            out.put(t.path("learnerCode").asString("").toUpperCase(java.util.Locale.ROOT), t.path("code").asString(""));
        }
        return out;
    }

    static HttpRequest entryPage(URI base) {
        return HttpRequest.newBuilder(URI.create(base + "/thi")).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    static HttpRequest.Builder enterWithTicket(URI base, String ticket, String accessCode) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts")).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("ticket", ticket).put("accessCode", accessCode).toString()));
    }

    static boolean startAccepted(int status) {
        return status == 200 || status == 201;
    }

    /** Parses the start answer; refuses one without an attempt id, a token or questions with options. */
    static Attempt attempt(String responseBody) {
        JsonNode root = JSON.readTree(responseBody);
        String attemptId = root.path("attemptId").asString("");
        String token = root.path("attemptToken").asString("");
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : root.path("questions")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode o : q.path("options")) {
                options.add(new Option(o.path("id").asString()));
            }
            questions.add(new Question(q.path("id").asString(), q.path("number").asInt(questions.size() + 1), List.copyOf(options)));
        }
        if (attemptId.isBlank() || token.isBlank() || questions.isEmpty()) {
            throw new IllegalStateException("unexpected start answer: " + abbreviate(responseBody));
        }
        return new Attempt(attemptId, token, root.path("deadline").asString(""), List.copyOf(questions));
    }

    static HttpRequest.Builder saveAnswer(URI base, Attempt attempt, Question question, int seq, String optionId) {
        ObjectNode body = JSON.createObjectNode().put("seq", seq);
        body.putObject("response").putArray("selected").add(optionId);
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts/" + attempt.attemptId() + "/answers/" + question.id()))
                .timeout(TIMEOUT).header(ATTEMPT_TOKEN_HEADER, attempt.attemptToken()).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** An acknowledged save: 200 and the answer echoes the question and the sequence number. */
    static boolean saveAcknowledged(int status, String responseBody, Question question, int seq) {
        if (status != 200) {
            return false;
        }
        JsonNode root = JSON.readTree(responseBody);
        return question.id().equals(root.path("questionId").asString()) && root.path("seq").asInt(-1) == seq;
    }

    static HttpRequest.Builder submit(URI base, Attempt attempt) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/attempts/" + attempt.attemptId() + "/submission")).timeout(TIMEOUT)
                .header(ATTEMPT_TOKEN_HEADER, attempt.attemptToken()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    static boolean submitAccepted(int status) {
        return status == 200;
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
