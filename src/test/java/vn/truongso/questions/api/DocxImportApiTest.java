package vn.truongso.questions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.questions.imports.DocxBank.b;
import static vn.truongso.questions.imports.DocxBank.red;
import static vn.truongso.questions.imports.DocxBank.u;

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
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Role;
import vn.truongso.questions.imports.Attachments;
import vn.truongso.questions.imports.DocxBank;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** A Word .docx bank through the existing API: preview, problems named by question and paragraph, commit, images stored. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocxImportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;

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

    UUID bank(String name) throws Exception {
        JsonNode bank = call(post(base(school)).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"subjectCode\":\"Toán\",\"grade\":10,\"cognitiveScheme\":\"NB_TH_VD_VDC\"}"), 201);
        return UUID.fromString(bank.get("id").asString());
    }

    AbstractMockHttpServletRequestBuilder<?> upload(TestSchool s, Role role, UUID bankId, String filename, byte[] content) {
        return multipart(base(s) + "/" + bankId + "/imports").file(new MockMultipartFile("file", filename,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content)).param("format", "docx")
                .header("Authorization", s.bearer(role));
    }

    long count(UUID bankId) {
        return jdbc.sql("SELECT count(*) FROM question WHERE school_id = ? AND bank_id = ?").params(school.schoolId(), bankId).query(Long.class)
                .single();
    }

    @Test
    void aWordBankIsPreviewedThenCommittedWithItsImage() throws Exception {
        UUID bankId = bank("Toán 10 – Word");
        byte[] png = DocxBank.png(0x00C0FFEE);
        String sha = Attachments.sha256(png);
        byte[] docx = new DocxBank().p(b("PHẦN I.")).p(b("Câu 1."), " Hình bên là hình gì?").image("", png)
                .p("A. Tam giác\t", u("B. Hình vuông"), "\tC. Hình tròn\tD. Hình thang")
                .p(b("PHẦN II.")).p(b("Câu 1."), " Cho x = 2.").p(red("a) x > 0")).p("b) x < 0").p(red("c) x² = 4")).p("d) x = 3")
                .p(b("PHẦN III.")).p(b("Câu 1."), " Tính 2 + 0,5. <Key=2,5>").bytes();
        JsonNode preview = call(upload(school, Role.TEACHER, bankId, "de.docx", docx), 200);
        assertThat(preview.get("problems").size()).as(preview.toString()).isZero();
        assertThat(preview.get("format").asString()).isEqualTo("docx");
        assertThat(preview.get("questions").valueStream().map(q -> q.get("question").get("type").asString()).toList())
                .containsExactly("SINGLE_CHOICE", "TRUE_FALSE_CLUSTER", "SHORT_ANSWER");
        assertThat(blobs.size(sha)).as("the preview stores nothing").isEmpty();
        assertThat(count(bankId)).isZero();

        // Another school's user cannot commit it, nor can a student preview.
        call(post(base(other) + "/" + bankId + "/imports/" + preview.get("importId").asString() + "/commit")
                .header("Authorization", other.bearer(Role.TEACHER)), 404);
        call(upload(school, Role.STUDENT, bankId, "de.docx", docx), 403);

        JsonNode committed = call(post(base(school) + "/" + bankId + "/imports/" + preview.get("importId").asString() + "/commit")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(committed.get("committed").asInt()).isEqualTo(3);
        assertThat(count(bankId)).isEqualTo(3);
        assertThat(blobs.size(sha)).contains((long) png.length);
        JsonNode page = call(get(base(school) + "/" + bankId + "/questions").param("type", "SINGLE_CHOICE")
                .header("Authorization", school.bearer(Role.TEACHER)), 200);
        JsonNode q = page.get("items").get(0).get("question");
        assertThat(q.get("stem").get("text").asString()).contains("blob:" + sha);
        assertThat(q.get("choices").get(1).get("correct").asBoolean()).isTrue();

        // Exported and imported again as GIFT, the bank keeps its types.
        byte[] gift = mvc.perform(get(base(school) + "/" + bankId + "/export").param("format", "gift")
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode again = call(multipart(base(school) + "/" + bankId + "/imports").file(new MockMultipartFile("file", "x.gift", "text/plain", gift))
                .param("format", "gift").header("Authorization", school.bearer(Role.TEACHER)), 200);
        assertThat(again.get("questions").valueStream().map(x -> x.get("question").get("type").asString()).sorted().toList())
                .containsExactly("SHORT_ANSWER", "SINGLE_CHOICE", "TRUE_FALSE_CLUSTER");
    }

    @Test
    void aBrokenWordBankNamesEachQuestionAndParagraphAndStoresNothing() throws Exception {
        UUID bankId = bank("Toán 10 – lỗi");
        byte[] docx = new DocxBank().p("Câu 1: Hai đáp án.").p(u("A. 1")).p(u("B. 2")).p("Câu 2: Thiếu C.").p("A. 1").p(u("B. 2")).p("D. 4")
                .p("Câu 3: Không đánh dấu.").p("A. 1\tB. 2").bytes();
        JsonNode preview = call(upload(school, Role.TEACHER, bankId, "loi.docx", docx), 200);
        assertThat(preview.get("canCommit").asBoolean()).isFalse();
        assertThat(preview.get("importId").isNull()).isTrue();
        List<String> messages = preview.get("problems").valueStream().map(p -> p.get("message").asString()).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("Câu 1").contains("dòng 1").contains("đang có 2"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("Câu 2").contains("dòng 7").contains("Thiếu phương án C"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("Câu 3").contains("đang có 0"));
        assertThat(preview.get("problems").valueStream().map(p -> p.get("messageEn").asString()).toList())
                .anySatisfy(m -> assertThat(m).contains("Question 2").contains("Option C is missing"));

        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
        JsonNode doc = call(upload(school, Role.TEACHER, bankId, "de.docx", ole2), 200);
        assertThat(doc.get("problems").get(0).get("message").asString()).contains(".doc cũ");
        assertThat(count(bankId)).isZero();
        call(multipart(base(school) + "/" + bankId + "/imports").file(new MockMultipartFile("file", "de.docx", "application/octet-stream", docx))
                .param("format", "docx"), 401);
    }
}
