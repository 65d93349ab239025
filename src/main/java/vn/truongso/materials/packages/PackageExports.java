package vn.truongso.materials.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import vn.truongso.platform.BlobStore;
import vn.truongso.platform.VietnameseText;

/**
 * Exports materials so they run on any LMS: a set of materials as an IMS Common Cartridge 1.3 (one web-content
 * resource per file, grouped per material under the cartridge's single root item), and one material as a SCORM 1.2
 * package (a launch page showing or linking its files, with a small script that reports "completed"). Files are
 * streamed from the {@link BlobStore}; the zip is written to the caller's stream, so memory does not grow with size.
 *
 * <p>The input is a small record of this sub-package; the materials module adapts its own material and file types.
 */
@Service
public class PackageExports {

    /** One file of a material: the name it is shown and saved under, its media type, and the blob holding it. */
    public record ExportFile(String fileName, String mediaType, String sha256) {
    }

    /** A material to export: its title, description and files. */
    public record ExportMaterial(String title, String description, List<ExportFile> files) {

        public ExportMaterial {
            files = List.copyOf(files);
        }
    }

    private static final String CC_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
    private static final String LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
    private static final String LOM_RES_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCORM12_CP_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    private static final String SCORM12_ADLCP_NS = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

    private final BlobStore blobs;

