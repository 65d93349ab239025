package vn.truongso.questions.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.Role;
import vn.truongso.questions.TestPapers;
import vn.truongso.questions.types.QuestionTypes;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** Blueprints and papers end to end against the real database: validation, generation, storage, TestPapers, Word files. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PapersApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaperFixtures fixtures;
    @Autowired
    TestPapers testPapers;

    TestSchool school;
    UUID bankId;
    List<UUID> archived;

    @BeforeAll
    void bank() {
        school = testSchools.create();
        bankId = fixtures.bank(school.schoolId(), "Toán 6 – học kì I");
        fixtures.add(school.schoolId(), bankId, "Chương 1", "BIET", QuestionTypes.SINGLE_CHOICE, 12);
        fixtures.add(school.schoolId(), bankId, "Chương 1", "HIEU", QuestionTypes.SINGLE_CHOICE, 8);
        fixtures.add(school.schoolId(), bankId, "Chương 1", "HIEU", QuestionTypes.TRUE_FALSE_CLUSTER, 4);
        fixtures.add(school.schoolId(), bankId, "Chương 2", "VAN_DUNG", QuestionTypes.SHORT_ANSWER, 6);
        fixtures.add(school.schoolId(), bankId, "Chương 2", "VAN_DUNG", QuestionTypes.ESSAY, 2);
        archived = fixtures.add(school.schoolId(), bankId, "Chương 1", "BIET", QuestionTypes.SINGLE_CHOICE, 5);
        archived.forEach(id -> jdbc.sql("UPDATE question SET status = 'ARCHIVED' WHERE school_id = ? AND id = ?").params(school.schoolId(), id)
                .update());
    }

    String blueprints() {
        return "/api/v1/schools/" + school.schoolId() + "/blueprints";
    }

    String papers() {
        return "/api/v1/schools/" + school.schoolId() + "/test-papers";
    }

    JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    AbstractMockHttpServletRequestBuilder<?> as(AbstractMockHttpServletRequestBuilder<?> r, Role role, String body) {
        r.header("Authorization", school.bearer(role));
        if (body != null) {
            r.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return r;
    }

    String blueprint(String name, int sc1, String extraCell) {
        return """
                {"name": "%s", "subjectCode": "Toán", "grade": 6, "durationMinutes": 45, "cognitiveScheme": "BHV",
                 "bankIds": ["%s"],
                 "cells": [
                   {"chapter": "Chương 1", "level": "Biết", "type": "SINGLE_CHOICE", "count": %d, "pointsEach": 0.25},
                   {"chapter": "Chương 1", "level": "HIEU", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 0.25},
                   {"chapter": "Chương 1", "level": "HIEU", "type": "TRUE_FALSE_CLUSTER", "count": 2, "pointsEach": 1},
                   {"chapter": "Chương 2", "level": "VAN_DUNG", "type": "SHORT_ANSWER", "count": 4, "pointsEach": 0.5},
                   {"chapter": "Chương 2", "level": "VAN_DUNG", "type": "ESSAY", "count": 1, "pointsEach": %s}%s
                 ],
                 "specs": [{"chapter": "Chương 1", "level": "BIET", "description": "Nhận biết số tự nhiên"}]}
                """.formatted(name, bankId, sc1, sc1 == 8 ? "3" : String.valueOf(5 - sc1 * 0.25), extraCell);
    }

    UUID createBlueprint(String name, int sc1) throws Exception {
        JsonNode b = call(as(post(blueprints()), Role.TEACHER, blueprint(name, sc1, "")), 201);
        return UUID.fromString(b.get("id").asString());
    }

    @Test
    void aTeacherBuildsABlueprintWithItsTotals() throws Exception {
        JsonNode b = call(as(post(blueprints()), Role.TEACHER, blueprint("Giữa kì I", 8, "")), 201);
        assertThat(b.get("subjectCode").asString()).isEqualTo("TOAN");
        assertThat(b.get("questionCount").asInt()).isEqualTo(19);
        assertThat(b.get("points").decimalValue()).isEqualByComparingTo("10");
        assertThat(b.get("cells").get(0).get("level").asString()).isEqualTo("BIET");
        JsonNode biet = b.get("byLevel").get(0);
        assertThat(biet.get("label").asString()).isEqualTo("Biết");
        assertThat(biet.get("labelEn").asString()).isEqualTo("Know");
        assertThat(biet.get("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(biet.get("percent").decimalValue()).isEqualByComparingTo("20");
        JsonNode chapter2 = b.get("byTopic").get(1);
        assertThat(chapter2.get("label").asString()).isEqualTo("Chương 2");
        assertThat(chapter2.get("percent").decimalValue()).isEqualByComparingTo("50");
        String id = b.get("id").asString();
        // a change, then a read by the principal
        call(as(put(blueprints() + "/" + id), Role.GROUP_HEAD, blueprint("Giữa kì I (sửa)", 8, "")), 200);
        JsonNode read = call(as(get(blueprints() + "/" + id), Role.PRINCIPAL, null), 200);
        assertThat(read.get("name").asString()).isEqualTo("Giữa kì I (sửa)");
        assertThat(read.get("specs").get(0).get("description").asString()).isEqualTo("Nhận biết số tự nhiên");
        assertThat(audited("papers.blueprint.created") + audited("papers.blueprint.updated")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBadBlueprintNamesEveryBadCellAndStoresNothing() throws Exception {
        long before = count("blueprint");
        String bad = """
                {"name": "", "durationMinutes": 0, "bankIds": [],
                 "cells": [
                   {"chapter": "Chương 1", "level": "Siêu khó", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 0.25},
                   {"chapter": "Chương 1", "level": "BIET", "type": "SINGLE_CHOICE", "count": -2, "pointsEach": 0.25},
                   {"level": "BIET", "type": "ESSAY", "count": 1, "pointsEach": 3},
                   {"chapter": "Chương 2", "level": "BIET", "type": "SINGLE_CHOICE", "count": 36, "pointsEach": 0.25}
                 ]}""";
        JsonNode problem = call(as(post(blueprints()), Role.TEACHER, bad), 400);
        String all = problem.toString();
        assertThat(all).contains("Cần nhập tên ma trận đề", "Thời gian làm bài", "ít nhất một ngân hàng", "Siêu khó",
                "Chương 1 – Biết – Một lựa chọn: số câu phải từ 0 đến 200", "Cần chọn chủ đề hoặc nhập tên chương",
                "Tổng điểm các ô là 13, nhưng đề có tổng điểm 10", "Cell Chương 1 – Know – Single choice: the number of questions must be 0 to 200");
        assertThat(count("blueprint")).isEqualTo(before);
    }

    @Test
    void aPaperIsGeneratedStoredAndReadByTheTestingEngine() throws Exception {
        UUID blueprintId = createBlueprint("Cuối kì I", 8);
        JsonNode paper = call(as(post(papers()), Role.TEACHER, """
                {"blueprintId": "%s", "variants": 3, "seed": 20261123, "title": "Kiểm tra cuối học kì I"}""".formatted(blueprintId)), 201);
        String paperId = paper.get("paper").get("id").asString();
        assertThat(paper.get("paper").get("codes").toString()).isEqualTo("[\"101\",\"102\",\"103\"]");
        assertThat(paper.get("paper").get("totalPoints").decimalValue()).isEqualByComparingTo("10");
        JsonNode variants = paper.get("variants");
        Set<String> first = new HashSet<>();
        variants.get(0).get("items").forEach(i -> first.add(i.get("questionId").asString()));
        assertThat(first).hasSize(19);
        for (JsonNode v : variants) {
            Set<String> ids = new HashSet<>();
            v.get("items").forEach(i -> ids.add(i.get("questionId").asString()));
            assertThat(ids).isEqualTo(first);
            assertThat(v.get("items").get(0).get("part").asInt()).isEqualTo(1);
            assertThat(v.get("items").get(0).get("key").asString()).matches("[ABCD]");
        }
        assertThat(first).doesNotContainAnyElementsOf(archived.stream().map(UUID::toString).toList());

        TestPapers.Paper read = testPapers.find(school.schoolId(), UUID.fromString(paperId)).orElseThrow();
        assertThat(read.title()).isEqualTo("Kiểm tra cuối học kì I");
        assertThat(read.variants()).hasSize(3);
        assertThat(read.variants().get(1).items()).hasSize(19);
        assertThat(read.variants().get(1).items().get(0).optionOrder()).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(read.variants().get(1).items().get(0).questionId().toString())
                .isEqualTo(variants.get(1).get("items").get(0).get("questionId").asString());
        assertThat(testPapers.find(testSchools.create().schoolId(), UUID.fromString(paperId))).isEmpty();

        // the same seed draws the same paper again
        JsonNode again = call(as(post(papers()), Role.TEACHER, """
                {"blueprintId": "%s", "variants": 3, "seed": 20261123}""".formatted(blueprintId)), 201);
        assertThat(again.get("variants")).isEqualTo(variants);

        // the list, the detail and the audit
        JsonNode list = call(as(get(papers()), Role.VICE_PRINCIPAL, null), 200);
        assertThat(list.toString()).contains(paperId);
        call(as(get(papers() + "/" + paperId), Role.PRINCIPAL, null), 200);
        assertThat(audited("papers.paper.generated")).isGreaterThanOrEqualTo(2);

        // the Word files: every variant, the answer key and the sheet in one zip
        byte[] zip = mvc.perform(get(papers() + "/" + paperId + "/download").header("Authorization", school.bearer(Role.TEACHER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                if (e.getName().endsWith("ma-de-102.docx")) {
                    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(in.readAllBytes()))) {
                        String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
                        assertThat(text).contains("Mã đề 102", "PHẦN I.", "PHẦN II.", "PHẦN III.", "PHẦN IV.");
                        assertThat(doc.getTables().getFirst().getText()).contains("PHÒNG THỬ NGHIỆM", "TRƯỜNG THCS THỬ NGHIỆM",
                                "KIỂM TRA CUỐI HỌC KÌ I", "Môn: Toán – Lớp 6");
                    }
                }
            }
        }
        assertThat(names).containsExactly("kiem-tra-cuoi-hoc-ki-i-ma-de-101.docx", "kiem-tra-cuoi-hoc-ki-i-ma-de-102.docx",
                "kiem-tra-cuoi-hoc-ki-i-ma-de-103.docx", "kiem-tra-cuoi-hoc-ki-i-dap-an.docx", "kiem-tra-cuoi-hoc-ki-i-phieu-tra-loi.docx");
        for (String path : List.of("/variants/101/docx", "/answer-key/docx", "/answer-sheet/docx")) {
            byte[] docx = mvc.perform(get(papers() + "/" + paperId + path).header("Authorization", school.bearer(Role.TEACHER)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                assertThat(doc.getParagraphs()).isNotEmpty();
            }
        }
        call(as(get(papers() + "/" + paperId + "/variants/999/docx"), Role.TEACHER, null), 404);

        call(as(delete(papers() + "/" + again.get("paper").get("id").asString()), Role.TEACHER, null), 204);
        assertThat(audited("papers.paper.deleted")).isEqualTo(1);
    }

    @Test
    void aShortBankListsEveryShortCellAndStoresNoPaper() throws Exception {
        UUID blueprintId = createBlueprint("Quá nhiều câu", 8);
        // 12 live "Chương 1 – Biết" questions (5 more are archived) and 4 clusters: ask for 16 and 6
        String tooMany = """
                {"name": "Quá nhiều câu", "subjectCode": "TOAN", "grade": 6, "durationMinutes": 45, "bankIds": ["%s"],
                 "cells": [
                   {"chapter": "Chương 1", "level": "BIET", "type": "SINGLE_CHOICE", "count": 16, "pointsEach": 0.125},
                   {"chapter": "Chương 1", "level": "HIEU", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 0.25},
                   {"chapter": "Chương 1", "level": "HIEU", "type": "TRUE_FALSE_CLUSTER", "count": 6, "pointsEach": 0.5},
                   {"chapter": "Chương 2", "level": "VAN_DUNG", "type": "SHORT_ANSWER", "count": 4, "pointsEach": 0.5},
                   {"chapter": "Chương 2", "level": "VAN_DUNG", "type": "ESSAY", "count": 1, "pointsEach": 2}
                 ]}""".formatted(bankId);
        call(as(put(blueprints() + "/" + blueprintId), Role.TEACHER, tooMany), 200);
        JsonNode shortages = call(as(get(blueprints() + "/" + blueprintId + "/shortages"), Role.TEACHER, null), 200);
        assertThat(shortages.get("ready").asBoolean()).isFalse();
        long papersBefore = count("test_paper");
        JsonNode problem = call(as(post(papers()), Role.TEACHER, "{\"blueprintId\": \"%s\"}".formatted(blueprintId)), 400);
        assertThat(problem.toString()).contains("Chủ đề Chương 1 – Biết – Một lựa chọn: cần 16, ngân hàng có 12",
                "Chủ đề Chương 1 – Hiểu – Đúng/Sai (4 ý): cần 6, ngân hàng có 4", "Topic Chương 1 – Know – Single choice: needs 16, the banks have 12");
        assertThat(count("test_paper")).isEqualTo(papersBefore);
    }

    @Test
    void recentlyUsedQuestionsAreAvoidedWhenAsked() throws Exception {
        String small = """
                {"name": "Mười lăm phút", "durationMinutes": 15, "totalPoints": 10, "bankIds": ["%s"],
                 "cells": [{"chapter": "Chương 1", "level": "HIEU", "type": "SINGLE_CHOICE", "count": 4, "pointsEach": 2.5}]}""".formatted(bankId);
        JsonNode b = call(as(post(blueprints()), Role.TEACHER, small), 201);
        String id = b.get("id").asString();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            JsonNode p = call(as(post(papers()), Role.TEACHER, "{\"blueprintId\": \"%s\", \"variants\": 1, \"avoidRecentDays\": 30}".formatted(id)), 201);
            p.get("variants").get(0).get("items").forEach(item -> assertThat(seen.add(item.get("questionId").asString())).isTrue());
        }
        assertThat(seen).hasSize(8);
    }

    @Test
    void badGenerationRequestsAreRefused() throws Exception {
        UUID blueprintId = createBlueprint("Mã đề lạ", 8);
        JsonNode problem = call(as(post(papers()), Role.TEACHER, """
                {"blueprintId": "%s", "codes": ["101", "101", "1 0"], "mode": "RANDOM", "avoidRecentDays": -1}""".formatted(blueprintId)), 400);
        assertThat(problem.toString()).contains("Mã đề 101 bị lặp lại", "Mã đề \\\"1 0\\\" không hợp lệ", "RANDOM", "Số ngày");
        JsonNode codes = call(as(post(papers()), Role.TEACHER, """
                {"blueprintId": "%s", "codes": ["A1", "B2"], "mode": "fresh"}""".formatted(blueprintId)), 201);
        assertThat(codes.get("paper").get("codes").toString()).isEqualTo("[\"A1\",\"B2\"]");
        assertThat(codes.get("paper").get("mode").asString()).isEqualTo("FRESH");
    }

    @Test
    void anArchivedBankGivesNoQuestions() throws Exception {
        UUID archivedBank = fixtures.bank(school.schoolId(), "Ngân hàng cũ");
        fixtures.add(school.schoolId(), archivedBank, "Chương 9", "BIET", QuestionTypes.SINGLE_CHOICE, 5);
        jdbc.sql("UPDATE question_bank SET status = 'ARCHIVED' WHERE school_id = ? AND id = ?").params(school.schoolId(), archivedBank).update();
        JsonNode b = call(as(post(blueprints()), Role.TEACHER, """
                {"name": "Chương 9", "durationMinutes": 15, "bankIds": ["%s"],
                 "cells": [{"chapter": "Chương 9", "level": "BIET", "type": "SINGLE_CHOICE", "count": 2, "pointsEach": 5}]}""".formatted(archivedBank)),
                201);
        JsonNode problem = call(as(post(papers()), Role.TEACHER, "{\"blueprintId\": \"%s\"}".formatted(b.get("id").asString())), 400);
        assertThat(problem.toString()).contains("Chủ đề Chương 9 – Biết – Một lựa chọn: cần 2, ngân hàng có 0");
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE school_id = ?").param(school.schoolId()).query(Long.class).single();
    }

    long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_unit_id = ? AND action = ?").params(school.schoolId(), action)
                .query(Long.class).single();
    }
}
