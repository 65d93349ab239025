package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.BadInputException;
import vn.truongso.platform.FileType;
import vn.truongso.platform.InputError;

class StreamingFileIntakeTest {

    private static final Set<FileType> DOCUMENTS = EnumSet.of(FileType.PDF, FileType.DOCX, FileType.PPTX, FileType.XLSX);

    @TempDir
    Path blobsDir;
    @TempDir
    Path spoolDir;

    private StreamingFileIntake intake(int textLimit) throws IOException {
        return new StreamingFileIntake(new FolderBlobStore(blobsDir), new NoVirusScanner(), spoolDir, textLimit);
    }

    private StreamingFileIntake intake() throws IOException {
        return intake(10_000);
    }

    @Test
    void detectsEachTypeFromTheContent() throws Exception {
        StreamingFileIntake intake = intake();
        assertThat(accept(intake, GeneratedFiles.pdf("phân số"), "bai-giang.pdf").type()).isEqualTo(FileType.PDF);
        assertThat(accept(intake, GeneratedFiles.docx("phân số"), "giao-an.docx").type()).isEqualTo(FileType.DOCX);
        assertThat(accept(intake, GeneratedFiles.pptx("phân số"), "trinh-chieu.pptx").type()).isEqualTo(FileType.PPTX);
        assertThat(accept(intake, GeneratedFiles.xlsx("phân số"), "bang-diem.xlsx").type()).isEqualTo(FileType.XLSX);
        AcceptedFile png = accept(intake, GeneratedFiles.png(), "hinh.png");
        assertThat(png.type()).isEqualTo(FileType.IMAGE);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(accept(intake, GeneratedFiles.jpeg(), "anh.jpg").mediaType()).isEqualTo("image/jpeg");
        assertThat(accept(intake, GeneratedFiles.zip("imsmanifest.xml", "index.html"), "goi-scorm.zip").type())
                .isEqualTo(FileType.PACKAGE_ZIP);
        assertThat(accept(intake, GeneratedFiles.zip("cmi5.xml", "au/index.html"), "goi.zip").type()).isEqualTo(FileType.PACKAGE_ZIP);
        AcceptedFile plainZip = accept(intake, GeneratedFiles.zip("a.txt"), "tai-lieu.zip");
        assertThat(plainZip.type()).isEqualTo(FileType.OTHER);
        assertThat(plainZip.mediaType()).isEqualTo("application/zip");
        assertThat(accept(intake, "chỉ là văn bản".getBytes(StandardCharsets.UTF_8), "ghi-chu.txt").type()).isEqualTo(FileType.OTHER);
    }

