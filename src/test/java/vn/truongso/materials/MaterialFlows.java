package vn.truongso.materials;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.truongso.platform.Accounts;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Role;
import vn.truongso.platform.RoleGrant;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** Drives materials through the JSON API for tests, as the users of a test school. */
final class MaterialFlows {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    MaterialFlows(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, Object> content(String title) {
        return Map.of("title", title, "description", "Mô tả " + title, "kind", "E_LECTURE", "subjectCode", "TOAN", "grades", List.of(6),
                "licence", "CC BY 4.0", "authors", List.of("Phạm Thị Giáo"), "competencies", List.of("Tư duy và lập luận toán học"));
    }

    static String base(TestSchool school) {
        return "/api/v1/schools/" + school.schoolId() + "/materials";
    }

    ResultActions create(TestSchool school, Role role, Map<String, Object> content) throws Exception {
        return mvc.perform(post(base(school)).header("Authorization", school.bearer(role)).contentType(MediaType.APPLICATION_JSON)
                .content(body(content)));
    }

    /** Creates a material as the school's teacher and returns its id. */
    UUID draft(TestSchool school, String title) throws Exception {
        return id(create(school, Role.TEACHER, content(title)).andReturn().getResponse().getContentAsString());
    }

    ResultActions act(TestSchool school, Role role, UUID materialId, String action, String comment) throws Exception {
        return act(school, school.bearer(role), materialId, action, comment, null);
    }

    ResultActions act(TestSchool school, String bearer, UUID materialId, String action, String comment, List<UUID> council) throws Exception {
        Map<String, Object> request = new java.util.HashMap<>();
        if (comment != null) {
            request.put("comment", comment);
        }
        if (council != null) {
            request.put("council", council);
        }
        return mvc.perform(post(base(school) + "/" + materialId + "/actions/" + action).header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body(request)));
    }

    ResultActions appraise(TestSchool school, String bearer, UUID materialId, String recommendation, String comment) throws Exception {
        List<Map<String, String>> criteria = List.of("ACCURACY", "OUTCOMES", "PEDAGOGY", "TECHNICAL", "COPYRIGHT").stream()
                .map(c -> Map.of("criterion", c, "verdict", "RETURN".equals(recommendation) && c.equals("PEDAGOGY") ? "NEEDS_WORK" : "PASS",
                        "comment", "Nhận xét " + c))
                .toList();
        Map<String, Object> request = new java.util.HashMap<>(Map.of("recommendation", recommendation, "criteria", criteria));
        if (comment != null) {
            request.put("comment", comment);
        }
        return mvc.perform(post(base(school) + "/" + materialId + "/appraisals").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body(request)));
    }

    ResultActions edit(TestSchool school, String bearer, UUID materialId, Map<String, Object> content) throws Exception {
        return mvc.perform(put(base(school) + "/" + materialId).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(body(content)));
    }

    JsonNode detail(TestSchool school, String bearer, UUID materialId) throws Exception {
        return JSON.readTree(mvc.perform(get(base(school) + "/" + materialId).header("Authorization", bearer)).andReturn().getResponse()
                .getContentAsString());
    }

    /** Takes a new draft of the teacher's through the school's appraisal and the principal's approval. */
    UUID approved(TestSchool school, String title) throws Exception {
        UUID id = draft(school, title);
        ok(act(school, Role.TEACHER, id, "submit", null));
        ok(act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        ok(appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", "Tốt"));
        ok(act(school, Role.PRINCIPAL, id, "approve", "Đồng ý"));
        return id;
    }

    UUID published(TestSchool school, String title) throws Exception {
        UUID id = approved(school, title);
        ok(act(school, Role.PRINCIPAL, id, "publish", null));
        return id;
    }

    UUID sharedInDistrict(TestSchool school, String title) throws Exception {
        UUID id = published(school, title);
        ok(act(school, Role.PRINCIPAL, id, "propose-district", "Đề xuất"));
        appraisedAtUnit(school, Role.PHONG_OFFICER, id);
        ok(act(school, Role.PHONG_OFFICER, id, "accept-district", "Đạt"));
        return id;
    }

    /** The Phòng (or Sở) officer appraises the proposal alone, with his unit's rubric (the default), and recommends it. */
    void appraisedAtUnit(TestSchool school, Role officer, UUID id) throws Exception {
        ok(act(school, officer, id, officer == Role.SO_OFFICER ? "start-city-appraisal" : "start-district-appraisal", null));
        ok(appraise(school, school.bearer(officer), id, "APPROVE", "Đạt"));
    }

    static void ok(ResultActions result) throws Exception {
        int status = result.andReturn().getResponse().getStatus();
        if (status / 100 != 2) {
            throw new AssertionError("expected success, got " + status + ": " + result.andReturn().getResponse().getContentAsString());
        }
    }

    static UUID id(String json) {
        return UUID.fromString(JSON.readTree(json).get("id").asText());
    }

    /** An extra account: its id and the Authorization header value of its API token. */
    record Extra(UUID id, String bearer) {
    }

    /** Another account with one role at a unit (a second teacher, a council member, a teacher of a sibling school). */
    static Extra extraAccount(Accounts accounts, UUID unitId, Role role, String label) {
        String username = "extra." + label + "." + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.create(new Accounts.NewAccount(username, "Thành viên " + label, unitId, null,
                List.of(new RoleGrant(role, unitId))), TestSchools.PASSWORD, false);
        var summary = accounts.find(id).orElseThrow();
        var user = new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.homeOrgId(), summary.personId(), "vi",
                summary.grants());
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return new Extra(id, "Bearer " + accounts.issueApiToken(user, "test", 30));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
