import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.FileIntake;
import vn.truongso.platform.FileType;
import vn.truongso.platform.VirusScanner;
import vn.truongso.platform.storage.FolderBlobStore;
import vn.truongso.platform.storage.StreamingFileIntake;

/**
 * Storage benchmark through the Java API (no HTTP): uploads generated files through FileIntake into a
 * FolderBlobStore and prints time, throughput and peak heap, then "100 schools upload the same file" with the
 * bytes uploaded against the bytes on disk. Run by bench/storage/run.sh, which starts it with a small heap.
 */
public class StorageBench {

    private static final long MB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        long smallMb = Long.getLong("bench.smallMb", 100);
        long largeMb = Long.getLong("bench.largeMb", 1024);
        int schools = Integer.getInteger("bench.schools", 100);
        long sharedMb = Long.getLong("bench.sharedMb", 20);
        Path dir = Files.createTempDirectory("truongso-storage-bench-");
        try {
            VirusScanner noScan = (content, size) -> Optional.empty();
            FolderBlobStore blobs = new FolderBlobStore(dir.resolve("blobs"));
            FileIntake intake = new StreamingFileIntake(blobs, noScan, dir.resolve("intake"), 1000);
            System.out.printf(Locale.ROOT, "JVM max heap %d MiB; files under %s%n", Runtime.getRuntime().maxMemory() / MB, dir);

            upload(intake, 16, 99, "warm-up"); // JIT warm-up, not reported
            Result small = upload(intake, smallMb, 1, "upload " + smallMb + " MB");
            Result large = upload(intake, largeMb, 2, "upload " + largeMb + " MB");
            System.out.printf(Locale.ROOT, "heap growth from %d MB to %d MB upload: peak %d -> %d MiB, after-GC %d -> %d MiB%n",
                    smallMb, largeMb, small.peakHeap / MB, large.peakHeap / MB, small.afterGcHeap / MB, large.afterGcHeap / MB);

            Path before = dir.resolve("blobs");
            long diskBefore = bytesOnDisk(before);
            long uploaded = 0;
            long start = System.nanoTime();
            String sha = null;
            for (int school = 1; school <= schools; school++) {
                AcceptedFile file = intake.accept(new GeneratedVideo(sharedMb * MB, 3), "truong-" + school + "-bai-giang.mp4",
                        sharedMb * MB, FileType.ANY);
                uploaded += file.size();
                if (sha != null && !sha.equals(file.sha256())) {
                    throw new IllegalStateException("the same file got two names");
                }
                sha = file.sha256();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long onDisk = bytesOnDisk(before) - diskBefore;
            System.out.printf(Locale.ROOT, "%d schools upload the same %d MB file: uploaded %.1f MB in %.1f s (%.0f MB/s), "
                    + "stored %.1f MB on disk (%.1f%% of uploaded), one blob %s%n", schools, sharedMb, uploaded / (double) MB,
                    seconds, uploaded / (double) MB / seconds, onDisk / (double) MB, 100.0 * onDisk / uploaded, sha.substring(0, 12));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Result(double seconds, long peakHeap, long afterGcHeap) {
    }

    private static Result upload(FileIntake intake, long sizeMb, long seed, String label) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        AcceptedFile file = intake.accept(new GeneratedVideo(sizeMb * MB, seed), "bai-giang-" + seed + ".mp4", sizeMb * MB,
                FileType.ANY);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long afterGc = heap.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum();
        if (!label.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "%s: %.2f s, %.0f MB/s, type %s; heap used before %d MiB, peak during %d MiB, "
                    + "after the last GC %d MiB%n", label, seconds, file.size() / (double) MB / seconds, file.mediaType(),
                    baseline / MB, peak / MB, afterGc / MB);
        }
        return new Result(seconds, peak, afterGc);
    }

    private static long bytesOnDisk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * {@code size} bytes that look like an MP4 (an "ftyp" box first), generated on the fly from a 1 MiB random block
     * stamped with its index, so nothing large is ever held in memory and different seeds never deduplicate.
     */
    static final class GeneratedVideo extends InputStream {
        private final byte[] block = new byte[(int) MB];
        private final long size;
        private long position;

        GeneratedVideo(long size, long seed) {
            this.size = size;
            new Random(seed).nextBytes(block);
            byte[] ftyp = "\0\0\0\u0020ftypisom".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(ftyp, 0, block, 0, ftyp.length);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int inBlock = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - inBlock), size - position);
            System.arraycopy(block, inBlock, b, off, n);
            long index = position / block.length;
            if (index > 0) {
                // stamp the block index into the first 8 bytes of each later block
                for (int i = 0; i < 8; i++) {
                    int at = i - inBlock;
                    if (at >= 0 && at < n) {
                        b[off + at] = (byte) (index >>> (8 * i));
                    }
                }
            }
            position += n;
            return n;
        }
    }
}