    @Test
    void detectsAudioAndVideoSignatures() throws Exception {
        StreamingFileIntake intake = intake();
        assertThat(accept(intake, concat("ID3".getBytes(StandardCharsets.US_ASCII), new byte[100]), "bai-hat.mp3").mediaType())
                .isEqualTo("audio/mpeg");
        assertThat(accept(intake, concat(new byte[] {0, 0, 0, 0x20}, "ftypisom".getBytes(StandardCharsets.US_ASCII), new byte[100]), "video.mp4")
                .type()).isEqualTo(FileType.VIDEO);
        assertThat(accept(intake, concat(new byte[] {0, 0, 0, 0x20}, "ftypM4A ".getBytes(StandardCharsets.US_ASCII), new byte[100]), "doc.m4a")
                .type()).isEqualTo(FileType.AUDIO);
        assertThat(accept(intake, concat("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII), new byte[100]), "am-thanh.wav")
                .mediaType()).isEqualTo("audio/wav");
        assertThat(accept(intake, concat("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), new byte[100]), "anh.webp")
                .mediaType()).isEqualTo("image/webp");
        assertThat(accept(intake, concat("OggS".getBytes(StandardCharsets.US_ASCII), new byte[100]), "am.ogg").mediaType())
                .isEqualTo("audio/ogg");
        assertThat(accept(intake, concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0},
                "B\u0082\u0084webm".getBytes(StandardCharsets.ISO_8859_1), new byte[100]), "clip.webm").mediaType()).isEqualTo("video/webm");
        assertThat(accept(intake, "GIF89a......".getBytes(StandardCharsets.US_ASCII), "dong.gif").mediaType()).isEqualTo("image/gif");
    }

    @Test
    void aDocxNameOnAPdfBodyIsDetectedAsPdfAndRefused() throws Exception {
        StreamingFileIntake intake = intake();
        byte[] pdf = GeneratedFiles.pdf("phân số");
        InputError error = refusal(() -> accept(intake, pdf, "giao-an.docx", DOCUMENTS));
        assertThat(error.code()).isEqualTo("storage.file.contradicts");
        assertThat(error.column()).isEqualTo("file");
        assertThat(error.args()).containsExactly("giao-an.docx", ".docx", ".pdf");
        // Refused for the type even without a misleading name:
        InputError notAllowed = refusal(() -> accept(intake, pdf, "giao-an", EnumSet.of(FileType.DOCX)));
        assertThat(notAllowed.code()).isEqualTo("storage.file.typeNotAllowed");
        assertThat(notAllowed.args()[1]).isEqualTo(".pdf");
        assertThat(storedBlobs()).isZero();
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void renamedFilesAreRefused() throws Exception {
        StreamingFileIntake intake = intake();
        assertThat(refusal(() -> accept(intake, GeneratedFiles.xlsx("x"), "bai.pptx", DOCUMENTS)).code())
                .isEqualTo("storage.file.contradicts");
        assertThat(refusal(() -> accept(intake, GeneratedFiles.png(), "tai-lieu.pdf", FileType.ANY)).code())
                .isEqualTo("storage.file.contradicts");
        assertThat(refusal(() -> accept(intake, "MZ this is an exe".getBytes(StandardCharsets.US_ASCII), "hinh.png", FileType.ANY))
                .code()).isEqualTo("storage.file.contradicts");
        assertThat(refusal(() -> accept(intake, GeneratedFiles.docx("a"), "x.zip", FileType.ANY)).code())
                .isEqualTo("storage.file.contradicts");
        assertThat(storedBlobs()).isZero();
    }

    @Test
    void refusesEmptyAndOversizedUploadsAndKeepsNothing() throws Exception {
        StreamingFileIntake intake = intake();
        InputError empty = refusal(() -> accept(intake, new byte[0], "rong.pdf", DOCUMENTS));
        assertThat(empty.code()).isEqualTo("storage.file.empty");
        assertThat(empty.args()).containsExactly("rong.pdf");

        byte[] pdf = GeneratedFiles.pdf("phân số");
        InputError tooLarge = refusal(() -> intake.accept(new ByteArrayInputStream(pdf), "lon.pdf", 1024, DOCUMENTS));
        assertThat(tooLarge.code()).isEqualTo("storage.file.tooLarge");
        assertThat(tooLarge.args()).containsExactly("lon.pdf", "1 KB");
        assertThat(storedBlobs()).isZero();
        assertThat(spoolFiles()).isZero();

        AcceptedFile exact = intake.accept(new ByteArrayInputStream(pdf), "vua.pdf", pdf.length, DOCUMENTS);
        assertThat(exact.size()).isEqualTo(pdf.length);
    }

    @Test
    void refusesInfectedContentUsingClamd() throws Exception {
        try (TinyClamd clamd = new TinyClamd(1_000_000)) {
            StreamingFileIntake intake = new StreamingFileIntake(new FolderBlobStore(blobsDir),
                    new ClamdVirusScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(5), 1_000_000), spoolDir, 1000);
            InputError infected = refusal(() -> accept(intake, GeneratedFiles.eicar(), "eicar.txt", FileType.ANY));
            assertThat(infected.code()).isEqualTo("storage.file.infected");
            assertThat(infected.args()).containsExactly("eicar.txt", "Eicar-Signature");
            assertThat(storedBlobs()).isZero();

            AcceptedFile clean = accept(intake, GeneratedFiles.pdf("sạch"), "sach.pdf");
            assertThat(clean.type()).isEqualTo(FileType.PDF);
            assertThat(clamd.scans.get()).isEqualTo(2);
        }
    }

    @Test
    void aRefusalLeavesContentThatOthersAlreadyShareInPlace() throws Exception {
        StreamingFileIntake intake = intake();
        byte[] pdf = GeneratedFiles.pdf("phân số");
        AcceptedFile first = accept(intake, pdf, "chung.pdf");
        refusal(() -> accept(intake, pdf, "chung.docx", DOCUMENTS));
        refusal(() -> accept(intake, pdf, "chung.pdf", EnumSet.of(FileType.IMAGE)));
        assertThat(storedBlobs()).isEqualTo(1);
        try (var in = new FolderBlobStore(blobsDir).open(first.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void theSameFileFromManyUploadersIsStoredOnce() throws Exception {
        StreamingFileIntake intake = intake();
        byte[] pptx = GeneratedFiles.pptx("Phân số");
        AcceptedFile a = accept(intake, pptx, "a.pptx");
        AcceptedFile b = accept(intake, pptx, "b.pptx");
        assertThat(b.sha256()).isEqualTo(a.sha256());
        assertThat(b.fileName()).isEqualTo("b.pptx");
        assertThat(storedBlobs()).isEqualTo(1);
    }

    @Test
    void cleansTheNameTheBrowserSent() throws Exception {
        StreamingFileIntake intake = intake();
        String decomposed = java.text.Normalizer.normalize("Phân số.pdf", java.text.Normalizer.Form.NFD);
        assertThat(accept(intake, GeneratedFiles.pdf("x"), "C:\\Users\\co giao\\" + decomposed).fileName()).isEqualTo("Phân số.pdf");
    }

    @Test
    void extractsVietnameseTextFromPdfDocxAndPptx() throws Exception {
        StreamingFileIntake intake = intake();
        String decomposed = java.text.Normalizer.normalize("Cộng hai phân số", java.text.Normalizer.Form.NFD);
        assertThat(intake.extractText(accept(intake, GeneratedFiles.pdf("Bài 3: Phân số", "Rút gọn phân số"), "a.pdf")))
                .contains("Bài 3: Phân số").contains("Rút gọn phân số");
        assertThat(intake.extractText(accept(intake, GeneratedFiles.docx("Bài 3: Phân số", decomposed), "a.docx")))
                .contains("Bài 3: Phân số").contains("Cộng hai phân số");
        assertThat(intake.extractText(accept(intake, GeneratedFiles.pptx("Phân số bằng nhau", "Ôn tập"), "a.pptx")))
                .contains("Phân số bằng nhau").contains("Ôn tập");
        assertThat(intake.extractText(accept(intake, GeneratedFiles.png(), "a.png"))).isEmpty();
        assertThat(intake.extractText(accept(intake, GeneratedFiles.xlsx("phân số"), "a.xlsx"))).isEmpty();
    }

    @Test
    void extractedTextIsBounded() throws Exception {
        StreamingFileIntake intake = intake(20);
        String text = intake.extractText(accept(intake, GeneratedFiles.docx("phân số ".repeat(50)), "dai.docx"));
        assertThat(text).hasSizeLessThanOrEqualTo(20).startsWith("phân số");
    }

    @Test
    void aCorruptFileYieldsNoTextAndNoException() throws Exception {
        StreamingFileIntake intake = intake();
        byte[] pdf = GeneratedFiles.pdf("phân số");
        byte[] broken = java.util.Arrays.copyOf(pdf, 40);
        AcceptedFile brokenPdf = accept(intake, broken, "hong.pdf");
        assertThat(brokenPdf.type()).isEqualTo(FileType.PDF);
        assertThat(intake.extractText(brokenPdf)).isEmpty();

        byte[] docx = GeneratedFiles.docx("phân số");
        byte[] brokenZip = java.util.Arrays.copyOf(docx, docx.length / 2);
        AcceptedFile brokenDocx = new AcceptedFile(accept(intake, brokenZip, "hong.bin").sha256(), brokenZip.length,
                FileType.DOCX.genericMediaType(), "hong.docx", FileType.DOCX);
        assertThat(intake.extractText(brokenDocx)).isEmpty();
    }

    @Test
    void aDocxThatInflatesAbnormallyYieldsNoTextAndNoException() throws Exception {
        StreamingFileIntake intake = intake();
        byte[] bomb = GeneratedFiles.docx("a".repeat(30_000_000));
        assertThat(bomb.length).isLessThan(1_000_000);
        AcceptedFile file = accept(intake, bomb, "bom.docx");
        assertThat(file.type()).isEqualTo(FileType.DOCX);
        assertThat(intake.extractText(file)).isEmpty();
    }

    @Test
    void findsTheCentralDirectorySizeWithoutReadingTheArchive() throws Exception {
        byte[] zip = GeneratedFiles.zip("a.txt", "b/c.txt");
        Path file = Files.write(spoolDir.resolve("x.zip"), zip);
        long size = ContentDetector.centralDirectorySize(file);
        assertThat(size).isBetween(40L, (long) zip.length - 22);
        Path notZip = Files.write(spoolDir.resolve("y.bin"), new byte[100]);
        assertThat(ContentDetector.centralDirectorySize(notZip)).isEqualTo(100);
        Files.delete(file);
        Files.delete(notZip);
    }

    @Test
    void everyRefusalReadsInVietnameseAndEnglish() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/storage");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Object[] args = {"giao-an.docx", ".docx", ".pdf"};
        assertThat(messages.getMessage("storage.file.contradicts", args, Locale.of("vi")))
                .isEqualTo("Tệp \"giao-an.docx\" có đuôi .docx nhưng nội dung thực tế là tệp .pdf. "
                        + "Hãy kiểm tra lại tệp (có thể bị đổi đuôi) và tải lên đúng tệp.");
        assertThat(messages.getMessage("storage.file.contradicts", args, Locale.ENGLISH)).startsWith("The file \"giao-an.docx\" is named .docx");
        for (String code : new String[] {"empty", "tooLarge", "contradicts", "typeNotAllowed", "infected"}) {
            assertThat(messages.getMessage("storage.file." + code, args, Locale.of("vi"))).contains("giao-an.docx");
            assertThat(messages.getMessage("storage.file." + code, args, Locale.ENGLISH)).contains("giao-an.docx");
        }
    }

    private static AcceptedFile accept(StreamingFileIntake intake, byte[] content, String name) {
        return accept(intake, content, name, FileType.ANY);
    }

    private static AcceptedFile accept(StreamingFileIntake intake, byte[] content, String name, Set<FileType> allowed) {
        return intake.accept(new ByteArrayInputStream(content), name, 10_000_000, allowed);
    }

    private static InputError refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (BadInputException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        } catch (Throwable t) {
            throw new AssertionError("expected a BadInputException", t);
        }
        throw new AssertionError("expected a BadInputException, but the file was accepted");
    }

    private long storedBlobs() throws IOException {
        try (Stream<Path> files = Files.walk(blobsDir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(blobsDir.resolve("incoming"))).count();
        }
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.count();
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
