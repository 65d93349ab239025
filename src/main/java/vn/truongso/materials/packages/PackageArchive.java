package vn.truongso.materials.packages;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * An uploaded package zip, opened only after its central directory passed the safety checks: no entry escapes the
 * package root (zip slip: absolute paths, drive letters, backslashes, {@code ..} segments), no duplicate names, no
 * encrypted entries, at most {@code maxEntries} entries, and a declared expansion within the limits. Because a zip's
 * declared sizes can lie, every read is counted again and stops at the same limits (zip bomb).
 *
 * <p>This is a small package-private checker: the platform's shared {@code SafeZip} was not yet merged when this was
 * written; the lead may swap it in.
 */
final class PackageArchive implements Closeable {

    private static final long RATIO_FLOOR = 1024 * 1024;

    private final ZipFile zip;
    private final Map<String, ZipEntry> files;
    private final long maxUncompressed;
    private final int maxRatio;
    private long expanded;

    private PackageArchive(ZipFile zip, Map<String, ZipEntry> files, long maxUncompressed, int maxRatio) {
        this.zip = zip;
        this.files = files;
        this.maxUncompressed = maxUncompressed;
        this.maxRatio = maxRatio;
    }

    static PackageArchive open(Path file, PackageProperties limits) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            String message = String.valueOf(e.getMessage());
            throw new BadInputException(InputError.field("file", message.contains("encrypted") ? "packages.zip.encrypted" : "packages.zip.notZip"));
        } catch (IOException e) {
            throw new BadInputException(InputError.field("file", "packages.zip.notZip"));
        }
        try {
            return new PackageArchive(zip, check(zip, limits), limits.maxUncompressed().toBytes(), limits.maxCompressionRatio());
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static Map<String, ZipEntry> check(ZipFile zip, PackageProperties limits) {
        if (zip.size() > limits.maxEntries()) {
            throw new BadInputException(InputError.field("file", "packages.zip.tooManyEntries", zip.size(), limits.maxEntries()));
        }
        List<InputError> errors = new ArrayList<>();
        Map<String, ZipEntry> files = new LinkedHashMap<>();
        long declared = 0;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!safeName(name)) {
                errors.add(InputError.field(printable(name), "packages.zip.unsafePath"));
                continue;
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (files.putIfAbsent(name, entry) != null) {
                errors.add(InputError.field(printable(name), "packages.zip.duplicate"));
            }
            long size = entry.getSize();
            if (size > 0) {
                declared += size;
                if (size > RATIO_FLOOR && entry.getCompressedSize() > 0 && size / entry.getCompressedSize() > limits.maxCompressionRatio()) {
                    errors.add(InputError.field(printable(name), "packages.zip.bomb", limits.maxCompressionRatio()));
                }
            }
        }
        if (declared > limits.maxUncompressed().toBytes()) {
            errors.add(InputError.field("file", "packages.zip.tooLarge", limits.maxUncompressed().toMegabytes()));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
        return files;
    }

    /** A relative path inside the package, with forward slashes, no empty, {@code .} or {@code ..} segment. */
    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0 || name.contains(":")) {
            return false;
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }

    Set<String> paths() {
        return files.keySet();
    }

    boolean contains(String path) {
        return files.containsKey(path);
    }

    /** The entry's bytes, counted against the package's expansion limits as they are read. */
    InputStream open(String path) throws IOException {
        ZipEntry entry = files.get(path);
        if (entry == null) {
            throw new IllegalArgumentException("no entry " + path);
        }
        long compressed = Math.max(entry.getCompressedSize(), 1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = guarded(() -> super.read());
                if (b >= 0) {
                    crc.update(b);
                    count(1);
                } else {
                    verify();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = guarded(() -> super.read(buffer, offset, length));
                if (n > 0) {
                    crc.update(buffer, offset, n);
                    count(n);
                } else if (n < 0) {
                    verify();
                }
                return n;
            }

            /** ZipFile does not check a stored entry's CRC; a damaged file must not be stored as if it were whole. */
            private void verify() {
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new BadInputException(InputError.field(printable(path), "packages.zip.corrupt"));
                }
            }

            /** A damaged entry (bad CRC, truncated data) is the uploader's problem, not a server error. */
            private int guarded(IoRead read) throws IOException {
                try {
                    return read.get();
                } catch (ZipException | java.io.EOFException e) {
                    throw new BadInputException(InputError.field(printable(path), "packages.zip.corrupt"));
                }
            }

            private void count(int n) {
                read += n;
                expanded += n;
                if (expanded > maxUncompressed || (read > RATIO_FLOOR && read / compressed > maxRatio)) {
                    throw new BadInputException(InputError.field(printable(path), "packages.zip.bomb", maxRatio));
                }
            }
        };
    }

    private interface IoRead {
        int get() throws IOException;
    }

    byte[] readAll(String path, int maxBytes) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new BadInputException(InputError.field(path, "packages.manifest.tooLarge", maxBytes / 1024));
            }
            return bytes;
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
