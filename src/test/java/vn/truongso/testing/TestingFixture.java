package vn.truongso.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.questions.model.Choice;
import vn.truongso.questions.model.Gap;
import vn.truongso.questions.model.MatchPair;
import vn.truongso.questions.model.Question;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** A school with students who can sign in, a question bank of every GIFT kind, and helpers to drive the testing API. */
final class TestingFixture {

    /** One question of every kind the GIFT importer reads, plus a true/false cluster (our comment tag) and an essay. */
    static final String GIFT = """
            ::Q1:: Số nào là số nguyên tố? {~4 =7 ~9 ~6}

            ::Q2:: Chọn các số chẵn {~%50%2 ~%50%4 ~%-100%3}

            ::Q3:: Trái Đất quay quanh Mặt Trời. {T}

            ::Q4:: Thủ đô của Việt Nam là {=Hà Nội}.

            ::Q5:: Tổng các góc của một tam giác là bao nhiêu độ? {#180}

            ::Q6:: Ghép thủ đô với nước {=Hà Nội -> Việt Nam =Paris -> Pháp =Tokyo -> Nhật Bản}

            // [type:TRUE_FALSE_CLUSTER]
            ::Q7:: Xét các mệnh đề {=2 là số chẵn -> Đúng =3 là số chẵn -> Sai =5 là số nguyên tố -> Đúng =9 là số nguyên tố -> Sai}

            ::Q8:: Viết một đoạn văn về mùa thu. {}
            """;

    record Student(UUID id, UUID accountId, String bearer) {
    }

    final MockMvc mvc;
    final JsonMapper json;
    final JdbcClient jdbc;
    final Accounts accounts;
    final TestSchool school;

    TestingFixture(MockMvc mvc, JsonMapper json, JdbcClient jdbc, Accounts accounts, TestSchools schools) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.school = schools.create();
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expected) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(expected);
        return body.isEmpty() ? null : json.readTree(body);
    }

    /** A student enrolled in the school's class 6A1 with a STUDENT account and an API token. */
    Student student(String name) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO student (school_id, id, learner_code, full_name, given_name, name_folded, birth_date, sex)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'FEMALE')""")
                .params(school.schoolId(), id, "HS" + id.toString().substring(24), name, name.substring(name.lastIndexOf(' ') + 1),
                        vn.truongso.platform.VietnameseText.fold(name), LocalDate.of(2014, 3, 1))
                .update();
        jdbc.sql("INSERT INTO enrolment (school_id, id, student_id, school_year_id, class_id, starts_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(school.schoolId(), Ids.newId(), id, school.yearId(), school.classId(), LocalDate.of(2026, 9, 5)).update();
        String username = "hs." + id.toString().substring(24);
        UUID account = accounts.create(new Accounts.NewAccount(username, name, school.schoolId(), id,
                List.of(new RoleGrant(Role.STUDENT, school.schoolId()))), TestSchools.PASSWORD, false);
        return new Student(id, account, "Bearer " + token(account));
    }

    private String token(UUID accountId) {
        var summary = accounts.find(accountId).orElseThrow();
        var user = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return accounts.issueApiToken(user, "test", 30);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** A bank holding {@link #GIFT}, imported and committed through the questions API. */
    UUID bank() throws Exception {
        return bank(GIFT);
    }

    /** A bank holding the given GIFT text, imported and committed through the questions API. */
    UUID bank(String gift) throws Exception {
        String base = "/api/v1/schools/" + school.schoolId() + "/question-banks";
        JsonNode bank = call(post(base).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Kiểm tra 15 phút\",\"subjectCode\":\"TOAN\",\"grade\":6}"), 201);
        String bankId = bank.get("id").asString();
        JsonNode preview = call(multipart(base + "/" + bankId + "/imports")
                .file(new MockMultipartFile("file", "de.gift", "text/plain", gift.getBytes(StandardCharsets.UTF_8))).param("format", "gift")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(preview.get("problems").size()).as(preview.toString()).isZero();
        call(post(base + "/" + bankId + "/imports/" + preview.get("importId").asString() + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        return UUID.fromString(bankId);
    }

    /** A valid session body; tweak the map before sending. */
    Map<String, Object> sessionBody(UUID bankId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Kiểm tra 15 phút Toán");
        body.put("bankId", bankId);
        body.put("classIds", List.of(school.classId()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        body.put("opensAt", now.minus(1, ChronoUnit.MINUTES).toString());
        body.put("closesAt", now.plus(2, ChronoUnit.HOURS).toString());
        body.put("durationMinutes", 30);
        body.put("attemptsAllowed", 1);
        body.put("shuffleQuestions", true);
        body.put("shuffleOptions", true);
        body.put("resultsPolicy", "IMMEDIATELY");
        body.put("purpose", "REGULAR");
        return body;
    }

    UUID session(Map<String, Object> body) throws Exception {
        JsonNode s = call(post("/api/v1/schools/" + school.schoolId() + "/test-sessions").header("Authorization", school.bearer(Role.TEACHER))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)), 201);
        return UUID.fromString(s.get("id").asString());
    }

    JsonNode start(UUID sessionId, Student student, int expected) throws Exception {
        return call(post("/api/v1/schools/" + school.schoolId() + "/test-sessions/" + sessionId + "/attempts").header("Authorization", student.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{}"), expected);
    }

    /** The fully correct response to a question, from its definition. */
    static Map<String, Object> correctResponse(Question q) {
        return switch (q.type()) {
            case "SINGLE_CHOICE", "TRUE_FALSE" -> Map.of("selected", q.choices().stream().filter(Choice::correct).map(Choice::id).toList());
            case "MULTIPLE_RESPONSE" -> Map.of("selected", q.choices().stream().filter(c -> c.earned().signum() > 0).map(Choice::id).toList());
            case "ORDERING" -> Map.of("selected", q.choices().stream().map(Choice::id).toList());
            case "TRUE_FALSE_CLUSTER" -> {
                Map<String, String> v = new LinkedHashMap<>();
                q.choices().forEach(c -> v.put(c.id(), String.valueOf(c.correct())));
                yield Map.of("values", v);
            }
            case "MATCHING" -> {
                Map<String, String> v = new LinkedHashMap<>();
                q.pairs().stream().filter(p -> !p.isDistractor()).forEach((MatchPair p) -> v.put(p.id(), p.answer()));
                yield Map.of("values", v);
            }
            case "CLOZE" -> {
                Map<String, String> v = new LinkedHashMap<>();
                for (Gap g : q.gaps()) {
                    v.put(g.id(), g.options().stream().filter(Choice::correct).findFirst().map(c -> g.select() ? c.id() : c.text().text()).orElse(""));
                }
                yield Map.of("values", v);
            }
            case "SHORT_ANSWER" -> Map.of("text", q.numbers().isEmpty()
                    ? q.choices().stream().filter(Choice::correct).findFirst().map(c -> c.text().text()).orElse("")
                    : q.numbers().getFirst().value().toPlainString());
            default -> Map.of("text", "Mùa thu Hà Nội có hoa sữa và gió heo may.");
        };
    }

    static List<UUID> questionIds(JsonNode started) {
        List<UUID> ids = new ArrayList<>();
        started.get("questions").forEach(q -> ids.add(UUID.fromString(q.get("id").asString())));
        return ids;
    }
}
