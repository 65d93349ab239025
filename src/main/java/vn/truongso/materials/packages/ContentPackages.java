package vn.truongso.materials.packages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The school's imported packages and the index of their files (JdbcClient over content_package*). */
@Repository
public class ContentPackages {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContentPackages(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ContentPackage p, List<PackageFile> files) {
        jdbc.sql("""
                INSERT INTO content_package (school_id, id, title, standard, version, identifier, launch_path, structure, file_count,
                    total_bytes, archive_sha256, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)""")
                .params(p.schoolId(), p.id(), p.title(), p.standard().name(), p.version(), p.structure().identifier(), p.launchPath(),
                        json.writeValueAsString(p.structure()), p.fileCount(), p.totalBytes(), p.archiveSha256(), p.importedBy(),
                        java.sql.Timestamp.from(p.importedAt()))
                .update();
        for (PackageFile f : files) {
            jdbc.sql("INSERT INTO content_package_file (school_id, package_id, path, sha256, media_type, size) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(p.schoolId(), p.id(), f.path(), f.sha256(), f.mediaType(), f.size())
                    .update();
        }
    }

    public Optional<ContentPackage> find(UUID schoolId, UUID id) {
        return jdbc.sql("SELECT * FROM content_package WHERE school_id = ? AND id = ?").params(schoolId, id).query(this::map).optional();
    }

    public List<ContentPackage> list(UUID schoolId) {
        return jdbc.sql("SELECT * FROM content_package WHERE school_id = ? ORDER BY imported_at DESC, id DESC LIMIT 500")
                .param(schoolId).query(this::map).list();
    }

    public Optional<PackageFile> file(UUID schoolId, UUID packageId, String path) {
        return jdbc.sql("SELECT path, sha256, media_type, size FROM content_package_file WHERE school_id = ? AND package_id = ? AND path = ?")
                .params(schoolId, packageId, path)
                .query((rs, n) -> new PackageFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).optional();
    }

    public List<PackageFile> files(UUID schoolId, UUID packageId) {
        return jdbc.sql("SELECT path, sha256, media_type, size FROM content_package_file WHERE school_id = ? AND package_id = ? ORDER BY path")
                .params(schoolId, packageId)
                .query((rs, n) -> new PackageFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    private ContentPackage map(ResultSet rs, int n) throws SQLException {
        return new ContentPackage(rs.getObject("school_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("title"),
                PackageStandard.valueOf(rs.getString("standard")), rs.getString("version"), rs.getString("launch_path"),
                json.readValue(rs.getString("structure"), PackageStructure.class), rs.getInt("file_count"), rs.getLong("total_bytes"),
                rs.getString("archive_sha256"), rs.getObject("imported_by", UUID.class), rs.getTimestamp("imported_at").toInstant());
    }
}
