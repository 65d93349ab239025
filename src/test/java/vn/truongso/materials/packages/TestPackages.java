package vn.truongso.materials.packages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small packages built in code: valid SCORM 1.2, SCORM 2004 and cmi5, and every kind of broken one. */
public final class TestPackages {

    private TestPackages() {
    }

    /** A SCO page that reports completion through whichever API the standard has. */
    static final String SCO_12 = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Bài 1</title>
            <script>
            function findAPI(win) { var n = 0; while (win.API == null && win.parent != null && win.parent != win && n++ < 10) { win = win.parent; } return win.API; }
            window.onload = function () {
              var api = findAPI(window);
              var log = document.getElementById('log');
              if (!api) { log.textContent = 'no API'; return; }
              api.LMSInitialize('');
              var before = api.LMSGetValue('cmi.suspend_data');
              api.LMSSetValue('cmi.core.lesson_location', 'trang-2');
              api.LMSSetValue('cmi.suspend_data', 'đã xem trang 1');
              api.LMSSetValue('cmi.core.score.raw', '85');
              api.LMSSetValue('cmi.core.lesson_status', 'completed');
              api.LMSSetValue('cmi.core.session_time', '0000:01:30.00');
              var committed = api.LMSCommit('');
              api.LMSFinish('');
              log.textContent = 'done ' + committed + ' resume=' + before;
            };
            </script></head>
            <body><h1>Phân số</h1><img src="anh/hinh.png" alt=""><p id="log">…</p></body></html>
            """;

    public static byte[] scorm12() {
        return zip(Map.of(
                "imsmanifest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <manifest identifier="vn.truongso.test.12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                            xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                          <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                          <organizations default="org">
                            <organization identifier="org">
                              <title>Toán 6 – Phân số</title>
                              <item identifier="chuong1">
                                <title>Chương 1</title>
                                <item identifier="bai1" identifierref="res1"><title>Bài 1</title>
                                  <adlcp:masteryscore>80</adlcp:masteryscore></item>
                              </item>
                            </organization>
                          </organizations>
                          <resources>
                            <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="bai1/index.html">
                              <file href="bai1/index.html"/><file href="bai1/anh/hinh.png"/>
                            </resource>
                          </resources>
                        </manifest>
                        """,
                "bai1/index.html", SCO_12,
                "bai1/anh/hinh.png", "PNG-bytes"));
    }

    static byte[] scorm2004() {
        return zip(Map.of(
                "imsmanifest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <manifest identifier="vn.truongso.test.2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                            xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
                          <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
                          <organizations default="org">
                            <organization identifier="org">
                              <title>Khoa học tự nhiên 6</title>
                              <item identifier="i1" identifierref="r1" parameters="?bai=1"><title>Tế bào</title></item>
                              <item identifier="i2" identifierref="r2"><title>Tài liệu đọc thêm</title></item>
                            </organization>
                          </organizations>
                          <resources xml:base="noi-dung/">
                            <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="te-bao.html">
                              <file href="te-bao.html"/><dependency identifierref="common"/>
                            </resource>
                            <resource identifier="r2" type="webcontent" adlcp:scormType="asset" href="doc-them.pdf"><file href="doc-them.pdf"/></resource>
                            <resource identifier="common" type="webcontent" adlcp:scormType="asset"><file href="chung.js"/></resource>
                          </resources>
                        </manifest>
                        """,
                "noi-dung/te-bao.html", "<html><head><title>Tế bào</title></head><body>Tế bào</body></html>",
                "noi-dung/doc-them.pdf", "%PDF-1.4",
                "noi-dung/chung.js", "var x = 1;"));
    }

    static byte[] cmi5() {
        return zip(Map.of(
                "cmi5.xml", """
                        <?xml version="1.0" encoding="utf-8"?>
                        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                          <course id="https://truongso.vn/khoa-hoc/tin-hoc-6">
                            <title><langstring lang="vi-VN">Tin học 6</langstring><langstring lang="en-US">Informatics 6</langstring></title>
                            <description><langstring lang="vi-VN">Khóa học thử</langstring></description>
                          </course>
                          <block id="https://truongso.vn/khoa-hoc/tin-hoc-6/chuong-1">
                            <title><langstring lang="vi-VN">Chương 1</langstring></title>
                            <description><langstring lang="vi-VN">.</langstring></description>
                            <au id="https://truongso.vn/khoa-hoc/tin-hoc-6/bai-1" moveOn="Completed">
                              <title><langstring lang="vi-VN">Bài 1</langstring></title>
                              <description><langstring lang="vi-VN">.</langstring></description>
                              <url>bai-1/index.html?lang=vi</url>
                            </au>
                          </block>
                        </courseStructure>
                        """,
                "bai-1/index.html", "<html><body>cmi5</body></html>"));
    }

    static String manifest12(String resourceHref, String extraFile) {
        return """
                <?xml version="1.0"?>
                <manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="o"><organization identifier="o"><title>T</title>
                    <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
                  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="%s">%s</resource></resources>
                </manifest>
                """.formatted(resourceHref, extraFile == null ? "" : "<file href=\"" + extraFile + "\"/>");
    }

    public static byte[] zip(Map<String, String> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(bytes);
    }

    static byte[] zipBytes(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (var e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package whose one extra entry expands from a few kilobytes to 200 MB of zeros. */
    static byte[] zipBomb() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
                zip.write(manifest12("index.html", null).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("index.html"));
                zip.write("<html></html>".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("bomb.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 200; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same bomb with its central directory and local header lying: the entry claims to expand to 100 bytes, so only
     * counting the bytes as they are inflated can stop it.
     */
    static byte[] lyingZipBomb() {
        byte[] bytes = zipBomb();
        byte[] name = "bomb.bin".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 < bytes.length; i++) {
            boolean central = bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2;
            boolean local = bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4;
            int nameAt = central ? i + 46 : local ? i + 30 : -1;
            if (nameAt < 0 || nameAt + name.length > bytes.length
                    || !java.util.Arrays.equals(bytes, nameAt, nameAt + name.length, name, 0, name.length)) {
                continue;
            }
            int sizeAt = central ? i + 24 : i + 22; // uncompressed size, little-endian
            if (central || (bytes[i + 6] & 8) == 0) {
                bytes[sizeAt] = 100;
                bytes[sizeAt + 1] = 0;
                bytes[sizeAt + 2] = 0;
                bytes[sizeAt + 3] = 0;
            }
        }
        return bytes;
    }

    /** A STORED entry written with the "encrypted" flag set in its local and central headers. */
    static byte[] encrypted() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] manifest = manifest12("index.html", null).getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry("imsmanifest.xml");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(manifest.length);
                CRC32 crc = new CRC32();
                crc.update(manifest);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(manifest);
                zip.closeEntry();
            }
            byte[] bytes = out.toByteArray();
            for (int i = 0; i + 4 < bytes.length; i++) {
                if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) {
                    bytes[i + 6] |= 1; // local header: general purpose flag bit 0
                }
                if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                    bytes[i + 8] |= 1; // central directory header: general purpose flag bit 0
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
