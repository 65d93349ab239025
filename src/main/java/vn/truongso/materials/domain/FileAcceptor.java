package vn.truongso.materials.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.BlobStore;
import vn.truongso.platform.InputError;

/**
 * Takes an upload into the {@link BlobStore} in constant memory and names its type from its first bytes, not from the
 * file name. Stands in until the platform's FileIntake (content detection of Office formats, virus-scan hook, text
 * extraction) is merged; then this class delegates to it and nothing else changes.
 */
@Component
public class FileAcceptor {

    /** The kinds of file a material version may hold. */
    public enum FileType { PDF, DOCX, PPTX, XLSX, IMAGE, AUDIO, VIDEO, PACKAGE_ZIP, OTHER }

    public record AcceptedFile(String sha256, long size, String mediaType, String fileName, FileType type) {
    }

    private final BlobStore blobs;

    FileAcceptor(BlobStore blobs) {
        this.blobs = blobs;
    }

    public AcceptedFile accept(InputStream content, String fileName, long maxBytes) {
        String name = cleanName(fileName);
        var in = new BufferedInputStream(content, 64 * 1024);
        byte[] head;
        try {
            in.mark(32);
            head = in.readNBytes(32);
            in.reset();
        } catch (IOException e) {
            throw new BadInputException(InputError.field("file", "materials.error.uploadFailed"));
        }
        if (head.length == 0) {
            throw new BadInputException(InputError.field("file", "materials.error.emptyFile", name));
        }
        FileType type = sniff(head, name);
        if (type == FileType.OTHER) {
            throw new BadInputException(InputError.field("file", "materials.error.fileType", name));
        }
        BlobStore.StoredBlob stored;
        try {
            stored = blobs.put(in, maxBytes);
        } catch (BlobStore.BlobTooLargeException e) {
            throw new BadInputException(InputError.field("file", "materials.error.fileTooLarge", name, maxBytes / (1024 * 1024)));
        } catch (IOException e) {
            throw new BadInputException(InputError.field("file", "materials.error.uploadFailed"));
        }
        return new AcceptedFile(stored.sha256(), stored.size(), mediaType(type, head, name), name, type);
    }

    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static FileType sniff(byte[] h, String name) {
        String ext = extension(name);
        if (starts(h, "%PDF-".getBytes())) {
            return FileType.PDF;
        }
        if (starts(h, new byte[] {'P', 'K', 3, 4})) {
            return switch (ext) {
                case "docx" -> FileType.DOCX;
                case "pptx" -> FileType.PPTX;
                case "xlsx" -> FileType.XLSX;
                case "zip" -> FileType.PACKAGE_ZIP;
                default -> FileType.OTHER;
            };
        }
        if (starts(h, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || starts(h, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                || starts(h, "GIF8".getBytes()) || (starts(h, "RIFF".getBytes()) && h.length >= 12 && new String(h, 8, 4).equals("WEBP"))) {
            return FileType.IMAGE;
        }
        if (h.length >= 12 && new String(h, 4, 4).equals("ftyp")) {
            String brand = new String(h, 8, 4);
            return brand.startsWith("M4A") ? FileType.AUDIO : FileType.VIDEO;
        }
        if (starts(h, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})) {
            return FileType.VIDEO;
        }
        if (starts(h, "ID3".getBytes()) || (h[0] == (byte) 0xFF && h.length > 1 && (h[1] & 0xE0) == 0xE0) || starts(h, "OggS".getBytes())
                || (starts(h, "RIFF".getBytes()) && h.length >= 12 && new String(h, 8, 4).equals("WAVE"))) {
            return FileType.AUDIO;
        }
        return FileType.OTHER;
    }

    static String mediaType(FileType type, byte[] h, String name) {
        return switch (type) {
            case PDF -> "application/pdf";
            case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case PPTX -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case PACKAGE_ZIP -> "application/zip";
            case IMAGE -> h[0] == (byte) 0x89 ? "image/png" : h[0] == (byte) 0xFF ? "image/jpeg" : h[0] == 'G' ? "image/gif" : "image/webp";
            case VIDEO -> h[0] == 0x1A ? "video/webm" : "video/mp4";
            case AUDIO -> h[0] == 'O' ? "audio/ogg" : h[0] == 'R' ? "audio/wav" : new String(h, 4, 4).equals("ftyp") ? "audio/mp4" : "audio/mpeg";
            case OTHER -> "application/octet-stream";
        };
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] h, byte[] prefix) {
        return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
    }
}
