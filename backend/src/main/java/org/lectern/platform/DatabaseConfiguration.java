package org.lectern.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource: an external PostgreSQL when LECTERN_DB_URL is set, otherwise an embedded
 * PostgreSQL whose data lives under LECTERN_DATA_DIR so that a restart loses nothing.
 * Flyway (Spring Boot's auto-configuration) migrates whichever it is at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LecternProperties.class)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(LecternProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lectern");
        config.setMaximumPoolSize(20);
        if (props.db().external()) {
            log.info("Using external PostgreSQL at {}", props.db().url());
            config.setJdbcUrl(props.db().url());
            config.setUsername(props.db().user());
            config.setPassword(props.db().password());
            return new HikariDataSource(config);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(props.dataDir().resolve("pg"));
        config.setJdbcUrl(embedded.jdbcUrl());
        config.setUsername("postgres");
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                embedded.close();
            }
        };
    }

    /** The embedded server over a persistent data folder (initialised once, reused after). */
    public static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        public static EmbeddedDatabase start(Path dataDir) {
            try {
                Files.createDirectories(dataDir);
                log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        // zonky starts PostgreSQL with fsync and synchronous commits off (fine for tests);
                        // Lectern's data must survive a crash, so both go back on (later -c options win over -F).
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setPGStartupWait(java.time.Duration.ofSeconds(60))
                        .start();
                return new EmbeddedDatabase(pg);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        }

        public DataSource dataSource() {
            return postgres.getPostgresDatabase();
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
