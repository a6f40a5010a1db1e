package org.lectern.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A stand-in for a Lectern process in {@link EmbeddedDatabaseCrashTest}: starts the embedded database on
 * the folder it is given, writes a row, says READY and waits to be killed.
 */
public final class EmbeddedDatabaseHolder {
    public static void main(String[] args) throws Exception {
        var db = DatabaseConfiguration.EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists kept (v text)");
            s.execute("insert into kept values ('" + args[1] + "')");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        System.in.read(); // until the test kills this process
    }
}
