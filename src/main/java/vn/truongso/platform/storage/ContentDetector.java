package vn.truongso.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import vn.truongso.platform.FileType;

/**
 * Detects a file's type from its bytes: magic numbers for PDF, images, audio and video, and for ZIP files the
 * entry names read from the central directory (no entry is decompressed), which tell Word, PowerPoint and Excel
 * files and SCORM/cmi5 packages apart. Anything else is {@link FileType#OTHER}. Written by hand rather than with
 * Apache Tika: these dozen signatures are a few lines each, and Tika's OOXML detection needs its parser modules.
 */
final class ContentDetector {

    /** The extensions we know, and which detected types each is compatible with. */
    private static final Map<String, Set<FileType>> EXTENSIONS = Map.ofEntries(
            Map.entry("pdf", Set.of(FileType.PDF)),
            Map.entry("docx", Set.of(FileType.DOCX)),
            Map.entry("pptx", Set.of(FileType.PPTX)),
            Map.entry("xlsx", Set.of(FileType.XLSX)),
            Map.entry("png", Set.of(FileType.IMAGE)),
            Map.entry("jpg", Set.of(FileType.IMAGE)),
            Map.entry("jpeg", Set.of(FileType.IMAGE)),
            Map.entry("gif", Set.of(FileType.IMAGE)),
            Map.entry("webp", Set.of(FileType.IMAGE)),
            Map.entry("mp3", Set.of(FileType.AUDIO)),
            Map.entry("wav", Set.of(FileType.AUDIO)),
            Map.entry("m4a", Set.of(FileType.AUDIO, FileType.VIDEO)),
            Map.entry("oga", Set.of(FileType.AUDIO)),
            Map.entry("ogg", Set.of(FileType.AUDIO, FileType.VIDEO)),
            Map.entry("mp4", Set.of(FileType.VIDEO, FileType.AUDIO)),
            Map.entry("m4v", Set.of(FileType.VIDEO)),
            Map.entry("mov", Set.of(FileType.VIDEO)),
            Map.entry("webm", Set.of(FileType.VIDEO, FileType.AUDIO)),
            Map.entry("ogv", Set.of(FileType.VIDEO)),
            Map.entry("zip", Set.of(FileType.PACKAGE_ZIP, FileType.OTHER)));

    /** Central directories with more entries than this are not searched further (still a plain ZIP). */
    private static final int MAX_ZIP_ENTRIES_EXAMINED = 100_000;
    /** Larger central directories (hundreds of thousands of entries) are not read: the archive stays a plain ZIP. */
    static final long MAX_CENTRAL_DIRECTORY_BYTES = 32L * 1024 * 1024;

    record Detected(FileType type, String mediaType) {
    }

    private ContentDetector() {
    }

