package org.lectern.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.LecternTestApplication;
import org.lectern.RestCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup of a running Lectern, restored into a fresh Lectern (its own new embedded PostgreSQL, started through the
 * real start-up path with {@code lectern.restore-from}), serves the same gradebook to the same people with the same
 * API tokens; a restore never goes into a database that has data.
 */
@BackendTest
class BackupRestoreIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired DataSource dataSource;
    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRestoredLecternServesTheSameGradebook(@TempDir Path dir) throws Exception {
        var s = coursework.setup(false);
        RestCalls rest = new RestCalls(port);
        String ta = rest.token(s.ta());
        String instructor = rest.token(s.instructor());
        String student = rest.token(s.student());
        String base = "/api/v1/courses/" + s.courseId();
        var imported = rest.send("POST", base + "/scores.csv", ta, "text/csv",
                "Student,Email,quiz1,quiz2\nStu," + s.student().email() + ",8,9.5\nOth," + s.otherStudent().email() + ",10,EX\n");
        assertThat(imported.statusCode()).isEqualTo(200);
        JsonNode staffView = json.readTree(rest.send("GET", base + "/gradebook", instructor, null, (String) null).body());
        JsonNode studentView = json.readTree(rest.send("GET", base + "/gradebook", student, null, (String) null).body());
        String csv = rest.send("GET", base + "/gradebook.csv", instructor, null, (String) null).body();
        assertThat(staffView.get("students")).hasSize(2);

        Path backup = dir.resolve("lectern.backup");
        DatabaseBackup.Manifest manifest = DatabaseBackup.write(dataSource, backup);
        assertThat(manifest.tables()).extracting(DatabaseBackup.Table::name).contains("account", "course", "blob");
        assertThat(Files.list(dir)).containsExactly(backup); // no temporary file left

        // The running Lectern's own database has tables: a restore there is refused before anything is touched.
        long courses = jdbc.sql("select count(*) from course").query(Long.class).single();
        assertThatThrownBy(() -> BackupConfiguration.restore(flyway, dataSource, backup))
                .hasMessageContaining("already holds tables").hasMessageContaining("Nothing was changed");
        assertThat(jdbc.sql("select count(*) from course").query(Long.class).single()).isEqualTo(courses);

        // The shared test database holds the demo course once DemoCourseIT has run; a Lectern outside demo mode rightly
        // refuses data with the demo's public-password accounts, so the restored one runs as the backed-up one would.
        boolean demoData = jdbc.sql("select count(*) from account where email like '%@demo.lectern'").query(Long.class).single() > 0;
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(LecternTestApplication.class)
                .properties("lectern.data-dir=" + dir.resolve("fresh"), "lectern.restore-from=" + backup, "server.port=0",
                        "lectern.metrics.port=0", "lectern.pool.enabled=false", "lectern.live.serve=false",
                        "lectern.demo.enabled=" + demoData)
                .run()) {
            RestCalls restored = new RestCalls(Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port")));
            assertThat(json.readTree(restored.send("GET", base + "/gradebook", instructor, null, (String) null).body())).isEqualTo(staffView);
            assertThat(json.readTree(restored.send("GET", base + "/gradebook", student, null, (String) null).body())).isEqualTo(studentView);
            assertThat(restored.send("GET", base + "/gradebook.csv", instructor, null, (String) null).body()).isEqualTo(csv);
            // New rows after the restore continue the sequences instead of colliding with restored ids (a sign-in
            // stores a new token row).
            assertThat(restored.token(s.ta())).isNotBlank();
        }
    }
}
