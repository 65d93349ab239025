package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** Files of a material version: upload (multipart and raw body), type from content, download whole or by range, use counted. */
@IntegrationTest
class MaterialFilesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;

    TestSchool school;
    MaterialFlows flows;

    @BeforeEach
    void setUp() {
        school = testSchools.create();
        flows = new MaterialFlows(mvc);
    }

    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes();
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static byte[] png() {
        byte[] bytes = new byte[600];
        new Random(7).nextBytes(bytes);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private ResultActions upload(UUID id, String bearer, String name, byte[] content) throws Exception {
        return mvc.perform(multipart(MaterialFlows.base(school) + "/" + id + "/files").file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .header("Authorization", bearer));
    }

    private String fileUrl(UUID id, String fileId) {
        return MaterialFlows.base(school) + "/" + id + "/files/" + fileId;
    }

    @Test
    void aFileIsUploadedTypedByContentAndDownloadedWholeOrByRange() throws Exception {
        UUID id = flows.draft(school, "Video thí nghiệm");
        byte[] content = pdf(300_000, 1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String body = upload(id, school.bearer(Role.TEACHER), "Bài 1 – Phân số.pdf", content).andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("PDF"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(300_000))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.fileName").value("Bài 1 – Phân số.pdf"))
                .andReturn().getResponse().getContentAsString();
        String fileId = MaterialFlows.JSON.readTree(body).get("id").asText();

        String bearer = school.bearer(Role.TEACHER);
        var whole = mvc.perform(get(fileUrl(id, fileId)).header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse();
        assertThat(whole.getContentAsByteArray()).isEqualTo(content);
        mvc.perform(get(fileUrl(id, fileId) + "?inline=true").header("Authorization", bearer))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")));

        var part = mvc.perform(get(fileUrl(id, fileId)).header("Authorization", bearer).header("Range", "bytes=1000-1999"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 1000-1999/300000"))
                .andExpect(header().longValue("Content-Length", 1000)).andReturn().getResponse();
        assertThat(part.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        var tail = mvc.perform(get(fileUrl(id, fileId)).header("Authorization", bearer).header("Range", "bytes=-100"))
                .andExpect(status().isPartialContent()).andExpect(header().string("Content-Range", "bytes 299900-299999/300000"))
                .andReturn().getResponse();
        assertThat(tail.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 299_900, 300_000));
        var open = mvc.perform(get(fileUrl(id, fileId)).header("Authorization", bearer).header("Range", "bytes=299990-"))
                .andExpect(status().isPartialContent()).andReturn().getResponse();
        assertThat(open.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(content, 299_990, 300_000));
        mvc.perform(get(fileUrl(id, fileId)).header("Authorization", bearer).header("Range", "bytes=300000-"))
                .andExpect(status().isRequestedRangeNotSatisfiable()).andExpect(header().string("Content-Range", "bytes */300000"));

        // The raw request body, for files larger than a multipart form allows.
        mvc.perform(post(MaterialFlows.base(school) + "/" + id + "/files?name=hinh.png").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(png()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("IMAGE")).andExpect(jsonPath("$.mediaType").value("image/png"));
        mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/files").header("Authorization", bearer))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(delete(fileUrl(id, fileId)).header("Authorization", bearer)).andExpect(status().isNoContent());
        mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/files").header("Authorization", bearer))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void emptyFilesFilesWhoseContentIsNotTheirTypeAndOthersDraftsAreRefused() throws Exception {
        UUID id = flows.draft(school, "Phiếu học tập");
        upload(id, school.bearer(Role.TEACHER), "rong.pdf", new byte[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("storage.file.empty"));
        upload(id, school.bearer(Role.TEACHER), "giả.pdf", "Đây không phải PDF".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value(org.hamcrest.Matchers.startsWith("storage.file.")))
                .andExpect(jsonPath("$.errors[0].messageEn").value(org.hamcrest.Matchers.containsString("giả.pdf")));
        var colleague = MaterialFlows.extraAccount(accounts, school.schoolId(), Role.TEACHER, "dongnghiep");
        upload(id, colleague.bearer(), "a.pdf", pdf(100, 2)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("materials.workflow.onlyAuthor"));
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        upload(id, school.bearer(Role.TEACHER), "a.pdf", pdf(100, 2)).andExpect(status().isConflict());
        mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/files").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void studentsDownloadOnlyPublishedFilesAndUseIsCounted() throws Exception {
        UUID id = flows.draft(school, "Bài giảng có tệp");
        String fileId = MaterialFlows.JSON.readTree(upload(id, school.bearer(Role.TEACHER), "bai.pdf", pdf(5000, 3))
                .andReturn().getResponse().getContentAsString()).get("id").asText();
        mvc.perform(get(fileUrl(id, fileId)).header("Authorization", school.bearer(Role.STUDENT))).andExpect(status().isNotFound());
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        mvc.perform(get(fileUrl(id, fileId)).header("Authorization", school.bearer(Role.STUDENT))).andExpect(status().isNotFound());
        ok(flows.act(school, Role.PRINCIPAL, id, "publish", null));
        mvc.perform(get(fileUrl(id, fileId)).header("Authorization", school.bearer(Role.STUDENT))).andExpect(status().isOk());
        mvc.perform(get(fileUrl(id, fileId)).header("Authorization", school.bearer(Role.STUDENT)).header("Range", "bytes=10-20"))
                .andExpect(status().isPartialContent());
        JsonNode seen = flows.detail(school, school.bearer(Role.STUDENT), id);
        assertThat(seen.get("downloads").asLong()).isEqualTo(1);
        assertThat(seen.get("views").asLong()).isEqualTo(1);

        // A file added to the approved material goes into a new draft version with the old files; students still get version 1.
        String newBody = upload(id, school.bearer(Role.TEACHER), "bo-sung.png", png()).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String newFile = MaterialFlows.JSON.readTree(newBody).get("id").asText();
        JsonNode staff = flows.detail(school, school.bearer(Role.TEACHER), id);
        assertThat(staff.get("version").get("number").asInt()).isEqualTo(2);
        assertThat(staff.get("version").get("files").size()).isEqualTo(2);
        JsonNode student = flows.detail(school, school.bearer(Role.STUDENT), id);
        assertThat(student.get("version").get("number").asInt()).isEqualTo(1);
        assertThat(student.get("version").get("files").size()).isEqualTo(1);
        mvc.perform(get(fileUrl(id, newFile)).header("Authorization", school.bearer(Role.STUDENT))).andExpect(status().isNotFound());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A real one-page PDF with a line of text (PDFBox, a standard font). */
    static byte[] realPdf(String text) throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var stream = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(72, 700);
                stream.showText(text);
                stream.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theTextOfADocumentIsKeptOnTheVersionForSearchAndCarriedToTheNextVersion() throws Exception {
        UUID id = flows.draft(school, "Tài liệu có chữ");
        upload(id, school.bearer(Role.TEACHER), "phan-so.pdf", realPdf("Phan so va so thap phan")).andExpect(status().isCreated());
        String text = jdbc.sql("SELECT search_text FROM material_version WHERE material_id = ? AND number = 1").param(id).query(String.class).single();
        assertThat(text).contains("Phan so va so thap phan");
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        ok(flows.edit(school, school.bearer(Role.TEACHER), id, MaterialFlows.content("Tài liệu có chữ, bản 2")));
        assertThat(jdbc.sql("SELECT search_text FROM material_version WHERE material_id = ? AND number = 2").param(id).query(String.class).single())
                .contains("Phan so va so thap phan");
    }

    @Test
    void teachersRateApprovedMaterialsOnly() throws Exception {
        UUID draft = flows.draft(school, "Chưa duyệt");
        mvc.perform(post(MaterialFlows.base(school) + "/" + draft + "/ratings").header("Authorization", school.bearer(Role.GROUP_HEAD))
                        .contentType(MediaType.APPLICATION_JSON).content(MaterialFlows.body(Map.of("stars", 5))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("materials.workflow.notApproved"));
        UUID id = flows.published(school, "Đã công bố");
        String url = MaterialFlows.base(school) + "/" + id + "/ratings";
        mvc.perform(post(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(Map.of("stars", 3, "comment", "Khá")))).andExpect(status().isOk());
        mvc.perform(post(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(Map.of("stars", 4, "comment", "Tốt")))).andExpect(jsonPath("$.count").value(1));
        mvc.perform(post(url).header("Authorization", school.bearer(Role.GROUP_HEAD)).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(Map.of("stars", 5)))).andExpect(jsonPath("$.count").value(2)).andExpect(jsonPath("$.average").value(4.5));
        mvc.perform(post(url).header("Authorization", school.bearer(Role.TEACHER)).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(Map.of("stars", 6)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("stars"));
        mvc.perform(get(url).header("Authorization", school.bearer(Role.STUDENT))).andExpect(jsonPath("$.ratings[?(@.stars == 4)].comment").value("Tốt"));
    }
}
