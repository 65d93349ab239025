package vn.truongso.directory.roster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and retention of roster uploads ({@code truongso.roster.*}).
 *
 * @param maxFileSize the largest workbook accepted (the servlet's multipart limit must be at least this)
 * @param maxRowsPerSheet the most data rows one sheet may hold
 * @param uploadRetention how long an uploaded, uncommitted file is kept before it is erased
 * @param credentialsRetention how long the committer may download the new accounts' temporary passwords
 * @param credentialsKey Base64 of a 256-bit AES key that encrypts the temporary passwords kept for that download; set
 *                       it (the same on every instance) so the key does not live in the database. When empty, a key
 *                       is generated once and kept in the database, which still keeps the passwords out of plain sight
 *                       in backups of the upload table but is weaker.
 */
@ConfigurationProperties("truongso.roster")
record RosterProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("20000") int maxRowsPerSheet,
        @DefaultValue("24h") Duration uploadRetention, @DefaultValue("24h") Duration credentialsRetention,
        @DefaultValue("") String credentialsKey) {
}
