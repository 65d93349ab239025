package vn.truongso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.truongso.TruongSoApplication;

/**
 * The two ways TruongSo finds its database: its own embedded PostgreSQL whose data survives a restart, or a server
 * named by {@code spring.datasource.url}.
 */
class DatabaseStartupTest {

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossARestart(@TempDir Path dataDir) {
        long accounts;
        try (var first = start("--truongso.data-dir=" + dataDir)) {
            var jdbc = first.getBean(JdbcClient.class);
            accounts = jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
            assertThat(accounts).isPositive();
            jdbc.sql("UPDATE user_account SET display_name = 'Đã đổi tên' WHERE username = 'admin'").update();
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        try (var second = start("--truongso.data-dir=" + dataDir)) {
            var jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isEqualTo(accounts);
            assertThat(jdbc.sql("SELECT display_name FROM user_account WHERE username = 'admin'").query(String.class).single())
                    .isEqualTo("Đã đổi tên");
        }
    }

    @Test
    void aConfiguredUrlIsUsedInsteadOfTheEmbeddedDatabase() throws Exception {
        try (var server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            try (var app = start("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--truongso.demo-data=false")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                try (var connection = server.getPostgresDatabase().getConnection();
                        var result = connection.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                    result.next();
                    assertThat(result.getInt(1)).isPositive();
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--logging.level.root=WARN";
        return new SpringApplicationBuilder(TruongSoApplication.class).run(all);
    }
}
