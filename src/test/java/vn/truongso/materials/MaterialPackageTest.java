package vn.truongso.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import vn.truongso.materials.packages.TestPackages;
import vn.truongso.platform.Accounts;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;
import vn.truongso.support.WebUsers;

/** A SCORM package attached to a material becomes a playable content package; a broken one is refused and leaves nothing. */
@IntegrationTest
class MaterialPackageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private ResultActions upload(TestSchool school, UUID id, String name, byte[] content) throws Exception {
        return mvc.perform(multipart(MaterialFlows.base(school) + "/" + id + "/files")
                .file(new MockMultipartFile("file", name, "application/zip", content)).header("Authorization", school.bearer(Role.TEACHER)));
    }

    @Test
    void anAttachedScormPackageIsImportedAndPlayedFromTheMaterialPage() throws Exception {
        TestSchool school = testSchools.create();
        MaterialFlows flows = new MaterialFlows(mvc);
        UUID id = flows.draft(school, "Bài giảng tương tác: Phân số");

        JsonNode file = MaterialFlows.JSON.readTree(upload(school, id, "phan-so-scorm.zip", TestPackages.scorm12())
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String packageId = file.get("packageId").asString();
        assertThat(jdbc.sql("SELECT standard FROM content_package WHERE school_id = ? AND id = ?")
                .params(school.schoolId(), UUID.fromString(packageId)).query(String.class).single()).isEqualTo("SCORM_12");

        var teacher = WebUsers.as(WebUsers.user(accounts, school, Role.TEACHER));
        String page = mvc.perform(get("/schools/" + school.schoolId() + "/materials/" + id).with(teacher)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/schools/" + school.schoolId() + "/materials/" + id + "/files/" + file.get("id").asString() + "/play");
        mvc.perform(get("/schools/" + school.schoolId() + "/packages/" + packageId + "/play").with(teacher)).andExpect(status().isOk());
    }

    @Test
    void aPublishedMaterialExportsAsScormAndCommonCartridgeForAnyLms() throws Exception {
        TestSchool school = testSchools.create();
        MaterialFlows flows = new MaterialFlows(mvc);
        UUID id = flows.draft(school, "Phiếu học tập: Phân số");
        mvc.perform(multipart(MaterialFlows.base(school) + "/" + id + "/files")
                .file(new MockMultipartFile("file", "phieu.pdf", "application/pdf", "%PDF-1.4 phiếu".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isCreated());
        MaterialFlows.ok(flows.act(school, Role.TEACHER, id, "submit", null));
        MaterialFlows.ok(flows.act(school, Role.GROUP_HEAD, id, "start-appraisal", null));
        MaterialFlows.ok(flows.appraise(school, school.bearer(Role.GROUP_HEAD), id, "APPROVE", null));
        MaterialFlows.ok(flows.act(school, Role.PRINCIPAL, id, "approve", null));
        MaterialFlows.ok(flows.act(school, Role.PRINCIPAL, id, "publish", null));

        byte[] scorm = mvc.perform(get(MaterialFlows.base(school) + "/" + id + "/export/scorm12").header("Authorization", school.bearer(Role.STUDENT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(entries(scorm)).contains("imsmanifest.xml", "index.html", "files/phieu.pdf");
        byte[] cartridge = mvc.perform(get(MaterialFlows.base(school) + "/export/common-cartridge").param("ids", id.toString())
                .header("Authorization", school.bearer(Role.TEACHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(entries(cartridge)).contains("imsmanifest.xml").anyMatch(name -> name.endsWith("phieu.pdf"));
        // Another school's material is not found, so nothing is written.
        TestSchool other = testSchools.create();
        mvc.perform(get(MaterialFlows.base(other) + "/export/common-cartridge").param("ids", id.toString())
                .header("Authorization", other.bearer(Role.TEACHER))).andExpect(status().isNotFound());
    }

    private static java.util.List<String> entries(byte[] zip) throws Exception {
        var names = new java.util.ArrayList<String>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void aBrokenPackageIsRefusedWithItsReasonAndStoresNothing() throws Exception {
        TestSchool school = testSchools.create();
        UUID id = new MaterialFlows(mvc).draft(school, "Gói hỏng");
        byte[] noLaunchFile = TestPackages.zip(Map.of("imsmanifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="o"><organization identifier="o"><title>T</title>
                    <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
                  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="khong-co.html"/></resources>
                </manifest>
                """));
        upload(school, id, "hong.zip", noLaunchFile).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM material_file WHERE school_id = ?").param(school.schoolId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM content_package WHERE school_id = ?").param(school.schoolId()).query(Long.class).single()).isZero();
    }
}
