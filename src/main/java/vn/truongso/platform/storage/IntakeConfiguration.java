package vn.truongso.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import vn.truongso.platform.BlobStore;
import vn.truongso.platform.FileIntake;
import vn.truongso.platform.VirusScanner;

/**
 * The upload pipeline: {@link FileIntake} spools to {@code truongso.intake.dir} (default {@code <data-dir>/intake},
 * or a temporary folder), and scans with clamd when {@code truongso.clamd.host} is set.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    @ConditionalOnProperty(name = "truongso.clamd.host")
    VirusScanner clamdVirusScanner(@Value("${truongso.clamd.host}") String host,
            @Value("${truongso.clamd.port:3310}") int port,
            @Value("${truongso.clamd.timeout:60s}") String timeout,
            @Value("${truongso.clamd.max-bytes:26214400}") long maxBytes) {
        return new ClamdVirusScanner(host, port, DurationStyle.detectAndParse(timeout), maxBytes);
    }

    @Bean
    @ConditionalOnMissingBean(VirusScanner.class)
    VirusScanner noVirusScanner() {
        return new NoVirusScanner();
    }

    @Bean
    FileIntake fileIntake(BlobStore blobs, VirusScanner scanner, @Value("${truongso.intake.dir:}") String intakeDir,
            @Value("${truongso.data-dir:}") String dataDir, @Value("${truongso.intake.text-limit:200000}") int textLimit)
            throws IOException {
        Path spool;
        if (StringUtils.hasText(intakeDir)) {
            spool = Path.of(intakeDir);
        } else if (StringUtils.hasText(dataDir)) {
            spool = Path.of(dataDir, "intake");
        } else {
            spool = Files.createTempDirectory("truongso-intake-");
        }
        return new StreamingFileIntake(blobs, scanner, spool, textLimit);
    }
}
