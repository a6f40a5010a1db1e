package org.lectern.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.LecternTestApplication;
import org.lectern.RestCalls;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database made by an older Lectern opens in this one: for every schema version Lectern has shipped, a database
 * at that version, holding course data written in the shape of its time (accounts, a course, an assignment with a
 * submission and its file, a gradebook score), migrates to the current schema with the data intact; the one that
 * starts at version 1 is then served by this Lectern, which shows the old score in the old course's gradebook.
 * A migration that changes the meaning of existing rows gets its own data here, at the version before it.
 */
@BackendTest
class OlderSchemasIT {

    static final String PASSWORD = "an-old-lectern-password";
    static final MigrationVersion SERVED = MigrationVersion.fromVersion("3");

    /** Data as each version's schema had it, inserted right after migrating to that version. */
    static Map<String, String> dataAt(String passwordHash) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("1", """
                insert into account (id, email, display_name, password_hash) values
                    (9001, 'old-instructor@old.lectern', 'Old Instructor', '%1$s'),
                    (9002, 'old-student@old.lectern', 'Old Student', '%1$s');
                insert into course (id, code, title, term, time_zone, created_by)
                    values (9001, 'OLD101', 'Old course', 'Autumn 2023', 'America/Los_Angeles', 9001);
                insert into membership (course_id, account_id, role) values (9001, 9001, 'INSTRUCTOR'), (9001, 9002, 'STUDENT');
                """.formatted(passwordHash));
        data.put("2", """
                insert into blob (sha256, size_bytes, content)
                    values ('d8e8fca2dc0f896fd7cb4cb0031ba249c5e1bc7df7a5f1c4e8e3d0f4c4e1a7f0', 16, convert_to('def relu(x): ...', 'UTF8'));
                insert into assignment (id, course_id, short_name, title, release_at, due_at, points)
                    values (9001, 9001, 'hw1', 'Old homework', '2023-10-01T00:00:00Z', '2023-10-08T00:00:00Z', 10);
                insert into submission (id, assignment_id, account_id, version, submitted_at, submitted_by, file_name, receipt_sha256, size_bytes)
                    values (9001, 9001, 9002, 1, '2023-10-07T12:00:00Z', 9002, 'hw1.py',
                            'd8e8fca2dc0f896fd7cb4cb0031ba249c5e1bc7df7a5f1c4e8e3d0f4c4e1a7f0', 16);
                insert into submission_file (submission_id, path, blob_sha256)
                    values (9001, 'hw1.py', 'd8e8fca2dc0f896fd7cb4cb0031ba249c5e1bc7df7a5f1c4e8e3d0f4c4e1a7f0');
                """);
        data.put("3", """
                insert into grade_entry (course_id, item_key, account_id, score, entered_by) values (9001, 'quiz1', 9002, 8.5, 9001);
                """);
        return data;
    }

    @Autowired Flyway flyway;
    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyShippedSchemaWithDataMigratesToTheCurrentOneAndIsServed() throws Exception {
        List<MigrationVersion> shipped = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).distinct().sorted().toList();
        assertThat(shipped).hasSizeGreaterThan(20);
        Map<String, String> data = dataAt(encoder.encode(PASSWORD));
        // One database climbs the versions, taking each version's data as it passes; at every version a copy of it
        // (CREATE DATABASE … TEMPLATE: a file copy) is what an install of that version left, and migrates to now.
        PGSimpleDataSource chain = freshDatabase("lectern_chain");
        for (MigrationVersion version : shipped) {
            migrate(chain, version);
            if (data.containsKey(version.getVersion())) {
                JdbcClient.create(chain).sql(data.get(version.getVersion())).update();
            }
            String name = "lectern_from_v" + version.getVersion();
            jdbc.sql("drop database if exists " + name).update();
            jdbc.sql("create database " + name + " template lectern_chain").update();
            PGSimpleDataSource db = connect(name);
            var result = migrate(db, MigrationVersion.LATEST);
            assertThat(result.success).as("from version " + version).isTrue();
            JdbcClient old = JdbcClient.create(db);
            assertThat(old.sql("select count(*) from membership where course_id = 9001").query(Long.class).single())
                    .as("from version " + version).isEqualTo(2);
            if (version.isAtLeast("2")) {
                assertThat(old.sql("select convert_from(b.content, 'UTF8') from submission_file f join blob b on b.sha256 = f.blob_sha256 "
                        + "where f.submission_id = 9001").query(String.class).single()).as("from version " + version).isEqualTo("def relu(x): ...");
            }
            if (!version.equals(SERVED)) {
                jdbc.sql("drop database " + name).update();
            }
        }
        jdbc.sql("drop database lectern_chain").update();

        // The one that started at version 3 (holding the data of versions 1 to 3 and migrated through every later
        // migration), served by this Lectern.
        String url = dataSource.getJdbcUrl().replaceFirst("/postgres$", "/lectern_from_v" + SERVED.getVersion());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LecternTestApplication.class)
                .properties("lectern.db.url=" + url, "lectern.db.user=" + dataSource.getUsername(),
                        "lectern.db.password=" + dataSource.getPassword(), "server.port=0", "lectern.metrics.port=0",
                        "lectern.pool.enabled=false", "lectern.live.serve=false")
                .run()) {
            RestCalls rest = new RestCalls(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            var signIn = rest.send("POST", "/api/v1/tokens", null, "application/json",
                    "{\"email\":\"old-instructor@old.lectern\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(signIn.statusCode()).isEqualTo(201);
            String token = json.readTree(signIn.body()).get("token").asString();
            JsonNode gradebook = json.readTree(rest.send("GET", "/api/v1/courses/9001/gradebook", token, null, (String) null).body());
            JsonNode student = gradebook.get("students").get(0);
            assertThat(student.get("email").asString()).isEqualTo("old-student@old.lectern");
            assertThat(student.get("items").get("quiz1").get("score").decimalValue()).isEqualByComparingTo("8.5");
        } finally {
            jdbc.sql("drop database if exists lectern_from_v" + SERVED.getVersion()).update();
        }
    }

    PGSimpleDataSource freshDatabase(String name) {
        jdbc.sql("drop database if exists " + name).update();
        jdbc.sql("create database " + name).update();
        return connect(name);
    }

    PGSimpleDataSource connect(String name) {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(dataSource.getJdbcUrl().replaceFirst("/postgres$", "/" + name));
        db.setUser(dataSource.getUsername());
        db.setPassword(dataSource.getPassword());
        return db;
    }

    org.flywaydb.core.api.output.MigrateResult migrate(PGSimpleDataSource db, MigrationVersion target) {
        return Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .dataSource(db).target(target).load().migrate();
    }
}
