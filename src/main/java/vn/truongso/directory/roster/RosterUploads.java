package vn.truongso.directory.roster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored roster uploads: the file until it is committed or expires, and who committed it when. */
@Repository
class RosterUploads {

    record PendingUpload(UUID uploadedBy, String filename, byte[] file, String sha256, Instant committedAt) {
    }

    record StoredCredentials(UUID committedBy, Instant committedAt, byte[] credentials, Instant credentialsUntil, Instant takenAt) {
    }

    private final JdbcClient jdbc;

    RosterUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID schoolId, UUID id, UUID uploadedBy, String filename, byte[] file, String sha256) {
        jdbc.sql("""
                INSERT INTO roster_upload (school_id, id, uploaded_by, created_at, filename, file, sha256, size_bytes)
                VALUES (?, ?, ?, now(), ?, ?, ?, ?)""").params(schoolId, id, uploadedBy, filename, file, sha256, file.length).update();
    }

    /**
     * The upload, locked until the transaction ends. Roster commits of one school also take a school-wide lock, so two
     * different uploads never plan against the same directory state and then collide.
     */
    Optional<PendingUpload> lockForCommit(UUID schoolId, UUID id) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(schoolId.getMostSignificantBits() ^ schoolId.getLeastSignificantBits())
                .query((rs, n) -> 1).single();
        return jdbc.sql("SELECT uploaded_by, filename, file, sha256, committed_at FROM roster_upload WHERE school_id = ? AND id = ? FOR UPDATE")
                .params(schoolId, id)
                .query((rs, n) -> new PendingUpload(rs.getObject("uploaded_by", UUID.class), rs.getString("filename"), rs.getBytes("file"),
                        rs.getString("sha256"), instant(rs.getTimestamp("committed_at"))))
                .optional();
    }

    /** Marks the upload committed and erases its file: the directory now holds what it said. */
    void markCommitted(UUID schoolId, UUID id, UUID committedBy, Instant committedAt, byte[] credentials, Instant credentialsUntil) {
        jdbc.sql("""
                UPDATE roster_upload SET committed_by = ?, committed_at = ?, file = NULL, credentials = ?, credentials_until = ?
                WHERE school_id = ? AND id = ?""")
                .params(committedBy, Timestamp.from(committedAt), credentials, credentialsUntil == null ? null : Timestamp.from(credentialsUntil),
                        schoolId, id)
                .update();
    }

    Optional<StoredCredentials> lockCredentials(UUID schoolId, UUID id) {
        return jdbc.sql("""
                SELECT committed_by, committed_at, credentials, credentials_until, credentials_taken_at FROM roster_upload
                WHERE school_id = ? AND id = ? FOR UPDATE""").params(schoolId, id)
                .query((rs, n) -> new StoredCredentials(rs.getObject("committed_by", UUID.class), instant(rs.getTimestamp("committed_at")),
                        rs.getBytes("credentials"), instant(rs.getTimestamp("credentials_until")), instant(rs.getTimestamp("credentials_taken_at"))))
                .optional();
    }

    /** Erases the stored passwords once the committer has them. */
    void credentialsTaken(UUID schoolId, UUID id) {
        jdbc.sql("UPDATE roster_upload SET credentials = NULL, credentials_taken_at = now() WHERE school_id = ? AND id = ?")
                .params(schoolId, id).update();
    }

    /** Erases files nobody committed in time and passwords nobody downloaded in time, in every school. */
    void eraseExpired(Duration uploadRetention) {
        jdbc.sql("UPDATE roster_upload SET file = NULL WHERE file IS NOT NULL AND created_at < ?")
                .param(Timestamp.from(Instant.now().minus(uploadRetention))).update();
        jdbc.sql("UPDATE roster_upload SET credentials = NULL WHERE credentials IS NOT NULL AND credentials_until < now()").update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
