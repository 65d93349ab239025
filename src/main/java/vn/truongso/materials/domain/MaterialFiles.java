package vn.truongso.materials.domain;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.truongso.platform.AcceptedFile;
import vn.truongso.platform.AuditLog;
import vn.truongso.materials.packages.PackageImporter;
import vn.truongso.platform.FileType;
import vn.truongso.platform.CurrentUser;
import vn.truongso.platform.Ids;
import vn.truongso.platform.NotFoundException;

/**
 * Files of a material version. An upload streams into the {@link vn.truongso.platform.BlobStore} (the same bytes
 * are kept once, whatever the number of schools); the row records which version holds it under what name and type.
 */
@Service
public class MaterialFiles {

    /** @param packageId the content package a SCORM/cmi5 file was imported as, played from the material's page */
    public record MaterialFile(UUID id, UUID versionId, String sha256, long size, String mediaType, FileType type,
            String fileName, Instant uploadedAt, UUID packageId) {

        public boolean playable() {
            return packageId != null;
        }

        /** Shown in the browser rather than saved: PDF, images, audio and video. */
        public boolean viewable() {
            return type == FileType.PDF || type == FileType.IMAGE || type == FileType.VIDEO
                    || type == FileType.AUDIO;
        }
    }

    private final MaterialService service;
    private final FileAcceptor acceptor;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Materials materials;
    private final long maxBytes;
    private final TransactionTemplate transactions;
    private final PackageImporter packages;

    MaterialFiles(MaterialService service, FileAcceptor acceptor, JdbcClient jdbc, AuditLog audit, Materials materials,
            TransactionTemplate transactions, PackageImporter packages,
            @Value("${truongso.materials.max-file-bytes:2147483648}") long maxBytes) {
        this.packages = packages;
        this.transactions = transactions;
        this.service = service;
        this.acceptor = acceptor;
        this.jdbc = jdbc;
        this.audit = audit;
        this.materials = materials;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Adds a file to the author's editable version (a new draft version when the material is approved). The user's
     * right is checked before a byte is stored, the bytes are streamed outside any transaction, and the row is then
     * written in a short one.
     */
    public MaterialFile upload(CurrentUser user, UUID schoolId, UUID materialId, InputStream content, String fileName) {
        transactions.execute(status -> {
            service.versionForFiles(user, schoolId, materialId);
            status.setRollbackOnly();
            return null;
        });
        AcceptedFile accepted = acceptor.accept(content, fileName, maxBytes);
        String text = acceptor.text(accepted);
        // A SCORM/cmi5 package is imported (manifest checked, files indexed) in the same transaction as the file row:
        // a broken package refuses the upload with the importer's reason and leaves no row behind.
        return transactions.execute(status -> record(user, schoolId, materialId, accepted, text,
                accepted.type() == FileType.PACKAGE_ZIP ? packages.importStored(schoolId, user.id(), accepted.sha256(), accepted.fileName()).id() : null));
    }

    private MaterialFile record(CurrentUser user, UUID schoolId, UUID materialId, AcceptedFile accepted, String text, UUID packageId) {
        MaterialVersion version = service.versionForFiles(user, schoolId, materialId);
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO material_file (school_id, id, material_id, version_id, sha256, size, media_type, file_type, file_name, uploaded_by,
                                           package_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(schoolId, id, materialId, version.id(), accepted.sha256(), accepted.size(), accepted.mediaType(), accepted.type().name(),
                        accepted.fileName(), user.id(), packageId)
                .update();
        if (text != null && !text.isBlank()) {
            // Kept for full-text search: the text of every file of the version (the search part reads search_text).
            jdbc.sql("UPDATE material_version SET search_text = concat_ws(E'\\n', search_text, ?) WHERE school_id = ? AND id = ?")
                    .params(text, schoolId, version.id()).update();
        }
        audit.record("materials.file.upload", schoolId, "material", materialId.toString(),
                Map.of("file", accepted.fileName(), "sha256", accepted.sha256(), "size", accepted.size(), "version", version.number()));
        return find(schoolId, id).orElseThrow();
    }

    /** Removes a file from the author's editable version (the blob stays: other versions or schools may hold it). */
    @Transactional
    public void remove(CurrentUser user, UUID schoolId, UUID materialId, UUID fileId) {
        MaterialVersion version = service.versionForFiles(user, schoolId, materialId);
        MaterialFile file = find(schoolId, fileId).filter(f -> f.versionId().equals(version.id()))
                .orElseThrow(() -> new NotFoundException("file " + fileId));
        jdbc.sql("DELETE FROM material_file WHERE school_id = ? AND id = ?").params(schoolId, fileId).update();
        audit.record("materials.file.remove", schoolId, "material", materialId.toString(), Map.of("file", file.fileName(), "version", version.number()));
    }

    public List<MaterialFile> ofVersion(UUID schoolId, UUID versionId) {
        return jdbc.sql("SELECT * FROM material_file WHERE school_id = ? AND version_id = ? ORDER BY uploaded_at, id")
                .params(schoolId, versionId).query((rs, n) -> row(rs)).list();
    }

    /** A file the user may read: of the version she is shown, or (staff) of any version of the material. */
    public MaterialFile readable(CurrentUser user, UUID schoolId, UUID materialId, UUID fileId) {
        MaterialService.Visible visible = service.visible(user, schoolId, materialId);
        MaterialFile file = find(schoolId, fileId).orElseThrow(() -> new NotFoundException("file " + fileId));
        boolean ofMaterial = visible.material().version(file.versionId()).isPresent();
        if (!ofMaterial || (!visible.staff() && !file.versionId().equals(visible.shown().id()))) {
            throw new NotFoundException("file " + fileId);
        }
        return file;
    }

    public void countDownload(UUID schoolId, UUID materialId) {
        materials.countDownload(schoolId, materialId);
    }

    private java.util.Optional<MaterialFile> find(UUID schoolId, UUID fileId) {
        return jdbc.sql("SELECT * FROM material_file WHERE school_id = ? AND id = ?").params(schoolId, fileId).query((rs, n) -> row(rs)).optional();
    }

    private static MaterialFile row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MaterialFile(rs.getObject("id", UUID.class), rs.getObject("version_id", UUID.class), rs.getString("sha256"), rs.getLong("size"),
                rs.getString("media_type"), FileType.valueOf(rs.getString("file_type")), rs.getString("file_name"),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getObject("package_id", UUID.class));
    }
}
