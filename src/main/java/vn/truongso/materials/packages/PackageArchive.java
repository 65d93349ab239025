package vn.truongso.materials.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;
import vn.truongso.platform.SafeZip;

/**
 * A package zip read once, entry by entry, through the platform's {@link SafeZip} (zip slip, duplicate names, zip
 * bombs counted on the bytes actually inflated, encrypted and damaged entries are refused). Each file goes to a
 * {@link Sink} as it is read (the importer stores it in the blob store; the preview discards it), and the manifests
 * ({@code imsmanifest.xml}, {@code cmi5.xml}) are also kept in memory for the manifest reader. Files stored before a
 * later refusal are orphan blobs: content-addressed and harmless; no row refers to them.
 */
final class PackageArchive {

    static final int MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
    private static final Set<String> MANIFESTS = Set.of(ManifestReader.SCORM_MANIFEST, ManifestReader.CMI5_MANIFEST);

    /** Receives each file of the package, in archive order. */
    interface Sink {
        PackageFile accept(String path, InputStream content) throws IOException;
    }

    /** Reads and discards: the preview checks every entry without storing anything. */
    static final Sink DISCARD = (path, content) -> new PackageFile(path, null, MediaTypes.of(path), content.transferTo(OutputStream.nullOutputStream()));

    private final Set<String> paths;
    private final Map<String, byte[]> manifests;
    private final List<PackageFile> files;

    private PackageArchive(Set<String> paths, Map<String, byte[]> manifests, List<PackageFile> files) {
        this.paths = paths;
        this.manifests = manifests;
        this.files = files;
    }

    static PackageArchive read(Path zipFile, String fileName, PackageProperties limits, Sink sink) throws IOException {
        SafeZip.Limits zipLimits = SafeZip.Limits.DEFAULT.withMaxEntries(limits.maxEntries()).withMaxTotalBytes(limits.maxUncompressed().toBytes())
                .withMaxRatio(limits.maxCompressionRatio(), 1024 * 1024);
        Set<String> paths = new LinkedHashSet<>();
        Map<String, byte[]> manifests = new HashMap<>();
        List<PackageFile> files = new ArrayList<>();
        try (SafeZip zip = SafeZip.open(zipFile, fileName == null || fileName.isBlank() ? "package.zip" : fileName, zipLimits)) {
            for (SafeZip.Entry entry; (entry = zip.next()) != null; ) {
                paths.add(entry.name());
                if (MANIFESTS.contains(entry.name())) {
                    byte[] bytes = entry.content().readNBytes(MAX_MANIFEST_BYTES + 1);
                    if (bytes.length > MAX_MANIFEST_BYTES) {
                        throw new BadInputException(InputError.field(entry.name(), "packages.manifest.tooLarge", MAX_MANIFEST_BYTES / 1024));
                    }
                    manifests.put(entry.name(), bytes);
                    files.add(sink.accept(entry.name(), new ByteArrayInputStream(bytes)));
                } else {
                    files.add(sink.accept(entry.name(), entry.content()));
                }
            }
        }
        return new PackageArchive(Collections.unmodifiableSet(paths), manifests, files);
    }

    /** A relative path inside the package, with forward slashes, no empty, {@code .} or {@code ..} segment. */
    static boolean safeName(String name) {
        return SafeZip.isSafeName(name);
    }

    Set<String> paths() {
        return paths;
    }

    boolean contains(String path) {
        return paths.contains(path);
    }

    List<PackageFile> files() {
        return files;
    }

    /** A manifest's bytes (only the manifests are kept in memory). */
    byte[] manifest(String name) {
        byte[] bytes = manifests.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("not a manifest: " + name);
        }
        return bytes;
    }
}