    PackageExports(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** An IMS Common Cartridge 1.3 (.imscc) of the materials, in the order given. */
    public void writeCommonCartridge(String title, List<ExportMaterial> materials, OutputStream out) throws IOException {
        List<List<String>> paths = new ArrayList<>();
        for (int m = 0; m < materials.size(); m++) {
            paths.add(filePaths("web_resources/" + (m + 1) + "-" + slug(materials.get(m).title()) + "/", materials.get(m).files()));
        }
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
        zip.write(ccManifest(title, materials, paths).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (int m = 0; m < materials.size(); m++) {
            writeFiles(zip, materials.get(m).files(), paths.get(m));
        }
        zip.finish();
    }

    /** A SCORM 1.2 package of one material: manifest, launch page, completion script and the files. */
    public void writeScorm12(ExportMaterial material, OutputStream out) throws IOException {
        List<String> paths = filePaths("files/", material.files());
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
        zip.write(scormManifest(material, paths).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("index.html"));
        zip.write(launchPage(material, paths).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("scorm-complete.js"));
        zip.write(COMPLETION_SCRIPT.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeFiles(zip, material.files(), paths);
        zip.finish();
    }

    private void writeFiles(ZipOutputStream zip, List<ExportFile> files, List<String> paths) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            zip.putNextEntry(new ZipEntry(paths.get(i)));
            try (InputStream in = blobs.open(files.get(i).sha256())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
    }

    private String ccManifest(String title, List<ExportMaterial> materials, List<List<String>> paths) {
        return xml(w -> {
            w.writeStartElement("manifest");
            w.writeDefaultNamespace(CC_NS);
            w.writeNamespace("lomimscc", LOM_NS);
            w.writeNamespace("lom", LOM_RES_NS);
            w.writeNamespace("xsi", XSI_NS);
            w.writeAttribute("identifier", "TRUONGSO_CC_" + Integer.toHexString(title.hashCode() & 0x7fffffff));
            w.writeAttribute("xsi", XSI_NS, "schemaLocation", CC_NS + " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd "
                    + LOM_NS + " http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd "
                    + LOM_RES_NS + " http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd");
            w.writeStartElement("metadata");
            element(w, "schema", "IMS Common Cartridge");
            element(w, "schemaversion", "1.3.0");
            w.writeStartElement("lomimscc", "lom", LOM_NS);
            w.writeStartElement("lomimscc", "general", LOM_NS);
            w.writeStartElement("lomimscc", "title", LOM_NS);
            w.writeStartElement("lomimscc", "string", LOM_NS);
            w.writeAttribute("language", "vi");
            w.writeCharacters(title);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("organizations");
            w.writeStartElement("organization");
            w.writeAttribute("identifier", "ORG_1");
            w.writeAttribute("structure", "rooted-hierarchy");
            w.writeStartElement("item");
            w.writeAttribute("identifier", "ROOT");
            for (int m = 0; m < materials.size(); m++) {
                w.writeStartElement("item");
                w.writeAttribute("identifier", "ITEM_" + (m + 1));
                element(w, "title", materials.get(m).title());
                for (int f = 0; f < materials.get(m).files().size(); f++) {
                    w.writeStartElement("item");
                    w.writeAttribute("identifier", "ITEM_" + (m + 1) + "_" + (f + 1));
                    w.writeAttribute("identifierref", "RES_" + (m + 1) + "_" + (f + 1));
                    element(w, "title", materials.get(m).files().get(f).fileName());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();

            w.writeStartElement("resources");
            for (int m = 0; m < materials.size(); m++) {
                for (int f = 0; f < materials.get(m).files().size(); f++) {
                    String path = paths.get(m).get(f);
                    w.writeStartElement("resource");
                    w.writeAttribute("identifier", "RES_" + (m + 1) + "_" + (f + 1));
                    w.writeAttribute("type", "webcontent");
                    w.writeAttribute("href", hrefOf(path));
                    w.writeEmptyElement("file");
                    w.writeAttribute("href", hrefOf(path));
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private String scormManifest(ExportMaterial material, List<String> paths) {
        return xml(w -> {
            w.writeStartElement("manifest");
            w.writeDefaultNamespace(SCORM12_CP_NS);
            w.writeNamespace("adlcp", SCORM12_ADLCP_NS);
            w.writeAttribute("identifier", "TRUONGSO_SCORM_" + Integer.toHexString(material.title().hashCode() & 0x7fffffff));
            w.writeAttribute("version", "1");
            w.writeStartElement("metadata");
            element(w, "schema", "ADL SCORM");
            element(w, "schemaversion", "1.2");
            w.writeEndElement();
            w.writeStartElement("organizations");
            w.writeAttribute("default", "ORG_1");
            w.writeStartElement("organization");
            w.writeAttribute("identifier", "ORG_1");
            element(w, "title", material.title());
            w.writeStartElement("item");
            w.writeAttribute("identifier", "ITEM_1");
            w.writeAttribute("identifierref", "RES_1");
            element(w, "title", material.title());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("resources");
            w.writeStartElement("resource");
            w.writeAttribute("identifier", "RES_1");
            w.writeAttribute("type", "webcontent");
            w.writeAttribute("adlcp", SCORM12_ADLCP_NS, "scormtype", "sco");
            w.writeAttribute("href", "index.html");
            w.writeEmptyElement("file");
            w.writeAttribute("href", "index.html");
            w.writeEmptyElement("file");
            w.writeAttribute("href", "scorm-complete.js");
            for (String path : paths) {
                w.writeEmptyElement("file");
                w.writeAttribute("href", hrefOf(path));
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static String launchPage(ExportMaterial material, List<String> paths) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < paths.size(); i++) {
            ExportFile file = material.files().get(i);
            String href = HtmlUtils.htmlEscape(hrefOf(paths.get(i)), "UTF-8");
            String name = HtmlUtils.htmlEscape(paths.get(i).substring(paths.get(i).lastIndexOf('/') + 1), "UTF-8");
            String type = file.mediaType() == null ? "" : file.mediaType().toLowerCase(Locale.ROOT);
            body.append("<section>\n<h2>").append(name).append("</h2>\n");
            if (type.startsWith("image/")) {
                body.append("<img src=\"").append(href).append("\" alt=\"").append(name).append("\" style=\"max-width:100%\">\n");
            } else if (type.startsWith("video/")) {
                body.append("<video controls src=\"").append(href).append("\" style=\"max-width:100%\"></video>\n");
            } else if (type.startsWith("audio/")) {
                body.append("<audio controls src=\"").append(href).append("\"></audio>\n");
            } else if (type.equals("application/pdf")) {
                body.append("<iframe src=\"").append(href).append("\" title=\"").append(name)
                        .append("\" style=\"width:100%;height:70vh;border:0\"></iframe>\n");
            }
            body.append("<p><a href=\"").append(href).append("\" target=\"_blank\" rel=\"noopener\" download>").append(name).append("</a></p>\n</section>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <script src="scorm-complete.js"></script>
                </head>
                <body style="font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem">
                <h1>%s</h1>
                <p>%s</p>
                %s</body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(material.title(), "UTF-8"), HtmlUtils.htmlEscape(material.title(), "UTF-8"),
                HtmlUtils.htmlEscape(material.description() == null ? "" : material.description(), "UTF-8"), body);
    }

    /** Finds the SCORM 1.2 API in a parent frame or the opener, and reports the material as completed. */
    static final String COMPLETION_SCRIPT = """
            (function () {
              function find(win) {
                for (var i = 0; win && i < 10; i++) {
                  try { if (win.API) { return win.API; } } catch (e) { /* another origin */ }
                  if (win.parent === win) { break; }
                  win = win.parent;
                }
                return null;
              }
              var api = find(window) || (window.opener ? find(window.opener) : null);
              if (!api) { return; }
              api.LMSInitialize('');
              api.LMSSetValue('cmi.core.lesson_status', 'completed');
              api.LMSCommit('');
              var finished = false;
              function finish() { if (!finished) { finished = true; api.LMSFinish(''); } }
              window.addEventListener('pagehide', finish);
              window.addEventListener('beforeunload', finish);
            }());
            """;

    /** Safe, unique paths for the files under a folder: the name without any folder part or control character. */
    static List<String> filePaths(String folder, List<ExportFile> files) {
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (ExportFile file : files) {
            String name = file.fileName() == null ? "" : file.fileName();
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").trim();
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                name = "tep";
            }
            String candidate = name;
            int dot = name.lastIndexOf('.');
            for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
            }
            out.add(folder + candidate);
        }
        return out;
    }

    private static String slug(String title) {
        String folded = VietnameseText.fold(title == null ? "" : title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return folded.isEmpty() ? "hoc-lieu" : folded.length() > 40 ? folded.substring(0, 40) : folded;
    }

    /** A package path as a URL reference (each segment percent-encoded). */
    static String hrefOf(String path) {
        return String.join("/", java.util.Arrays.stream(path.split("/")).map(s -> UriUtils.encodePathSegment(s, StandardCharsets.UTF_8)).toList());
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace("");
            body.write(w);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }
}
