package vn.truongso.platform.storage;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.truongso.platform.VirusScanner;

/**
 * Scans with a ClamAV daemon over TCP using its INSTREAM command: {@code zINSTREAM\0}, then chunks each prefixed by
 * their length as a 4-byte big-endian integer, then a zero-length chunk; clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. clamd refuses streams longer than its {@code StreamMaxLength} (25 MB by
 * default); content larger than {@code maxBytes} (set it to that value) is therefore not sent and is accepted
 * unscanned, with a log line. Any other failure (clamd down, an ERROR answer) throws, so the upload is refused.
 */
public class ClamdVirusScanner implements VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(ClamdVirusScanner.class);
    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final long maxBytes;

    public ClamdVirusScanner(String host, int port, Duration timeout, long maxBytes) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<String> findThreat(InputStream content, long size) throws IOException {
        if (size > maxBytes) {
            log.info("Not scanning {} bytes: larger than the clamd stream limit of {} bytes", size, maxBytes);
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = content.read(buffer)) != -1; ) {
                if (n > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            String reply = readReply(socket.getInputStream());
            return interpret(reply);
        }
    }

    static Optional<String> interpret(String reply) throws IOException {
        String answer = reply.startsWith("stream:") ? reply.substring("stream:".length()).strip() : reply.strip();
        if (answer.equals("OK")) {
            return Optional.empty();
        }
        if (answer.endsWith(" FOUND")) {
            return Optional.of(answer.substring(0, answer.length() - " FOUND".length()).strip());
        }
        throw new IOException("clamd answered: " + reply);
    }

    /** The reply ends with NUL (z-commands) or at the end of the stream. */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (int b; (b = in.read()) != -1 && b != 0; ) {
            if (reply.length() > 4096) {
                throw new IOException("clamd reply too long");
            }
            reply.append((char) b);
        }
        return reply.toString();
    }
}
