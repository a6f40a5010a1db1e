package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a supervisor (systemd, Kubernetes) does after a crash is restart at once: a Lectern killed with
 * SIGKILL leaves its embedded PostgreSQL running on the data folder, and the next start must take the
 * folder over at once (the orphan stopped, the data intact); while a live Lectern holds the folder, a
 * second one is refused with a message, never a second server on one folder.
 */
class EmbeddedDatabaseCrashTest {

    @Test
    void aRestartRightAfterAKillTakesTheFolderOverAndASecondLecternIsRefused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        Process first = holder(data, "before the crash");
        try {
            assertThat(readyLine(first)).startsWith("READY ");
            assertThatThrownBy(() -> DatabaseConfiguration.EmbeddedDatabase.start(data))
                    .hasMessageContaining("Another Lectern is using");
            List<ProcessHandle> servers = postgresServersOn(data);
            assertThat(servers).as("the first Lectern's PostgreSQL").isNotEmpty();

            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(servers).as("SIGKILL leaves the server running").anyMatch(ProcessHandle::isAlive);

            try (var db = DatabaseConfiguration.EmbeddedDatabase.start(data);
                 Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the crash");
                assertThat(servers).as("the orphan was stopped").noneMatch(ProcessHandle::isAlive);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private static Process holder(Path data, String row) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseHolder.class.getName(), data.toString(), row)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String readyLine(Process p) throws Exception {
        var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return line;
            }
        }
        return "the holder ended without starting";
    }

    /** The server running on the folder, by its postmaster.pid (PostgreSQL's own record). */
    private static List<ProcessHandle> postgresServersOn(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).stream().toList();
    }
}
