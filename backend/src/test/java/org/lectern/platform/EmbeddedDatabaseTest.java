package org.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup database keeps its data across restarts: a restart of Lectern loses nothing. */
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
}
