package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup database keeps its data across restarts (a restart of Lectern loses nothing),
 * and only a client holding the generated password gets in.
 */
class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesARestartOnTheSameFolder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (var db = DatabaseConfiguration.EmbeddedDatabase.start(data);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (var db = DatabaseConfiguration.EmbeddedDatabase.start(data);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (var db = DatabaseConfiguration.EmbeddedDatabase.start(data)) {
            Path file = DatabaseConfiguration.EmbeddedDatabase.passwordFile(data);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(file).strip()).isEqualTo(db.password());
            refusesStrangers(db.port());
            try (Connection c = DriverManager.getConnection(url(db.port()), "postgres", db.password())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    /** A data folder made by an earlier Lectern (zonky's initdb: trust, no password) opens, keeps its data, and is locked. */
    @Test
    void aFolderMadeWithoutAPasswordOpensAndIsLockedFromThenOn(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = DriverManager.getConnection(url(old.getPort()), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('from before')");
        }
        for (int start = 0; start < 2; start++) {
            try (var db = DatabaseConfiguration.EmbeddedDatabase.start(data);
                 Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("from before");
                refusesStrangers(db.port());
            }
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Without the password, or with a wrong one, the server says no (pg_hba.conf's reload is applied asynchronously). */
    private static void refusesStrangers(int port) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String password : new String[] {"", "postgres"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url(port), "postgres", password).close())
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password");
            }
        });
    }
}
