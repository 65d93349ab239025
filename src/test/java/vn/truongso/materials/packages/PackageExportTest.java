package vn.truongso.materials.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.truongso.materials.packages.PackageExports.ExportFile;
import vn.truongso.materials.packages.PackageExports.ExportMaterial;
import vn.truongso.platform.BlobStore;
import vn.truongso.support.IntegrationTest;

/** Exports: a Common Cartridge 1.3 whose structure holds together, and a SCORM 1.2 package our own importer accepts. */
@IntegrationTest
class PackageExportTest {

    static final String CC_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";

    @Autowired
    PackageExports exports;
    @Autowired
    PackageImporter importer;
    @Autowired
    BlobStore blobs;

    ExportFile file(String name, String type, String content) throws Exception {
        var blob = blobs.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 1 << 20);
        return new ExportFile(name, type, blob.sha256());
    }

    List<ExportMaterial> materials() throws Exception {
        return List.of(
                new ExportMaterial("Phân số – bài giảng", "Bài giảng điện tử lớp 6", List.of(file("bai-giang.pdf", "application/pdf", "%PDF-bai-giang"),
                        file("hình minh họa.png", "image/png", "png-1"), file("../../etc/hình minh họa.png", "image/png", "png-2"))),
                new ExportMaterial("Phiếu bài tập <số 2>", "", List.of(file("phieu.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"))));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(PackageArchive.safeName(e.getName())).as(e.getName()).isTrue();
                assertThat(entries.put(e.getName(), in.readAllBytes())).as("duplicate " + e.getName()).isNull();
            }
        }
        return entries;
    }

    static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> elements(Element root, String name) {
        NodeList list = root.getElementsByTagNameNS(CC_NS, name);
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }

    @Test
    void commonCartridgeHasAConsistentStructure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeCommonCartridge("Kho học liệu Toán 6", materials(), out);
        Map<String, byte[]> zip = unzip(out.toByteArray());
        Document manifest = parse(zip.get("imsmanifest.xml"));
        Element root = manifest.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(CC_NS);
        assertThat(root.getLocalName()).isEqualTo("manifest");
        assertThat(elements(root, "schema").get(0).getTextContent()).isEqualTo("IMS Common Cartridge");
        assertThat(elements(root, "schemaversion").get(0).getTextContent()).isEqualTo("1.3.0");
        assertThat(root.getElementsByTagNameNS("http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest", "string").item(0).getTextContent())
                .isEqualTo("Kho học liệu Toán 6");

        // One organization, rooted hierarchy: a single root item without a resource, materials beneath it.
        List<Element> organizations = elements(root, "organization");
        assertThat(organizations).hasSize(1);
        assertThat(organizations.get(0).getAttribute("structure")).isEqualTo("rooted-hierarchy");
        List<Element> top = childElements(organizations.get(0), "item");
        assertThat(top).hasSize(1);
        assertThat(top.get(0).hasAttribute("identifierref")).isFalse();
        List<Element> materialItems = childElements(top.get(0), "item");
        assertThat(materialItems).extracting(e -> childElements(e, "title").get(0).getTextContent())
                .containsExactly("Phân số – bài giảng", "Phiếu bài tập <số 2>");

        // Identifiers are unique; every reference resolves to a web-content resource whose files are in the zip.
        Set<String> identifiers = new HashSet<>();
        for (String name : List.of("item", "resource", "organization")) {
            for (Element e : elements(root, name)) {
                assertThat(identifiers.add(e.getAttribute("identifier"))).as(e.getAttribute("identifier")).isTrue();
            }
        }
        Map<String, Element> resources = new LinkedHashMap<>();
        elements(root, "resource").forEach(r -> resources.put(r.getAttribute("identifier"), r));
        assertThat(resources).hasSize(4);
        for (Element item : elements(root, "item")) {
            if (item.hasAttribute("identifierref")) {
                assertThat(resources).containsKey(item.getAttribute("identifierref"));
            }
        }
        for (Element resource : resources.values()) {
            assertThat(resource.getAttribute("type")).isEqualTo("webcontent");
            String href = URLDecoder.decode(resource.getAttribute("href"), StandardCharsets.UTF_8);
            assertThat(zip).containsKey(href);
            assertThat(href).startsWith("web_resources/");
            for (Element f : childElements(resource, "file")) {
                assertThat(zip).containsKey(URLDecoder.decode(f.getAttribute("href"), StandardCharsets.UTF_8));
            }
        }
        assertThat(zip).containsKeys("web_resources/1-phan-so-bai-giang/bai-giang.pdf", "web_resources/1-phan-so-bai-giang/hình minh họa.png",
                "web_resources/1-phan-so-bai-giang/hình minh họa-2.png", "web_resources/2-phieu-bai-tap-so-2/phieu.docx");
        assertThat(new String(zip.get("web_resources/1-phan-so-bai-giang/hình minh họa-2.png"), StandardCharsets.UTF_8)).isEqualTo("png-2");
    }

    @Test
    void scorm12ExportIsAValidPackageThatReportsCompletion() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.writeScorm12(materials().get(0), out);
        PackageStructure structure = importer.preview(new ByteArrayInputStream(out.toByteArray()));
        assertThat(structure.standard()).isEqualTo(PackageStandard.SCORM_12);
        assertThat(structure.title()).isEqualTo("Phân số – bài giảng");
        assertThat(structure.firstLaunchable().launchPath()).isEqualTo("index.html");
        assertThat(structure.firstLaunchable().scormType()).isEqualTo("sco");

        Map<String, byte[]> zip = unzip(out.toByteArray());
        String page = new String(zip.get("index.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("<script src=\"scorm-complete.js\"></script>")
                .contains("<img src=\"files/h%C3%ACnh%20minh%20h%E1%BB%8Da.png\"")
                .contains("<iframe src=\"files/bai-giang.pdf\"")
                .contains("Bài giảng điện tử lớp 6");
        String script = new String(zip.get("scorm-complete.js"), StandardCharsets.UTF_8);
        assertThat(script).contains("LMSInitialize('')").contains("LMSSetValue('cmi.core.lesson_status', 'completed')").contains("LMSFinish('')");
        assertThat(new String(zip.get("files/bai-giang.pdf"), StandardCharsets.UTF_8)).isEqualTo("%PDF-bai-giang");
    }

    static List<Element> childElements(Element parent, String name) {
        List<Element> out = new java.util.ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
