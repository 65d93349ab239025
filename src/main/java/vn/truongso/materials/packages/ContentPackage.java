package vn.truongso.materials.packages;

import java.time.Instant;
import java.util.UUID;

/** An imported package as stored: its structure, and where its launch file is. */
public record ContentPackage(UUID schoolId, UUID id, String title, PackageStandard standard, String version, String launchPath,
        PackageStructure structure, int fileCount, long totalBytes, String archiveSha256, UUID importedBy, Instant importedAt) {
}
