package org.lectern.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ./lectern backup FILE} and {@code ./lectern restore FILE}: {@code lectern.backup-to} writes a backup once the
 * application has started and exits; {@code lectern.restore-from} loads one into an empty database in place of the
 * first migration, then migrates on and starts as usual, serving the restored courses.
 */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BackupConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "lectern", name = "restore-from")
    FlywayMigrationStrategy restoreThenMigrate(@Value("${lectern.restore-from}") Path file, DataSource dataSource) {
        return flyway -> {
            restore(flyway, dataSource, file);
            flyway.migrate();
        };
    }

    static void restore(Flyway flyway, DataSource dataSource, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No backup at " + file.toAbsolutePath() + ".");
        }
        DatabaseBackup.Manifest manifest = DatabaseBackup.read(file);
        try (Connection c = dataSource.getConnection()) {
            if (!DatabaseBackup.empty(c)) {
                throw new IllegalStateException("Refusing to restore " + file + " into a database that already holds tables: "
                        + "restore into a fresh Lectern (a new LECTERN_DATA_DIR, or an empty database for LECTERN_DB_URL). Nothing was changed.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look at the database: " + e.getMessage(), e);
        }
        MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
        boolean known = false;
        for (MigrationInfo m : flyway.info().all()) {
            known |= version.equals(m.getVersion());
        }
        if (!known) {
            throw new IllegalStateException("The backup is of schema version " + manifest.schemaVersion()
                    + ", which this Lectern does not have (a newer Lectern made it): restore it with that version or a newer one.");
        }
        log.info("Restoring {} (schema version {}, taken {}): migrating an empty database to version {} first",
                file, manifest.schemaVersion(), manifest.takenAt(), manifest.schemaVersion());
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .target(version).load().migrate();
        try {
            DatabaseBackup.load(dataSource, file);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + " The database now holds an empty schema of version "
                    + manifest.schemaVersion() + "; drop it (or remove the data folder) before restoring again.", e);
        }
        long rows = manifest.tables().stream().mapToLong(DatabaseBackup.Table::rows).sum();
        log.info("Restored {} rows in {} tables from {}; migrating to the current schema", rows, manifest.tables().size(), file);
    }

    @Bean
    @ConditionalOnProperty(prefix = "lectern", name = "backup-to")
    ApplicationRunner backupAndExit(@Value("${lectern.backup-to}") Path file, DataSource dataSource,
                                    ConfigurableApplicationContext context) {
        return args -> {
            int status = 0;
            try {
                DatabaseBackup.Manifest m = DatabaseBackup.write(dataSource, file);
                log.info("Backup written to {}: schema version {}, {} tables, {} rows", file.toAbsolutePath(), m.schemaVersion(),
                        m.tables().size(), m.tables().stream().mapToLong(DatabaseBackup.Table::rows).sum());
            } catch (RuntimeException e) {
                log.error("The backup failed: {}", e.getMessage());
                status = 1;
            }
            int exit = status;
            System.exit(SpringApplication.exit(context, () -> exit));
        };
    }
}
