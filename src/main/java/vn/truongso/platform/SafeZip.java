package vn.truongso.platform;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded ZIP (a SCORM or cmi5 package, an Office file) entry by entry, refusing what could harm the
 * server, with a {@link BadInputException} ({@code InputError.field("file", "storage.zip.…", fileName, …)}) that
 * reads in Vietnamese and English:
 * <ul>
 * <li>zip-slip names: absolute paths, {@code ..} segments, backslashes, drive letters ({@code C:}), control
 * characters, empty names; and the same name twice;</li>
 * <li>zip bombs: more entries than {@link Limits#maxEntries}, more uncompressed bytes than
 * {@link Limits#maxTotalBytes} in all, or a ratio of uncompressed to compressed bytes above {@link Limits#maxRatio}
 * (checked once more than {@link Limits#ratioGraceBytes} have been inflated, so small text files pass); the limits
 * are enforced on the bytes actually inflated, not on the sizes the archive declares, and also while skipping
 * entries the caller did not read;</li>
 * <li>encrypted entries, and archives that cannot be read.</li>
 * </ul>
 * Usage:
 * <pre>{@code
 * try (SafeZip zip = SafeZip.open(in, "goi-scorm.zip", SafeZip.Limits.DEFAULT)) {
 *     for (SafeZip.Entry entry; (entry = zip.next()) != null; ) {
 *         use(entry.name(), entry.content());
 *     }
 * }
 * }</pre>
 * Directory entries are checked but not returned. Entry names are decoded as UTF-8 (what current tools write).
 * Memory use is constant apart from the set of names (at most {@code maxEntries}).
 */
public final class SafeZip implements AutoCloseable {

    static final String FIELD = "file";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    /** Limits for one archive; {@link #DEFAULT}: 10,000 entries, 2 GB uncompressed, ratio 100 after 10 MB. */
    public record Limits(int maxEntries, long maxTotalBytes, long maxRatio, long ratioGraceBytes) {

        public static final Limits DEFAULT = new Limits(10_000, 2L * 1024 * 1024 * 1024, 100, 10L * 1024 * 1024);

        public Limits withMaxEntries(int value) {
            return new Limits(value, maxTotalBytes, maxRatio, ratioGraceBytes);
        }

        public Limits withMaxTotalBytes(long value) {
            return new Limits(maxEntries, value, maxRatio, ratioGraceBytes);
        }

        public Limits withMaxRatio(long value, long graceBytes) {
            return new Limits(maxEntries, maxTotalBytes, value, graceBytes);
        }
    }

    /** One file of the archive: its checked name and its content (valid until the next call to {@link #next()}). */
    public record Entry(String name, InputStream content) {
    }

    private final String fileName;
    private final Limits limits;
    private final CountingInputStream compressed;
    private final ZipInputStream zip;
    private final Set<String> names = new HashSet<>();
    private long inflated;
    private int entries;
    private EntryStream current;
    private boolean started;

    private SafeZip(InputStream in, String fileName, Limits limits) {
        this.fileName = fileName;
        this.limits = limits;
        this.compressed = new CountingInputStream(new BufferedInputStream(in, 64 * 1024));
        this.zip = new ZipInputStream(compressed);
    }

    /** Reads {@code in} (closed with this); {@code fileName} is the user's name for the archive, used in messages. */
    public static SafeZip open(InputStream in, String fileName, Limits limits) {
        return new SafeZip(in, fileName, limits);
    }

    public static SafeZip open(Path zip, String fileName, Limits limits) throws IOException {
        return new SafeZip(Files.newInputStream(zip), fileName, limits);
    }

    public static SafeZip open(Path zip, Limits limits) throws IOException {
        return open(zip, zip.getFileName().toString(), limits);
    }

    /** The next file entry, or null at the end of the archive. */
    public Entry next() throws IOException {
        if (current != null) {
            current.drain();
            current = null;
        }
        if (!started) {
            started = true;
            compressed.mark(4);
            byte[] signature = compressed.readNBytes(4);
            compressed.reset();
            compressed.count = 0;
            boolean zipSignature = signature.length == 4 && signature[0] == 'P' && signature[1] == 'K'
                    && ((signature[2] == 3 && signature[3] == 4) || (signature[2] == 5 && signature[3] == 6));
            if (!zipSignature) {
                throw refused("storage.zip.corrupt", fileName);
            }
        }
        while (true) {
            ZipEntry entry;
            try {
                entry = zip.getNextEntry();
            } catch (ZipException e) {
                if (String.valueOf(e.getMessage()).contains("encrypted")) {
                    throw refused("storage.zip.encrypted", fileName);
                }
                throw refused("storage.zip.corrupt", fileName);
            } catch (IllegalArgumentException e) {
                // a name that is not valid UTF-8
                throw refused("storage.zip.corrupt", fileName);
            } catch (java.io.EOFException e) {
                throw refused("storage.zip.corrupt", fileName);
            }
            if (entry == null) {
                return null;
            }
            entries++;
            if (entries > limits.maxEntries()) {
                throw refused("storage.zip.tooManyEntries", fileName, limits.maxEntries());
            }
            String name = entry.getName();
            if (!isSafeName(name)) {
                throw refused("storage.zip.unsafePath", fileName, printable(name));
            }
            if (!names.add(name)) {
                throw refused("storage.zip.duplicate", fileName, name);
            }
            if (entry.isDirectory()) {
                continue;
            }
            current = new EntryStream(zip, name);
            return new Entry(name, current);
        }
    }

    /** A relative path of non-empty segments, none of them "." or "..", with no backslash, drive or control character. */
    public static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || DRIVE.matcher(name).matches()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void inflated(long n, String entryName) {
        inflated += n;
        if (inflated > limits.maxTotalBytes()) {
            throw refused("storage.zip.tooLarge", fileName, limits.maxTotalBytes() / (1024 * 1024));
        }
        if (inflated > limits.ratioGraceBytes() && inflated > limits.maxRatio() * Math.max(compressed.count, 1)) {
            throw refused("storage.zip.bomb", fileName, entryName, limits.maxRatio());
        }
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return out.toString();
    }

    private static BadInputException refused(String code, Object... args) {
        return new BadInputException(InputError.field(FIELD, code, args));
    }

    /** Counts the compressed bytes read from the archive. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** One entry's inflated bytes, counted against the limits; closing it does not close the archive. */
    private final class EntryStream extends InputStream {
        private final ZipInputStream in;
        private final String name;
        private boolean done;

        EntryStream(ZipInputStream in, String name) {
            this.in = in;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (ZipException | java.io.EOFException e) {
                throw refused("storage.zip.corrupt", fileName);
            }
            if (n < 0) {
                done = true;
                return -1;
            }
            inflated(n, name);
            return n;
        }

        /** Reads what the caller left, so that skipped entries count against the limits too. */
        void drain() throws IOException {
            byte[] buffer = new byte[16 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted in read
            }
        }

        @Override
        public void close() {
            // The archive stays open; the rest of this entry is drained by next().
        }
    }
}