    /** The types a name's extension promises, or null when the extension is unknown or absent (no promise). */
    static Set<FileType> promisedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        return EXTENSIONS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static Detected detect(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII)) || pdfAfterJunk(file)) {
            return new Detected(FileType.PDF, "application/pdf");
        }
        if (startsWith(head, n, 0, bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))) {
            return new Detected(FileType.IMAGE, "image/png");
        }
        if (startsWith(head, n, 0, bytes(0xFF, 0xD8, 0xFF))) {
            return new Detected(FileType.IMAGE, "image/jpeg");
        }
        if (ascii(head, n, 0, "GIF87a") || ascii(head, n, 0, "GIF89a")) {
            return new Detected(FileType.IMAGE, "image/gif");
        }
        if (ascii(head, n, 0, "RIFF") && ascii(head, n, 8, "WEBP")) {
            return new Detected(FileType.IMAGE, "image/webp");
        }
        if (ascii(head, n, 0, "RIFF") && ascii(head, n, 8, "WAVE")) {
            return new Detected(FileType.AUDIO, "audio/wav");
        }
        if (ascii(head, n, 0, "ID3") || mpegAudioFrame(head, n)) {
            return new Detected(FileType.AUDIO, "audio/mpeg");
        }
        if (ascii(head, n, 0, "OggS")) {
            return containsAscii(head, n, "theora") ? new Detected(FileType.VIDEO, "video/ogg")
                    : new Detected(FileType.AUDIO, "audio/ogg");
        }
        if (ascii(head, n, 4, "ftyp")) {
            String brand = n >= 12 ? new String(head, 8, 4, StandardCharsets.US_ASCII) : "";
            return switch (brand) {
                case "M4A ", "M4B ", "M4P " -> new Detected(FileType.AUDIO, "audio/mp4");
                case "qt  " -> new Detected(FileType.VIDEO, "video/quicktime");
                default -> new Detected(FileType.VIDEO, "video/mp4");
            };
        }
        if (startsWith(head, n, 0, bytes(0x1A, 0x45, 0xDF, 0xA3))) {
            return containsAscii(head, n, "webm") ? new Detected(FileType.VIDEO, "video/webm")
                    : new Detected(FileType.VIDEO, "video/x-matroska");
        }
        if (startsWith(head, n, 0, bytes('P', 'K', 3, 4)) || startsWith(head, n, 0, bytes('P', 'K', 5, 6))) {
            return zip(file);
        }
        return new Detected(FileType.OTHER, "application/octet-stream");
    }

    private static Detected zip(Path file) {
        try {
            if (centralDirectorySize(file) > MAX_CENTRAL_DIRECTORY_BYTES) {
                // java.util.zip.ZipFile reads the whole central directory into memory: do not let an upload choose
                // how much. Such an archive stays a plain ZIP.
                return new Detected(FileType.OTHER, "application/zip");
            }
        } catch (IOException e) {
            return new Detected(FileType.OTHER, "application/octet-stream");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            boolean ppt = false;
            boolean xl = false;
            for (int i = 0; entries.hasMoreElements() && i < MAX_ZIP_ENTRIES_EXAMINED; i++) {
                String name = entries.nextElement().getName();
                if (name.equals("word/document.xml")) {
                    return new Detected(FileType.DOCX, FileType.DOCX.genericMediaType());
                }
                if (name.equals("imsmanifest.xml") || name.equals("cmi5.xml")) {
                    return new Detected(FileType.PACKAGE_ZIP, "application/zip");
                }
                ppt |= name.startsWith("ppt/");
                xl |= name.startsWith("xl/");
            }
            if (ppt) {
                return new Detected(FileType.PPTX, FileType.PPTX.genericMediaType());
            }
            if (xl) {
                return new Detected(FileType.XLSX, FileType.XLSX.genericMediaType());
            }
            return new Detected(FileType.OTHER, "application/zip");
        } catch (ZipException e) {
            return new Detected(FileType.OTHER, "application/octet-stream");
        } catch (IOException e) {
            return new Detected(FileType.OTHER, "application/octet-stream");
        }
    }

    /**
     * The size of the central directory from the end-of-central-directory record (searched for in the last 64 KiB),
     * or the file's size when the record is missing or is a ZIP64 placeholder (an upper bound: the directory is part
     * of the file).
     */
    static long centralDirectorySize(Path file) throws IOException {
        long fileSize = Files.size(file);
        int tail = (int) Math.min(fileSize, 22 + 65_535);
        byte[] bytes = new byte[tail];
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(fileSize - tail);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill
            }
        }
        for (int i = tail - 22; i >= 0; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                long size = (bytes[i + 12] & 0xFFL) | (bytes[i + 13] & 0xFFL) << 8 | (bytes[i + 14] & 0xFFL) << 16
                        | (bytes[i + 15] & 0xFFL) << 24;
                return size == 0xFFFFFFFFL ? fileSize : size;
            }
        }
        return fileSize;
    }

    /** PDF readers accept a header within the first 1024 bytes (some generators prepend junk). */
    private static boolean pdfAfterJunk(Path file) throws IOException {
        byte[] first = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(first, 0, first.length);
        }
        return new String(first, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-1.")
                || new String(first, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-2.");
    }

    /** An MPEG-1/2 audio frame header: 11 sync bits, a valid version, layer III, II or I, and a valid bitrate. */
    private static boolean mpegAudioFrame(byte[] head, int n) {
        if (n < 4) {
            return false;
        }
        int b1 = head[0] & 0xFF;
        int b2 = head[1] & 0xFF;
        int b3 = head[2] & 0xFF;
        return b1 == 0xFF && (b2 & 0xE0) == 0xE0 && (b2 & 0x18) != 0x08 && (b2 & 0x06) != 0
                && (b3 & 0xF0) != 0xF0 && (b3 & 0x0C) != 0x0C;
    }

    private static boolean ascii(byte[] head, int n, int offset, String text) {
        return startsWith(head, n, offset, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean containsAscii(byte[] head, int n, String text) {
        return new String(head, 0, n, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static boolean startsWith(byte[] head, int n, int offset, byte[] prefix) {
        if (n < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
