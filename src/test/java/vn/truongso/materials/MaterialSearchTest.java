package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.truongso.materials.MaterialFlows.ok;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.OrgUnits;
import vn.truongso.platform.Role;
import vn.truongso.platform.VietnameseText;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/**
 * Full-text search of materials: Vietnamese typed without diacritics or with typos, ranking (title, then description,
 * then the files' text), filters, facets, and the same visibility as the list (staff, students, officers, sibling
 * schools of the district and the city, a school elsewhere).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterialSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    JdbcClient jdbc;

    TestSchool school;
    TestSchool elsewhere;
    MaterialFlows.Extra siblingTeacher;
    MaterialFlows.Extra cityTeacher;

    @BeforeAll
    void build() throws Exception {
        school = testSchools.create();
        elsewhere = testSchools.create();
        var sibling = orgUnits.register(OrgUnits.Kind.SCHOOL, school.phongId(), "T-SSIB-" + UUID.randomUUID().toString().substring(0, 8),
                "Trường THCS Cùng Quận");
        siblingTeacher = MaterialFlows.extraAccount(accounts, sibling.id(), Role.TEACHER, "gvsib");
        var otherPhong = orgUnits.register(OrgUnits.Kind.PHONG, school.soId(), "P-SOTH-" + UUID.randomUUID().toString().substring(0, 8),
                "Phòng GDĐT Quận Khác");
        var citySchool = orgUnits.register(OrgUnits.Kind.SCHOOL, otherPhong.id(), "T-SCITY-" + UUID.randomUUID().toString().substring(0, 8),
                "Trường THCS Quận Khác");
        cityTeacher = MaterialFlows.extraAccount(accounts, citySchool.id(), Role.TEACHER, "gvcity");

        flows = new MaterialFlows(mvc);
        // The title matches "phân số"; the description; only the files' text.
        published(school, content("Phân số và các phép tính với phân số", "Bài giảng chương 2.", "TOAN", 6, "E_LECTURE"));
        published(school, content("Ôn tập chương hai", "Bài tập về phân số và số thập phân.", "TOAN", 6, "WORKSHEET"));
        UUID fileOnly = published(school, content("Đề kiểm tra giữa kỳ I", "Đề 45 phút.", "TOAN", 6, "TEST_PAPER"));
        // What the upload of a PDF/DOCX/PPTX writes (MaterialFilesTest covers the extraction itself).
        jdbc.sql("UPDATE material_version SET search_text = ? WHERE school_id = ? AND material_id = ?")
                .params("Câu 1. Rút gọn các phân số sau. Câu 2. Tính nhanh.", school.schoolId(), fileOnly).update();
        published(school, content("Đường tròn và góc nội tiếp", "Hình học lớp 9.", "TOAN", 9, "VIDEO"));
        published(school, content("Năng lượng và sự chuyển hoá năng lượng", "Khoa học tự nhiên 7.", "KHTN", 7, "E_LECTURE"));
        draft(school, content("Phân số nháp chưa nộp", "Bản nháp.", "TOAN", 6, "WORKSHEET"));
        sharedInDistrict(school, content("Phân số trong đời sống", "Chia sẻ cấp quận.", "TOAN", 6, "MULTIMEDIA"));
        UUID city = sharedInDistrict(school, content("Phân số qua trò chơi", "Chia sẻ cấp thành phố.", "TOAN", 6, "SIMULATION"));
        ok(flows.act(school, Role.PHONG_OFFICER, city, "propose-city", null));
        flows.appraisedAtUnit(school, Role.SO_OFFICER, city);
        ok(flows.act(school, Role.SO_OFFICER, city, "accept-city", null));
        published(elsewhere, content("Phân số ở trường khác", "Không được thấy.", "TOAN", 6, "E_LECTURE"));
    }

    MaterialFlows flows;

    UUID draft(TestSchool at, Map<String, Object> content) throws Exception {
        var created = flows.create(at, Role.TEACHER, content);
        ok(created);
        return MaterialFlows.id(created.andReturn().getResponse().getContentAsString());
    }

    UUID published(TestSchool at, Map<String, Object> content) throws Exception {
        UUID id = draft(at, content);
        ok(flows.act(at, Role.TEACHER, id, "submit", null));
        ok(flows.act(at, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(at, at.bearer(Role.GROUP_HEAD), id, "APPROVE", "Tốt"));
        ok(flows.act(at, Role.PRINCIPAL, id, "approve", "Đồng ý"));
        ok(flows.act(at, Role.PRINCIPAL, id, "publish", null));
        return id;
    }

    UUID sharedInDistrict(TestSchool at, Map<String, Object> content) throws Exception {
        UUID id = published(at, content);
        ok(flows.act(at, Role.PRINCIPAL, id, "propose-district", "Đề xuất"));
        flows.appraisedAtUnit(at, Role.PHONG_OFFICER, id);
        ok(flows.act(at, Role.PHONG_OFFICER, id, "accept-district", "Đạt"));
        return id;
    }

    static Map<String, Object> content(String title, String description, String subject, int grade, String kind) {
        Map<String, Object> c = new HashMap<>(MaterialFlows.content(title));
        c.put("description", description);
        c.put("subjectCode", subject);
        c.put("grades", List.of(grade));
        c.put("kind", kind);
        return c;
    }

    JsonNode search(UUID schoolId, String bearer, String params) throws Exception {
        var response = mvc.perform(get("/api/v1/schools/" + schoolId + "/materials/search?" + params).header("Authorization", bearer))
                .andExpect(status().isOk()).andReturn().getResponse();
        return MaterialFlows.JSON.readTree(response.getContentAsString());
    }

    JsonNode search(String bearer, String params) throws Exception {
        return search(school.schoolId(), bearer, params);
    }

    static List<String> titles(JsonNode result) {
        return result.get("hits").valueStream().map(h -> h.get("title").asText()).toList();
    }

    static Map<String, Long> facet(JsonNode result, String name) {
        Map<String, Long> counts = new HashMap<>();
        result.get("facets").get(name).valueStream().forEach(f -> counts.put(f.get("value").asText(), f.get("count").asLong()));
        return counts;
    }

    @Test
    void typedWithoutDiacriticsRankedTitleThenDescriptionThenFiles() throws Exception {
        JsonNode result = search(school.bearer(Role.TEACHER), "q=phan so");
        List<String> titles = titles(result);
        assertThat(titles).contains("Phân số và các phép tính với phân số", "Ôn tập chương hai", "Đề kiểm tra giữa kỳ I",
                "Phân số nháp chưa nộp", "Phân số trong đời sống", "Phân số qua trò chơi");
        assertThat(titles).doesNotContain("Đường tròn và góc nội tiếp", "Phân số ở trường khác");
        assertThat(titles.indexOf("Phân số và các phép tính với phân số")).isLessThan(titles.indexOf("Ôn tập chương hai"));
        assertThat(titles.indexOf("Ôn tập chương hai")).isLessThan(titles.indexOf("Đề kiểm tra giữa kỳ I"));
        assertThat(titles.getLast()).isEqualTo("Đề kiểm tra giữa kỳ I");
        assertThat(result.get("total").asLong()).isEqualTo(titles.size());
        // The snippet marks the original words the folded query matched.
        JsonNode description = result.get("hits").valueStream().filter(h -> h.get("title").asText().equals("Ôn tập chương hai")).findFirst()
                .orElseThrow();
        assertThat(description.get("snippet").asText()).contains("<mark>phân</mark> <mark>số</mark>");
        JsonNode file = result.get("hits").valueStream().filter(h -> h.get("title").asText().equals("Đề kiểm tra giữa kỳ I")).findFirst()
                .orElseThrow();
        assertThat(file.get("snippet").asText()).contains("<mark>phân</mark> <mark>số</mark>");
    }

    @Test
    void withDiacriticsUpperCaseAndDStroke() throws Exception {
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=PHÂN SỐ"))).contains("Phân số và các phép tính với phân số");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=duong tron"))).containsExactly("Đường tròn và góc nội tiếp");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=Đường"))).containsExactly("Đường tròn và góc nội tiếp");
        // Decomposed input (as some keyboards send it) folds the same way.
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=chuye\u0302\u0309n hoa"))).containsExactly("Năng lượng và sự chuyển hoá năng lượng");
        // A half-typed last word is a prefix.
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=nang luo"))).containsExactly("Năng lượng và sự chuyển hoá năng lượng");
    }

    @Test
    void toleratesTypos() throws Exception {
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=phan sô"))).contains("Phân số và các phép tính với phân số");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=phna so")).getFirst()).startsWith("Phân số");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=duong trnon"))).contains("Đường tròn và góc nội tiếp");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=nang luongg"))).contains("Năng lượng và sự chuyển hoá năng lượng");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=xyzw qwrt"))).isEmpty();
    }

    @Test
    void filtersAndFacets() throws Exception {
        String teacher = school.bearer(Role.TEACHER);
        assertThat(titles(search(teacher, "q=phan so&kind=WORKSHEET"))).containsExactlyInAnyOrder("Ôn tập chương hai", "Phân số nháp chưa nộp");
        assertThat(titles(search(teacher, "q=phan so&status=DRAFT"))).containsExactly("Phân số nháp chưa nộp");
        assertThat(titles(search(teacher, "grade=9"))).containsExactly("Đường tròn và góc nội tiếp");
        assertThat(titles(search(teacher, "subject=khtn"))).containsExactly("Năng lượng và sự chuyển hoá năng lượng");

        JsonNode all = search(teacher, "");
        assertThat(all.get("total").asLong()).isEqualTo(8);
        assertThat(facet(all, "subject")).isEqualTo(Map.of("TOAN", 7L, "KHTN", 1L));
        assertThat(facet(all, "grade")).isEqualTo(Map.of("6", 6L, "7", 1L, "9", 1L));
        assertThat(facet(all, "scope")).isEqualTo(Map.of("SCHOOL", 8L));

        // Each facet counts with the other filters, not its own: choosing grade 6 keeps the other grades' counts.
        JsonNode grade6 = search(teacher, "q=phan so&grade=6&kind=WORKSHEET");
        assertThat(grade6.get("total").asLong()).isEqualTo(2);
        assertThat(facet(grade6, "grade")).isEqualTo(Map.of("6", 2L));
        assertThat(facet(grade6, "kind")).containsEntry("WORKSHEET", 2L).containsEntry("E_LECTURE", 1L).containsEntry("TEST_PAPER", 1L)
                .containsEntry("MULTIMEDIA", 1L).containsEntry("SIMULATION", 1L);
        assertThat(facet(grade6, "subject")).isEqualTo(Map.of("TOAN", 2L));

        JsonNode paged = search(teacher, "q=phan so&size=2&page=2");
        assertThat(paged.get("hits").size()).isEqualTo(2);
        assertThat(paged.get("total").asLong()).isEqualTo(6);
        assertThat(titles(paged)).doesNotContainAnyElementsOf(titles(search(teacher, "q=phan so&size=2&page=1")));
    }

    @Test
    void studentsSeeOnlyWhatIsPublishedToThem() throws Exception {
        List<String> titles = titles(search(school.bearer(Role.STUDENT), "q=phan so"));
        assertThat(titles).contains("Phân số và các phép tính với phân số", "Phân số trong đời sống")
                .doesNotContain("Phân số nháp chưa nộp", "Phân số ở trường khác");
        assertThat(titles(search(school.bearer(Role.STUDENT), "q=phan so&status=DRAFT"))).isEmpty();
    }

    @Test
    void aNewDraftOfAPublishedMaterialIsWhatStaffFindWhileStudentsKeepTheLiveVersion() throws Exception {
        UUID id = published(school, content("Hệ thức lượng trong tam giác vuông", "Bản đã duyệt.", "TOAN", 9, "E_LECTURE"));
        ok(flows.edit(school, school.bearer(Role.TEACHER), id, content("Tỉ số lượng giác của góc nhọn", "Bản sửa.", "TOAN", 9, "E_LECTURE")));

        assertThat(titles(search(school.bearer(Role.TEACHER), "q=ti so luong giac"))).containsExactly("Tỉ số lượng giác của góc nhọn");
        assertThat(titles(search(school.bearer(Role.TEACHER), "q=he thuc luong"))).isEmpty();
        assertThat(titles(search(school.bearer(Role.STUDENT), "q=he thuc luong"))).containsExactly("Hệ thức lượng trong tam giác vuông");
        assertThat(titles(search(school.bearer(Role.STUDENT), "q=ti so luong giac"))).isEmpty();

        ok(flows.act(school, Role.TEACHER, id, "submit", null));
        ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", "Tốt"));
        ok(flows.act(school, Role.PRINCIPAL, id, "approve", "Đồng ý"));
        assertThat(titles(search(school.bearer(Role.STUDENT), "q=ti so luong giac"))).containsExactly("Tỉ số lượng giác của góc nhọn");
        assertThat(titles(search(school.bearer(Role.STUDENT), "q=he thuc luong"))).isEmpty();
    }

    @Test
    void officersSeeWhatReachedThem() throws Exception {
        assertThat(titles(search(school.bearer(Role.PHONG_OFFICER), "q=phan so")))
                .containsExactlyInAnyOrder("Phân số trong đời sống", "Phân số qua trò chơi");
        assertThat(titles(search(school.bearer(Role.SO_OFFICER), "q=phan so"))).containsExactly("Phân số qua trò chơi");
    }

    @Test
    void siblingSchoolsSeeWhatIsSharedInTheirDistrictAndCity() throws Exception {
        UUID sibling = accounts.find(siblingTeacher.id()).orElseThrow().homeOrgId();
        JsonNode fromSibling = search(sibling, siblingTeacher.bearer(), "q=phan so");
        assertThat(titles(fromSibling)).containsExactlyInAnyOrder("Phân số trong đời sống", "Phân số qua trò chơi");
        assertThat(fromSibling.get("hits").valueStream().map(h -> h.get("scope").asText()).distinct().toList()).containsExactly("DISTRICT");
        assertThat(facet(fromSibling, "scope")).isEqualTo(Map.of("DISTRICT", 2L));
        assertThat(titles(search(sibling, siblingTeacher.bearer(), "q=phan so&scope=school"))).isEmpty();

        UUID cityOnly = accounts.find(cityTeacher.id()).orElseThrow().homeOrgId();
        JsonNode fromCity = search(cityOnly, cityTeacher.bearer(), "q=phan so");
        assertThat(titles(fromCity)).containsExactly("Phân số qua trò chơi");
        assertThat(fromCity.get("hits").get(0).get("scope").asText()).isEqualTo("CITY");
        assertThat(titles(search(cityOnly, cityTeacher.bearer(), "q=phan so&scope=district"))).isEmpty();

        // A school in another city sees none of it.
        assertThat(titles(search(elsewhere.schoolId(), elsewhere.bearer(Role.TEACHER), "q=phan so"))).containsExactly("Phân số ở trường khác");
    }

    @Test
    void authorisation() throws Exception {
        String url = "/api/v1/schools/" + school.schoolId() + "/materials/search?q=phan+so";
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", school.bearer(Role.PARENT))).andExpect(status().isForbidden());
        mvc.perform(get(url).header("Authorization", elsewhere.bearer(Role.PRINCIPAL))).andExpect(status().isNotFound());
        mvc.perform(get(url).header("Authorization", elsewhere.bearer(Role.STUDENT))).andExpect(status().isNotFound());
        // A sibling school's teacher searches from her own school, not from this one.
        mvc.perform(get(url).header("Authorization", siblingTeacher.bearer())).andExpect(status().isNotFound());
        mvc.perform(get(url + "&scope=county").header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isBadRequest());
        mvc.perform(get(url + "&page=0").header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isBadRequest());
        mvc.perform(get(url + "&q=" + "a".repeat(201)).header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isBadRequest());
    }

    @Test
    void searchPageShowsHitsSnippetsAndFacets() throws Exception {
        var teacher = WebUsers.user(accounts, school, Role.TEACHER);
        String page = mvc.perform(get("/schools/" + school.schoolId() + "/materials/search?q=phna+so&grade=6").with(WebUsers.as(teacher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Phân số và các phép tính với phân số", "<mark>phân</mark>", "id=\"facets\"", "Của trường", "Lớp 6")
                .doesNotContain("Phân số ở trường khác", "Đường tròn và góc nội tiếp");
        // The list and the library offer the search box.
        assertThat(mvc.perform(get("/schools/" + school.schoolId() + "/materials").with(WebUsers.as(teacher))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"material-search\"");
        mvc.perform(get("/schools/" + school.schoolId() + "/materials/search?q=phan+so")
                .with(WebUsers.as(WebUsers.user(accounts, elsewhere, Role.TEACHER)))).andExpect(status().isNotFound());
    }

    @Test
    void sqlFoldIsJavaFold() {
        StringBuilder letters = new StringBuilder("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ");
        letters.append(letters.toString().toUpperCase());
        List<String> samples = List.of(letters.toString(), "  Nguyễn   Văn  ĐỨC ", "Tiếng Việt\tlớp\n6", "façade naïve", "hoá học",
                java.text.Normalizer.normalize("Trường Sơn Đông", java.text.Normalizer.Form.NFD));
        for (String sample : samples) {
            assertThat(jdbc.sql("SELECT truongso_fold(?)").param(sample).query(String.class).single()).as(sample)
                    .isEqualTo(VietnameseText.fold(sample));
        }
    }
}
