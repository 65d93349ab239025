package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.Role;
import vn.truongso.support.IntegrationTest;
import vn.truongso.support.TestSchools;
import vn.truongso.support.TestSchools.TestSchool;

/** Importing packages through the API: the three standards parsed, files stored once, and every broken package refused. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    BlobStore blobs;

    TestSchool school;
    TestSchool otherSchool;

    @BeforeAll
    void createSchools() {
        school = testSchools.create();
        otherSchool = testSchools.create();
    }

    ResultActions upload(TestSchool s, String path, byte[] zip) throws Exception {
        return mvc.perform(multipart("/api/v1/schools/" + s.schoolId() + "/packages" + path)
                .file(new MockMultipartFile("file", "goi.zip", "application/zip", zip))
                .header("Authorization", s.bearer(Role.TEACHER)));
    }

    JsonNode imported(TestSchool s, byte[] zip) throws Exception {
        return json.readTree(upload(s, "", zip).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void scorm12IsImportedWithItsStructureAndEveryFileIndexed() throws Exception {
        JsonNode p = imported(school, TestPackages.scorm12());
        assertThat(p.path("standard").asString()).isEqualTo("SCORM_12");
        assertThat(p.path("version").asString()).isEqualTo("1.2");
        assertThat(p.path("title").asString()).isEqualTo("Toán 6 – Phân số");
        assertThat(p.path("launchPath").asString()).isEqualTo("bai1/index.html");
        JsonNode items = p.path("structure").path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("launchPath").isNull()).isTrue();
        assertThat(items.get(1).path("id").asString()).isEqualTo("bai1");
        assertThat(items.get(1).path("depth").asInt()).isEqualTo(1);
        assertThat(items.get(1).path("scormType").asString()).isEqualTo("sco");
        assertThat(items.get(1).path("masteryScore").asString()).isEqualTo("80");
        UUID id = UUID.fromString(p.path("id").asString());
        List<Map<String, Object>> files = jdbc.sql("SELECT path, sha256, media_type FROM content_package_file WHERE school_id = ? AND package_id = ? ORDER BY path")
                .params(school.schoolId(), id).query().listOfRows();
        assertThat(files).extracting(f -> f.get("path")).containsExactly("bai1/anh/hinh.png", "bai1/index.html", "imsmanifest.xml");
        assertThat(files.get(1).get("media_type").toString()).startsWith("text/html");
        for (var f : files) {
            assertThat(blobs.size(f.get("sha256").toString())).isPresent();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ?").param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void scorm2004ResolvesXmlBaseAndItemParameters() throws Exception {
        JsonNode p = imported(school, TestPackages.scorm2004());
        assertThat(p.path("standard").asString()).isEqualTo("SCORM_2004");
        assertThat(p.path("version").asString()).isEqualTo("2004 4th Edition");
        assertThat(p.path("launchPath").asString()).isEqualTo("noi-dung/te-bao.html");
        JsonNode first = p.path("structure").path("items").get(0);
        assertThat(first.path("parameters").asString()).isEqualTo("bai=1");
        assertThat(p.path("structure").path("items").get(1).path("scormType").asString()).isEqualTo("asset");
    }

    @Test
    void cmi5AssignableUnitsAreRead() throws Exception {
        JsonNode p = imported(school, TestPackages.cmi5());
        assertThat(p.path("standard").asString()).isEqualTo("CMI5");
        assertThat(p.path("title").asString()).isEqualTo("Tin học 6");
        assertThat(p.path("launchPath").asString()).isEqualTo("bai-1/index.html");
        JsonNode au = p.path("structure").path("items").get(1);
        assertThat(au.path("parameters").asString()).isEqualTo("lang=vi");
        assertThat(au.path("depth").asInt()).isEqualTo(1);
    }

    @Test
    void theSamePackageInTwoSchoolsIsStoredOnce() throws Exception {
        byte[] zip = TestPackages.scorm12();
        JsonNode a = imported(school, zip);
        JsonNode b = imported(otherSchool, zip);
        String sql = "SELECT sha256 FROM content_package_file WHERE school_id = ? AND package_id = ? ORDER BY path";
        List<String> first = jdbc.sql(sql).params(school.schoolId(), UUID.fromString(a.path("id").asString())).query(String.class).list();
        List<String> second = jdbc.sql(sql).params(otherSchool.schoolId(), UUID.fromString(b.path("id").asString())).query(String.class).list();
        assertThat(first).hasSize(3).isEqualTo(second);
    }

    @Test
    void previewStoresNothing() throws Exception {
        long before = count(school);
        upload(school, "/previews", TestPackages.scorm2004()).andExpect(status().isOk())
                .andExpect(jsonPath("$.standard").value("SCORM_2004"))
                .andExpect(jsonPath("$.items[0].launchPath").value("noi-dung/te-bao.html"));
        assertThat(count(school)).isEqualTo(before);
    }

    static Stream<Arguments> brokenPackages() {
        Map<String, String> slip = new LinkedHashMap<>();
        slip.put("imsmanifest.xml", TestPackages.manifest12("index.html", null));
        slip.put("index.html", "<html></html>");
        slip.put("../../etc/evil.html", "x");
        return Stream.of(
                Arguments.of("no manifest", TestPackages.zip(Map.of("index.html", "<html></html>")), "packages.manifest.missing", "file"),
                Arguments.of("XXE manifest", TestPackages.zip(Map.of("imsmanifest.xml", """
                        <?xml version="1.0"?>
                        <!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><metadata><schemaversion>&xxe;</schemaversion></metadata></manifest>
                        """, "index.html", "x")), "packages.manifest.doctype", "imsmanifest.xml"),
                Arguments.of("malformed manifest", TestPackages.zip(Map.of("imsmanifest.xml", "<manifest><organizations></manifest>")),
                        "packages.manifest.malformed", "imsmanifest.xml"),
                Arguments.of("missing launch file", TestPackages.zip(Map.of("imsmanifest.xml", TestPackages.manifest12("index.html", null)))
                        , "packages.manifest.launchMissing", "resource[@identifier='r'][@href='index.html']"),
                Arguments.of("listed file missing", TestPackages.zip(Map.of("imsmanifest.xml", TestPackages.manifest12("index.html", "anh/a.png"),
                        "index.html", "x")), "packages.manifest.fileMissing", "resource[@identifier='r']/file[@href='anh/a.png']"),
                Arguments.of("launch outside the package", TestPackages.zip(Map.of("imsmanifest.xml", TestPackages.manifest12("../index.html", null))),
                        "packages.manifest.unsafeHref", "resource[@identifier='r'][@href='../index.html']"),
                Arguments.of("zip-slip entry", TestPackages.zip(slip), "storage.zip.unsafePath", "file"),
                Arguments.of("zip bomb", TestPackages.zipBomb(), "storage.zip.bomb", "file"),
                Arguments.of("zip bomb with lying sizes", TestPackages.lyingZipBomb(), "storage.zip.bomb", "file"),
                Arguments.of("damaged entry", damaged(), "storage.zip.corrupt", "file"),
                Arguments.of("encrypted entry", TestPackages.encrypted(), "storage.zip.encrypted", "file"),
                Arguments.of("not a zip", "<html>not a zip</html>".getBytes(StandardCharsets.UTF_8), "storage.zip.corrupt", "file"),
                Arguments.of("cmi5 id not an IRI", TestPackages.zip(Map.of("cmi5.xml", """
                        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                          <course id="khoa-hoc"><title><langstring lang="vi">K</langstring></title></course>
                          <au id="https://x.vn/au"><title><langstring>A</langstring></title><url>a.html</url></au>
                        </courseStructure>""", "a.html", "x")), "packages.cmi5.notIri", "course[@id='khoa-hoc']"),
                Arguments.of("cmi5 url with a launch parameter", TestPackages.zip(Map.of("cmi5.xml", """
                        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                          <course id="https://x.vn/k"><title><langstring lang="vi">K</langstring></title></course>
                          <au id="https://x.vn/au"><title><langstring>A</langstring></title><url>a.html?endpoint=x</url></au>
                        </courseStructure>""", "a.html", "x")), "packages.cmi5.reservedParameter", "au[@id='https://x.vn/au']/url"));
    }

    /** A valid package whose launch page (stored uncompressed) has one byte changed after its CRC was written. */
    static byte[] damaged() {
        byte[] content = "<html><body>noi dung</body></html>".getBytes(StandardCharsets.UTF_8);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("imsmanifest.xml"));
            zip.write(TestPackages.manifest12("index.html", null).getBytes(StandardCharsets.UTF_8));
            var entry = new java.util.zip.ZipEntry("index.html");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            entry.setSize(content.length);
            var crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] out = bytes.toByteArray();
        int at = new String(out, StandardCharsets.ISO_8859_1).indexOf("noi dung");
        out[at] = 'N';
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPackages")
    void brokenPackagesAreRefusedWithTheReasonAndNothingStored(String name, byte[] zip, String code, String location) throws Exception {
        long before = count(school);
        upload(school, "", zip).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", hasItem(code)))
                .andExpect(jsonPath("$.errors[*].location.field", hasItem(location)))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
        upload(school, "/previews", zip).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].code", hasItem(code)));
        assertThat(count(school)).isEqualTo(before);
    }

    @Test
    void theXxeMessageSaysWhyInBothLanguages() throws Exception {
        upload(school, "", TestPackages.zip(Map.of("imsmanifest.xml", """
                <?xml version="1.0"?><!DOCTYPE m [<!ENTITY e SYSTEM "http://127.0.0.1:1/x">]><manifest>&e;</manifest>""")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("XXE")))
                .andExpect(jsonPath("$.errors[0].messageEn", containsString("external entities")));
    }

    long count(TestSchool s) {
        return jdbc.sql("SELECT count(*) FROM content_package WHERE school_id = ?").param(s.schoolId()).query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM content_package_file WHERE school_id = ?").param(s.schoolId()).query(Long.class).single();
    }
}
