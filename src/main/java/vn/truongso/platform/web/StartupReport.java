package vn.truongso.platform.web;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints where TruongSo listens, how long it took to start and how much memory it holds. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    @Order(100)
    void report(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("""

                  Trường Số đang chạy / TruongSo is running: http://localhost:{}
                  Khởi động / startup: {} s (JVM uptime {} s); heap used {} MiB; resident memory {} MiB
                """, port, String.format("%.1f", event.getTimeTaken().toMillis() / 1000.0), String.format("%.1f", uptimeMs / 1000.0),
                heap.getUsed() >> 20, residentMemoryMib());
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long residentMemoryMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }
}
