package vn.truongso.platform.storage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP server on the loopback interface that speaks clamd's INSTREAM protocol: it reads the command and the
 * length-prefixed chunks, and answers "stream: Eicar-Signature FOUND" when the bytes contain the EICAR test string,
 * "stream: OK" otherwise, or "INSTREAM size limit exceeded. ERROR" past {@code streamMaxLength}.
 */
final class TinyClamd implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final long streamMaxLength;
    final AtomicInteger scans = new AtomicInteger();

    TinyClamd(long streamMaxLength) throws IOException {
        this.streamMaxLength = streamMaxLength;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                handle(socket);
            } catch (IOException e) {
                // closed, or a client went away
            }
        }
    }

    private void handle(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        StringBuilder command = new StringBuilder();
        for (int b; (b = in.read()) > 0; ) {
            command.append((char) b);
        }
        OutputStream out = socket.getOutputStream();
        if (!command.toString().equals("zINSTREAM")) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        scans.incrementAndGet();
        StringBuilder seen = new StringBuilder();
        long total = 0;
        for (int length; (length = in.readInt()) != 0; ) {
            total += length;
            if (total > streamMaxLength) {
                out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            byte[] chunk = in.readNBytes(length);
            seen.append(new String(chunk, StandardCharsets.ISO_8859_1));
        }
        boolean infected = seen.indexOf("EICAR-STANDARD-ANTIVIRUS-TEST-FILE") >= 0;
        out.write((infected ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(2000);
    }
}
