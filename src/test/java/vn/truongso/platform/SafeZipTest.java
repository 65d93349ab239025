package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

class SafeZipTest {

    @TempDir
    Path dir;

    @Test
    void iteratesFilesWithTheirContentAndSkipsDirectories() throws Exception {
        byte[] zip = zip(Map.of("imsmanifest.xml", "<manifest/>", "noi-dung/", "", "noi-dung/bài 1.html", "Phân số"));
        Map<String, String> seen = new LinkedHashMap<>();
        try (SafeZip safe = SafeZip.open(new ByteArrayInputStream(zip), "goi.zip", SafeZip.Limits.DEFAULT)) {
            for (SafeZip.Entry entry; (entry = safe.next()) != null; ) {
                seen.put(entry.name(), new String(entry.content().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(seen).containsOnly(Map.entry("imsmanifest.xml", "<manifest/>"), Map.entry("noi-dung/bài 1.html", "Phân số"));
    }

    @Test
    void readsFromAPathToo() throws Exception {
        Path file = Files.write(dir.resolve("goi.zip"), zip(Map.of("a.txt", "a")));
        try (SafeZip safe = SafeZip.open(file, SafeZip.Limits.DEFAULT)) {
            assertThat(safe.next().name()).isEqualTo("a.txt");
            assertThat(safe.next()).isNull();
        }
    }

    @Test
    void refusesZipSlipNames() throws Exception {
        for (String evil : List.of("../evil.sh", "noi-dung/../../etc/passwd", "/etc/passwd", "C:/Windows/evil.dll", "c:evil",
                "noi-dung\\..\\evil", "a//b", "./a", "a/./b", "bad\u0000name")) {
            InputError error = refusal(zip(Map.of("ok.txt", "x", evil, "x")));
            assertThat(error.code()).as(evil).isEqualTo("storage.zip.unsafePath");
            assertThat(error.args()[0]).isEqualTo("goi.zip");
        }
        assertThat(SafeZip.isSafeName("noi-dung/bài 1.html")).isTrue();
        assertThat(SafeZip.isSafeName("a..b/c...txt")).isTrue();
    }

    @Test
    void refusesABombOfCompressibleZeros() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        // Refused while the caller reads the entry ...
        InputError reading = refusal(bytes.toByteArray(), SafeZip.Limits.DEFAULT, true);
        assertThat(reading.code()).isEqualTo("storage.zip.bomb");
        assertThat(reading.args()).containsExactly("goi.zip", "zeros.bin", 100L);
        // ... and when the caller skips it.
        assertThat(refusal(bytes.toByteArray(), SafeZip.Limits.DEFAULT, false).code()).isEqualTo("storage.zip.bomb");
    }

    @Test
    void refusesMoreUncompressedBytesThanAllowed() throws Exception {
        byte[] random = new byte[300_000];
        new java.util.Random(1).nextBytes(random);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 4; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".bin"));
                zip.write(random);
                zip.closeEntry();
            }
        }
        SafeZip.Limits oneMegabyte = SafeZip.Limits.DEFAULT.withMaxTotalBytes(1024 * 1024);
        InputError error = refusal(bytes.toByteArray(), oneMegabyte, false);
        assertThat(error.code()).isEqualTo("storage.zip.tooLarge");
        assertThat(error.args()).containsExactly("goi.zip", 1L);
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("f" + i + ".txt", "x");
        }
        InputError error = refusal(zip(many), SafeZip.Limits.DEFAULT.withMaxEntries(100), false);
        assertThat(error.code()).isEqualTo("storage.zip.tooManyEntries");
        assertThat(error.args()).containsExactly("goi.zip", 100);
    }

    @Test
    void refusesEncryptedEntries() throws Exception {
        byte[] zip = zip(Map.of("bi-mat.txt", "x"));
        zip[6] |= 1; // general purpose flag bit 0 in the local header: "encrypted"
        assertThat(refusal(zip).code()).isEqualTo("storage.zip.encrypted");
    }

    @Test
    void refusesDuplicateNamesAndCorruptArchives() throws Exception {
        assertThat(refusal(concatZips()).code()).isEqualTo("storage.zip.duplicate");

        assertThat(refusal("not a zip at all".getBytes(StandardCharsets.US_ASCII)).code()).isEqualTo("storage.zip.corrupt");
        byte[] whole = zip(Map.of("a.txt", "Phân số ".repeat(1000)));
        assertThat(refusal(java.util.Arrays.copyOf(whole, whole.length / 3)).code()).isEqualTo("storage.zip.corrupt");
    }

    @Test
    void everyMessageNamesTheArchiveInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/storage");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Object[] args = {"goi.zip", "../x", 100};
        Map<String, Object[]> argsByCode = Map.of("unsafePath", args, "duplicate", args, "encrypted", args, "corrupt", args,
                "tooManyEntries", new Object[] {"goi.zip", 100}, "tooLarge", new Object[] {"goi.zip", 2048L},
                "bomb", new Object[] {"goi.zip", "zeros.bin", 100L});
        argsByCode.forEach((code, codeArgs) -> {
            for (Locale locale : List.of(Locale.of("vi"), Locale.ENGLISH)) {
                assertThat(messages.getMessage("storage.zip." + code, codeArgs, locale)).contains("goi.zip");
            }
        });
        assertThat(messages.getMessage("storage.zip.unsafePath", args, Locale.of("vi"))).contains("\"../x\"").contains("dấu \\ ");
    }

    /** Two entries named "a.txt": the JDK writer refuses that, so the second archive's entries are renamed. */
    private static byte[] concatZips() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write('1');
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("A.txt"));
            zip.write('2');
            zip.closeEntry();
        }
        byte[] result = bytes.toByteArray();
        // rewrite every "A.txt" name (local and central headers) as "a.txt"
        byte[] from = "A.txt".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= result.length; i++) {
            if (java.util.Arrays.equals(result, i, i + from.length, from, 0, from.length)) {
                result[i] = 'a';
            }
        }
        return result;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static InputError refusal(byte[] zip) {
        return refusal(zip, SafeZip.Limits.DEFAULT, true);
    }

    private static InputError refusal(byte[] zip, SafeZip.Limits limits, boolean readEntries) {
        List<String> seen = new ArrayList<>();
        try (SafeZip safe = SafeZip.open(new ByteArrayInputStream(zip), "goi.zip", limits)) {
            for (SafeZip.Entry entry; (entry = safe.next()) != null; ) {
                seen.add(entry.name());
                if (readEntries) {
                    entry.content().transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (BadInputException e) {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).column()).isEqualTo("file");
            return e.errors().get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal, but read " + seen);
    }
}
