package vn.truongso.questions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** The question-bank API end to end: banks, a preview that lists problems, an all-or-nothing commit, search, export. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionBankApiTest {

    static final String GIFT = """
            // Chương 1
            $CATEGORY: Toán 6/Chương 1

            ::Câu 1:: Số nào là số nguyên tố? {~4 ~6 =7 ~9}

            Thủ đô của Việt Nam là {=Hà Nội =Ha Noi}.

            Tổng các góc của một tam giác là bao nhiêu độ? {#180}

            Trái Đất quay quanh Mặt Trời.{T}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.truongso.platform.BlobStore blobs;

    TestSchool school;
    TestSchool other;

    @BeforeAll
    void schools() {
        school = testSchools.create();
        other = testSchools.create();
    }

    String base(TestSchool s) {
        return "/api/v1/schools/" + s.schoolId() + "/question-banks";
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    UUID createBank(Role role, String name) throws Exception {
        JsonNode bank = call(post(base(school)).header("Authorization", school.bearer(role)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"subjectCode\":\"Toán\",\"grade\":6,\"cognitiveScheme\":\"BHV\"}"), 201);
        assertThat(bank.get("subjectCode").asString()).isEqualTo("TOAN");
        return UUID.fromString(bank.get("id").asString());
    }

    AbstractMockHttpServletRequestBuilder<?> upload(UUID bankId, String format, String filename, byte[] content) {
        return multipart(base(school) + "/" + bankId + "/imports").file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .param("format", format).header("Authorization", school.bearer(Role.TEACHER));
    }

    @Test
    void aTeacherImportsAGiftFileAfterAPreviewAndExportsIt() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Toán 6 – Chương 1");
        JsonNode preview = call(upload(bankId, "gift", "chuong1.gift", GIFT.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(preview.get("problems").size()).as(preview.toString()).isZero();
        assertThat(preview.get("questionCount").asInt()).isEqualTo(4);
        assertThat(preview.get("questions").get(0).get("question").get("type").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(preview.get("questions").get(0).get("question").get("classification").get("subjectCode").asString()).isEqualTo("TOAN");
        assertThat(count(bankId)).isZero();

        String importId = preview.get("importId").asString();
        JsonNode committed = call(post(base(school) + "/" + bankId + "/imports/" + importId + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(committed.get("committed").asInt()).isEqualTo(4);
        assertThat(count(bankId)).isEqualTo(4);
        // The same upload cannot be committed twice.
        call(post(base(school) + "/" + bankId + "/imports/" + importId + "/commit").header("Authorization", school.bearer(Role.TEACHER)), 400);
        assertThat(count(bankId)).isEqualTo(4);

        mvc.perform(get(base(school) + "/" + bankId + "/questions").param("q", "thu do").header("Authorization", school.bearer(Role.PRINCIPAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get(base(school) + "/questions").param("type", "SHORT_ANSWER").header("Authorization", school.bearer(Role.GROUP_HEAD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        JsonNode page = call(get(base(school) + "/" + bankId + "/questions").header("Authorization", school.bearer(Role.TEACHER)), 200);
        String questionId = page.get("items").get(0).get("id").asString();
        mvc.perform(get(base(school) + "/" + bankId + "/questions/" + questionId).header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.question.category").value("Toán 6/Chương 1"));
        mvc.perform(get(base(school)).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk());

        for (String format : List.of("gift", "moodle-xml", "qti")) {
            byte[] exported = mvc.perform(get(base(school) + "/" + bankId + "/export").param("format", format)
                    .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            JsonNode again = call(upload(bankId, format, "export", exported), 200);
            assertThat(again.get("problems").size()).as(format + " " + again).isZero();
            assertThat(again.get("questionCount").asInt()).as(format).isEqualTo(4);
        }
        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE org_unit_id = ? AND action LIKE 'questions.%'").param(school.schoolId())
                .query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBadFileIsReportedWithItsLinesAndStoresNothing() throws Exception {
        UUID bankId = createBank(Role.GROUP_HEAD, "Tổ Toán – lỗi");
        String broken = """
                Số nào là số nguyên tố? {~4 =6 =7 ~9}

                Câu chưa đóng ngoặc {~a =b
                """;
        JsonNode preview = call(upload(bankId, "gift", "loi.gift", broken.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(preview.get("importId").isNull()).isTrue();
        assertThat(preview.get("canCommit").asBoolean()).isFalse();
        List<String> messages = preview.get("problems").valueStream().map(p -> p.get("message").asString()).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("Câu 1").contains("đúng một đáp án đúng").contains("đang có 2"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("dòng 3").contains("không được đóng"));
        assertThat(preview.get("problems").valueStream().map(p -> p.get("messageEn").asString()).toList())
                .anySatisfy(m -> assertThat(m).contains("line 3"));
        call(upload(bankId, "gift", "empty.gift", new byte[0]), 200);
        mvc.perform(upload(bankId, "gift", "empty.gift", new byte[0])).andExpect(jsonPath("$.problems[0].code").value("questions.import.emptyFile"))
                .andExpect(jsonPath("$.importId").value(nullValue()));
        mvc.perform(upload(bankId, "docx-unknown", "x", "x".getBytes())).andExpect(status().isBadRequest());
        assertThat(count(bankId)).isZero();
        long imports = jdbc.sql("SELECT count(*) FROM question_import WHERE school_id = ? AND bank_id = ?").params(school.schoolId(), bankId)
                .query(Long.class).single();
        assertThat(imports).isZero();
    }

    @Test
    void theXlsxTemplateDownloadsAndImportsBack() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Mẫu Excel");
        byte[] template = mvc.perform(get(base(school) + "/import-template").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode preview = call(upload(bankId, "xlsx", "mau.xlsx", template), 200);
        assertThat(preview.get("problems").size()).as(preview.toString()).isZero();
        assertThat(preview.get("questions").valueStream().map(q -> q.get("question").get("type").asString()).toList())
                .containsExactly("SINGLE_CHOICE", "TRUE_FALSE_CLUSTER", "SHORT_ANSWER", "ESSAY");
        assertThat(preview.get("questions").get(0).get("question").get("classification").get("cognitiveLevel").asString()).isNotBlank();
    }

    @Test
    void embeddedImagesAreStoredOnCommitAndEmbeddedAgainOnExport() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Có hình");
        byte[] image = ("ảnh-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String base64 = java.util.Base64.getEncoder().encodeToString(image);
        String sha = vn.truongso.questions.imports.Attachments.sha256(image);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz><question type="truefalse"><name><text>Hình</text></name>
                  <questiontext format="html"><text><![CDATA[<p>Đây là hình vuông? <img src="@@PLUGINFILE@@/h.png"/></p>]]></text>
                  <file name="h.png" path="/" encoding="base64">%s</file></questiontext>
                  <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
                </question></quiz>""".formatted(base64);
        JsonNode preview = call(upload(bankId, "moodle-xml", "hinh.xml", xml.getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(preview.get("problems").size()).as(preview.toString()).isZero();
        assertThat(blobs.size(sha)).as("the preview stores no attachment").isEmpty();
        call(post(base(school) + "/" + bankId + "/imports/" + preview.get("importId").asString() + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(blobs.size(sha)).contains((long) image.length);
        JsonNode page = call(get(base(school) + "/" + bankId + "/questions").header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(page.get("items").get(0).get("question").get("stem").get("text").asString()).contains("blob:" + sha);
        String exported = mvc.perform(get(base(school) + "/" + bankId + "/export").param("format", "moodle-xml")
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).contains(base64).contains("@@PLUGINFILE@@/" + sha);
    }

    @Test
    void aQuestionIsClassifiedAgainstTheCurriculum() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Phân loại");
        JsonNode preview = call(upload(bankId, "gift", "a.gift", "Số nào là số nguyên tố? {~4 =7}".getBytes(StandardCharsets.UTF_8)), 200);
        JsonNode committed = call(post(base(school) + "/" + bankId + "/imports/" + preview.get("importId").asString() + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        String questionId = committed.get("questionIds").get(0).asString();
        UUID topic = UUID.randomUUID();
        UUID otherTopic = UUID.randomUUID();
        UUID outcome = UUID.randomUUID();
        UUID otherOutcome = UUID.randomUUID();
        String code = "T" + topic.toString().substring(0, 8);
        jdbc.sql("INSERT INTO topic (id, subject_code, grade, code, title, position) VALUES (?, 'TOAN', 6, ?, 'Số tự nhiên', 1)")
                .params(topic, code).update();
        jdbc.sql("INSERT INTO topic (id, subject_code, grade, code, title, position) VALUES (?, 'TOAN', 7, ?, 'Số hữu tỉ', 1)")
                .params(otherTopic, code).update();
        jdbc.sql("INSERT INTO required_outcome (id, topic_id, code, text, position) VALUES (?, ?, 'a', 'Nhận biết số nguyên tố', 1)")
                .params(outcome, topic).update();
        jdbc.sql("INSERT INTO required_outcome (id, topic_id, code, text, position) VALUES (?, ?, 'a', 'Số hữu tỉ', 1)")
                .params(otherOutcome, otherTopic).update();
        // A whole file can be imported under a topic (chương); a topic of another grade is refused for every question.
        JsonNode underTopic = call(upload(bankId, "gift", "b.gift", "Câu A {T}\n\nCâu B {F}".getBytes(StandardCharsets.UTF_8))
                .param("topicId", topic.toString()), 200);
        assertThat(underTopic.get("problems").size()).as(underTopic.toString()).isZero();
        assertThat(underTopic.get("questions").get(1).get("question").get("classification").get("topicId").asString()).isEqualTo(topic.toString());
        JsonNode wrongTopic = call(upload(bankId, "gift", "b.gift", "Câu A {T}\n\nCâu B {F}".getBytes(StandardCharsets.UTF_8))
                .param("topicId", otherTopic.toString()), 200);
        assertThat(wrongTopic.get("problems").valueStream().map(p -> p.get("code").asString() + "@" + p.get("question").asInt()).toList())
                .containsExactly("questions.invalid.topic@1", "questions.invalid.topic@2");
        call(post(base(school) + "/" + bankId + "/imports/" + underTopic.get("importId").asString() + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        mvc.perform(get(base(school) + "/" + bankId + "/questions").param("topicId", topic.toString())
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        String url = base(school) + "/" + bankId + "/questions/" + questionId + "/classification";
        String good = "{\"subjectCode\":\"TOAN\",\"grade\":6,\"topicId\":\"" + topic + "\",\"outcomeId\":\"" + outcome
                + "\",\"cognitiveLevel\":\"Hiểu\",\"difficulty\":3,\"tags\":[\"ôn tập\"]}";
        mvc.perform(put(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isOk()).andExpect(jsonPath("$.question.classification.cognitiveLevel").value("HIEU"))
                .andExpect(jsonPath("$.question.classification.cognitiveScheme").value("BHV"));
        mvc.perform(get(base(school) + "/questions").param("level", "HIEU").param("tag", "ôn tập").param("outcomeId", outcome.toString())
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        for (String bad : List.of(good.replace(outcome.toString(), otherOutcome.toString()), good.replace(topic.toString(), otherTopic.toString()),
                good.replace("Hiểu", "Vận dụng cao"), good.replace("\"difficulty\":3", "\"difficulty\":9"))) {
            mvc.perform(put(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("questions.invalid."));
        }
        mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON).content(good)).andExpect(status().isUnauthorized());
        mvc.perform(put(url).header("Authorization", school.bearer(Role.PRINCIPAL)).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isForbidden());
        mvc.perform(put(url).header("Authorization", other.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isNotFound());
    }

    @Test
    void banksCanBeRenamedAndDeleted() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Tạm");
        mvc.perform(put(base(school) + "/" + bankId).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Đã đổi tên\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Đã đổi tên"));
        mvc.perform(put(base(school) + "/" + bankId).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"subjectCode\":\"Không có\"}")).andExpect(status().isBadRequest())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Không có"));
        mvc.perform(delete(base(school) + "/" + bankId).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isNoContent());
        mvc.perform(get(base(school) + "/" + bankId).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isNotFound());
    }

    @Test
    void everyEndpointIsAuthorised() throws Exception {
        UUID bankId = createBank(Role.TEACHER, "Phân quyền");
        String b = base(school);
        String bank = b + "/" + bankId;
        String someId = UUID.randomUUID().toString();
        List<java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>>> reads = List.of(() -> get(b), () -> get(bank),
                () -> get(bank + "/questions"), () -> get(b + "/questions"), () -> get(bank + "/questions/" + someId),
                () -> get(bank + "/export").param("format", "gift"), () -> get(b + "/import-template"));
        List<java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>>> writes = List.of(
                () -> post(b).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"),
                () -> put(bank).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"), () -> delete(bank),
                () -> multipart(bank + "/imports").file(new MockMultipartFile("file", "a.gift", "text/plain", "Q {T}".getBytes())).param("format", "gift"),
                () -> post(bank + "/imports/" + someId + "/commit"));
        for (var all : List.of(reads, writes)) {
            for (var request : all) {
                mvc.perform(request.get()).andExpect(status().isUnauthorized());
                for (Role role : Role.values()) {
                    mvc.perform(request.get().header("Authorization", other.bearer(role))).andExpect(status().isNotFound());
                }
                for (Role role : List.of(Role.STUDENT, Role.PARENT, Role.IT_STAFF, Role.PHONG_OFFICER)) {
                    mvc.perform(request.get().header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
                }
            }
        }
        for (var request : writes) {
            for (Role role : List.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL)) {
                mvc.perform(request.get().header("Authorization", school.bearer(role))).andExpect(status().isForbidden());
            }
        }
        for (var request : reads.subList(0, 4)) {
            for (Role role : List.of(Role.PRINCIPAL, Role.VICE_PRINCIPAL, Role.GROUP_HEAD, Role.TEACHER)) {
                mvc.perform(request.get().header("Authorization", school.bearer(role))).andExpect(status().isOk());
            }
        }
        // A bank of another school is not found even by a teacher who may manage banks in her own school.
        mvc.perform(get(base(other) + "/" + bankId).header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiDocumentListsTheQuestionBankCalls() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(document).contains("/api/v1/schools/{schoolId}/question-banks/{bankId}/imports",
                "/api/v1/schools/{schoolId}/question-banks/{bankId}/imports/{importId}/commit",
                "/api/v1/schools/{schoolId}/question-banks/{bankId}/export");
    }

    long count(UUID bankId) {
        return jdbc.sql("SELECT count(*) FROM question WHERE school_id = ? AND bank_id = ?").params(school.schoolId(), bankId).query(Long.class).single();
    }
}
