package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;
import static vn.truongso.support.WebUsers.as;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * Two people editing the same material: a save based on what they read before someone else's change is refused with
 * the names of who changed which fields and when, in Vietnamese and English, and nothing is overwritten.
 */
@IntegrationTest
class EditConflictTest {

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

    private String etag(UUID id, String bearer) throws Exception {
        return mvc.perform(get(MaterialFlows.base(school) + "/" + id).header("Authorization", bearer)).andExpect(status().isOk())
                .andExpect(header().exists("ETag")).andReturn().getResponse().getHeader("ETag");
    }

    private ResultActions save(UUID id, String bearer, String title, String description, String ifMatch, Integer rowVersion) throws Exception {
        Map<String, Object> content = new HashMap<>(MaterialFlows.content(title));
        content.put("description", description);
        if (rowVersion != null) {
            content.put("rowVersion", rowVersion);
        }
        var request = put(MaterialFlows.base(school) + "/" + id).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(content));
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return MaterialFlows.JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theSecondSaveOfTheSameDraftIsRefusedNamingWhatChangedAndNothingIsOverwritten() throws Exception {
        String teacher = school.bearer(Role.TEACHER);
        UUID id = flows.draft(school, "Phân số");
        String read = etag(id, teacher);
        // Two windows (or devices) of the author open the same draft; the first saves.
        save(id, teacher, "Phân số – bản của cửa sổ 1", "Mô tả mới", read, null).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (Integer.parseInt(read.replace("\"", "")) + 1) + "\""));
        // The second, still based on what it read, is refused.
        JsonNode problem = body(save(id, teacher, "Phân số – bản của cửa sổ 2", "Mô tả khác", read, null)
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("materials.error.editConflict")));
        assertThat(problem.get("detail").asString()).contains("CHƯA được lưu").contains("không có gì bị ghi đè").contains("Người dùng TEACHER")
                .contains("sửa lúc").contains("tên học liệu, mô tả");
        assertThat(problem.get("detailEn").asString()).contains("NOT saved").contains("title, description");
        assertThat(problem.get("changes").get(0).get("fields").valueStream().map(JsonNode::asString).toList()).containsExactly("title", "description");
        assertThat(problem.get("currentRowVersion").asInt()).isEqualTo(problem.get("expectedRowVersion").asInt() + 1);
        JsonNode stored = flows.detail(school, teacher, id);
        assertThat(stored.get("version").get("title").asString()).isEqualTo("Phân số – bản của cửa sổ 1");
        assertThat(stored.get("version").get("description").asString()).isEqualTo("Mô tả mới");

        // The same with the row version in the body: 409.
        save(id, teacher, "Phân số – cửa sổ 2", "x", null, Integer.parseInt(read.replace("\"", ""))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("materials.error.editConflict"));
        // Based on the current version it saves; without any precondition it saves as before.
        String current = etag(id, teacher);
        save(id, teacher, "Phân số – đã hợp nhất", "Mô tả mới", "W/" + current, null).andExpect(status().isOk());
        save(id, teacher, "Phân số – không kiểm tra", "Mô tả mới", null, null).andExpect(status().isOk());
        save(id, teacher, "Phân số", "x", "\"bảy\"", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].location.field").value("If-Match"));
        mvc.perform(put(MaterialFlows.base(school) + "/" + id).header("If-Match", current).contentType(MediaType.APPLICATION_JSON)
                .content(MaterialFlows.body(MaterialFlows.content("x")))).andExpect(status().isUnauthorized());
    }

    @Test
    void twoTeachersEditingTheApprovedMaterialTheSecondIsToldTheFirstStartedANewVersion() throws Exception {
        UUID id = flows.approved(school, "Số nguyên");
        var second = MaterialFlows.extraAccount(accounts, school.schoolId(), Role.TEACHER, "gv2");
        String read = etag(id, second.bearer());
        assertThat(etag(id, school.bearer(Role.TEACHER))).isEqualTo(read);
        save(id, school.bearer(Role.TEACHER), "Số nguyên (v2)", "Bổ sung", read, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.version.number").value(2));
        JsonNode problem = body(save(id, second.bearer(), "Số nguyên (bản khác)", "Khác", read, null).andExpect(status().isPreconditionFailed()));
        assertThat(problem.get("detail").asString()).contains("tạo phiên bản mới");
        assertThat(flows.detail(school, school.bearer(Role.PRINCIPAL), id).get("version").get("title").asString()).isEqualTo("Số nguyên (v2)");
        // A workflow move in between is named too.
        String before = etag(id, school.bearer(Role.TEACHER));
        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.TEACHER, id, "withdraw", "Chưa xong"));
        problem = body(save(id, school.bearer(Role.TEACHER), "Số nguyên (v3)", "x", before, null).andExpect(status().isPreconditionFailed()));
        assertThat(problem.get("detail").asString()).contains("gửi thẩm định").contains("rút lại");
        assertThat(problem.get("detailEn").asString()).contains("withdraw");
    }

    @Test
    void theEditPageCarriesTheVersionAndShowsTheConflictKeepingWhatTheUserTyped() throws Exception {
        UUID id = flows.draft(school, "Tỉ lệ thức");
        var teacher = as(WebUsers.user(accounts, school, Role.TEACHER));
        String page = "/schools/" + school.schoolId() + "/materials/" + id;
        String form = mvc.perform(get(page + "/edit").with(teacher)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String rowVersion = form.replaceAll("(?s).*name=\"rowVersion\" value=\"(\\d+)\".*", "$1");
        assertThat(rowVersion).matches("\\d+");
        // Meanwhile the same draft is saved from another window.
        save(id, school.bearer(Role.TEACHER), "Tỉ lệ thức – cửa sổ khác", "Mô tả Tỉ lệ thức", null, null).andExpect(status().isOk());
        String answer = mvc.perform(post(page).with(teacher).with(csrf()).param("rowVersion", rowVersion).param("title", "Tỉ lệ thức – trang")
                .param("description", "Mô tả").param("kind", "E_LECTURE").param("subjectCode", "TOAN").param("grades", "6")
                .param("licence", "CC BY 4.0").param("language", "vi").param("authors", "Phạm Thị Giáo"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("form-errors").contains("CHƯA được lưu").contains("tên học liệu").contains("Tỉ lệ thức – trang")
                .doesNotContain("name=\"rowVersion\" value=\"" + rowVersion + "\"");
        assertThat(flows.detail(school, school.bearer(Role.TEACHER), id).get("version").get("title").asString()).isEqualTo("Tỉ lệ thức – cửa sổ khác");
    }
}
