package vn.truongso.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url}, TruongSo starts its own PostgreSQL whose data lives in
 * {@code truongso.data-dir}/postgres, so a restart keeps everything. An empty data dir means a throw-away
 * database in a temporary folder (the test suite uses that).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "truongso";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${truongso.data-dir:}") String dataDir,
            @Value("${truongso.embedded-db.shared-buffers:256MB}") String sharedBuffers) throws IOException {
        // Stopped by this bean's close() when the context closes, after everything that still uses the database; zonky's
        // own JVM shutdown hook would stop it concurrently, so shutdown code (the event publication registry) found
        // it gone and waited out the pool's 30 s connection timeout.
        var builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                // 256 MB holds the materials search table of a city's 100,000 materials (121 MB) with room to spare.
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("fsync", "on");
        if (StringUtils.hasText(dataDir)) {
            Path dir = Path.of(dataDir, "postgres");
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dir.toAbsolutePath());
            OrphanedPostmaster.stopIfLeftBehind(dir);
        } else {
            log.info("Embedded PostgreSQL runs on a throw-away data folder");
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        DataSource admin = postgres.getPostgresDatabase();
        try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the embedded database", e);
        }
    }
}
