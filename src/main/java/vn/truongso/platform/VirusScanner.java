package vn.truongso.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Scans content for malware before it is stored. The default does nothing; setting {@code truongso.clamd.host}
 * switches to a clamd daemon (INSTREAM over TCP).
 */
public interface VirusScanner {

    /**
     * Reads {@code content} to its end (not closing it) and returns the name of the threat found, or empty when it
     * is clean (or when this scanner does not scan).
     *
     * @throws IOException when the scanner cannot be reached or answers with an error: the upload must then be
     *         refused as a server error, never accepted unscanned
     */
    Optional<String> findThreat(InputStream content, long size) throws IOException;
}
