package vn.truongso.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The clamd client against a real loopback TCP server speaking clamd's INSTREAM protocol. */
class ClamdVirusScannerTest {

    @Test
    void cleanContentIsOk() throws Exception {
        try (TinyClamd clamd = new TinyClamd(10_000_000)) {
            ClamdVirusScanner scanner = scanner(clamd.port(), 10_000_000);
            byte[] content = new byte[300_000]; // several chunks
            assertThat(scanner.findThreat(new ByteArrayInputStream(content), content.length)).isEmpty();
            assertThat(clamd.scans.get()).isEqualTo(1);
        }
    }

    @Test
    void eicarIsFoundAndNamed() throws Exception {
        try (TinyClamd clamd = new TinyClamd(10_000_000)) {
            byte[] eicar = GeneratedFiles.eicar();
            assertThat(scanner(clamd.port(), 10_000_000).findThreat(new ByteArrayInputStream(eicar), eicar.length))
                    .contains("Eicar-Signature");
        }
    }

    @Test
    void anErrorAnswerFailsTheScanInsteadOfPassingIt() throws Exception {
        try (TinyClamd clamd = new TinyClamd(1000)) {
            byte[] content = new byte[5000];
            assertThatThrownBy(() -> scanner(clamd.port(), 10_000).findThreat(new ByteArrayInputStream(content), content.length))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anUnreachableDaemonFailsTheScan() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> scanner(port, 1000).findThreat(new ByteArrayInputStream(new byte[10]), 10))
                .isInstanceOf(IOException.class);
    }

    @Test
    void contentOverTheStreamLimitIsNotSent() throws Exception {
        try (TinyClamd clamd = new TinyClamd(1000)) {
            byte[] eicarAndMore = new byte[5000];
            System.arraycopy(GeneratedFiles.eicar(), 0, eicarAndMore, 0, GeneratedFiles.eicar().length);
            assertThat(scanner(clamd.port(), 1000).findThreat(new ByteArrayInputStream(eicarAndMore), eicarAndMore.length)).isEmpty();
            assertThat(clamd.scans.get()).isZero();
        }
    }

    @Test
    void readsClamdAnswers() throws Exception {
        assertThat(ClamdVirusScanner.interpret("stream: OK")).isEmpty();
        assertThat(ClamdVirusScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND")).contains("Win.Test.EICAR_HDB-1");
        assertThatThrownBy(() -> ClamdVirusScanner.interpret("INSTREAM size limit exceeded. ERROR")).isInstanceOf(IOException.class);
    }

    private static ClamdVirusScanner scanner(int port, long maxBytes) {
        return new ClamdVirusScanner("127.0.0.1", port, Duration.ofSeconds(5), maxBytes);
    }
}
