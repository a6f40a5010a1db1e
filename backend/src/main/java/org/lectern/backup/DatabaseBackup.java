package org.lectern.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A logical backup of a Lectern database, taken and restored by Lectern itself: every table's rows as PostgreSQL's
 * COPY text (what {@code pg_dump --data-only} writes), the sequences, and the schema version they belong to, in one
 * zip. Lectern does this rather than calling pg_dump because a pg_dump must be at least the server's major version,
 * and the embedded server (17) is newer than the PostgreSQL client many systems have (Debian 12: 15); the format is
 * independent of the server version, so a backup also carries data across a major PostgreSQL upgrade.
 * <p>
 * Taking one reads a single REPEATABLE READ snapshot (the running app may go on writing). Restoring one needs an
 * empty database: the schema is migrated to the backup's version, every table loaded in foreign-key order and the
 * sequences set, all in one transaction; Flyway then migrates on to the current version as at any start.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "lectern-backup.json";
    static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");

    /** What a backup holds: the schema version, each table's copied columns (in load order), the sequences. */
    public record Manifest(int format, String schemaVersion, Instant takenAt, List<Table> tables, Map<String, long[]> sequences) {
    }

    public record Table(String name, List<String> columns, long rows) {
    }

    private DatabaseBackup() {
    }

    /** Writes the backup to {@code file} (through a temporary file beside it, so a failed backup leaves no half file). */
    public static Manifest write(DataSource dataSource, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Manifest manifest;
                try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                    String version = schemaVersion(c);
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    List<Table> tables = new ArrayList<>();
                    for (String table : loadOrder(c)) {
                        List<String> columns = columns(c, table);
                        zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                        long rows = copy.copyOut("copy " + quote(table) + " (" + columnList(columns) + ") to stdout",
                                new NotClosing(zip));
                        zip.closeEntry();
                        tables.add(new Table(table, columns, rows));
                    }
                    manifest = new Manifest(FORMAT, version, Instant.now(), tables, sequences(c));
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written to " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // only a leftover temporary file
            }
        }
    }

    /** The manifest of a backup file, or a clear refusal when the file is not one. */
    public static Manifest read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IllegalArgumentException(file + " is not a Lectern backup (it has no " + MANIFEST + ").");
            }
            Manifest m = JSON.readValue(zip.getInputStream(entry).readAllBytes(), Manifest.class);
            if (m.format() != FORMAT) {
                throw new IllegalArgumentException(file + " is a backup in format " + m.format() + "; this Lectern reads format " + FORMAT + ".");
            }
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a Lectern backup: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the database holds no Lectern tables yet (a fresh install). A restore goes only into such a
     * database: it never mixes a backup with data that is already there.
     */
    public static boolean empty(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_tables where schemaname = current_schema()")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * Loads a backup's rows into a database already migrated to the backup's schema version, in one transaction
     * (all or nothing), and sets the sequences as they were.
     */
    public static void load(DataSource dataSource, Path file) {
        Manifest manifest = read(file);
        try (Connection c = dataSource.getConnection(); ZipFile zip = new ZipFile(file.toFile())) {
            c.setAutoCommit(false);
            try {
                String version = schemaVersion(c);
                if (!manifest.schemaVersion().equals(version)) {
                    throw new IllegalStateException("The database is at schema version " + version + ", the backup at "
                            + manifest.schemaVersion() + ".");
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                // The database was empty before its migrations, so what its tables hold now are rows those migrations
                // seeded (markers such as work_score_backfill): the backup has them as they were, and is the truth.
                try (Statement st = c.createStatement()) {
                    st.execute("truncate table " + String.join(", ", manifest.tables().stream().map(t -> quote(t.name())).toList()));
                }
                for (Table t : manifest.tables()) {
                    ZipEntry entry = zip.getEntry("tables/" + t.name() + ".copy");
                    if (entry == null) {
                        throw new IllegalArgumentException("The backup lacks the rows of " + t.name() + ".");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        long rows = copy.copyIn("copy " + quote(t.name()) + " (" + columnList(t.columns()) + ") from stdin", in);
                        if (rows != t.rows()) {
                            throw new IllegalArgumentException("The backup's " + t.name() + " holds " + rows + " rows, its manifest says " + t.rows() + ".");
                        }
                    }
                }
                try (var st = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    for (var s : manifest.sequences().entrySet()) {
                        st.setString(1, quote(s.getKey()));
                        st.setLong(2, s.getValue()[0]);
                        st.setBoolean(3, s.getValue()[1] != 0);
                        st.execute();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed and loaded nothing: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    static String schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("The database has no Lectern schema.");
            }
            return rs.getString(1);
        }
    }

    /** The tables of the schema, each after every table it references (a self-reference is checked per statement). */
    static List<String> loadOrder(Connection c) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select tablename from pg_tables where schemaname = current_schema() order by tablename")) {
            while (rs.next()) {
                if (!NOT_COPIED.contains(rs.getString(1))) {
                    references.put(rs.getString(1), new LinkedHashSet<>());
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                where k.contype = 'f' and child.relnamespace = current_schema()::regnamespace
                order by 1, 2""")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2)) && references.containsKey(rs.getString(1))) {
                    references.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < references.size()) {
            boolean progress = false;
            for (var e : references.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    placed.add(e.getKey());
                    order.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle among " + references.keySet().stream()
                        .filter(t -> !placed.contains(t)).toList() + "; a backup cannot order them.");
            }
        }
        return order;
    }

    /** The columns COPY writes and reads (generated and dropped columns are left out). */
    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var st = c.prepareStatement("""
                select a.attname from pg_attribute a join pg_class t on t.oid = a.attrelid
                where t.relname = ? and t.relnamespace = current_schema()::regnamespace
                  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    static Map<String, long[]> sequences(Connection c) throws SQLException {
        Map<String, long[]> sequences = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select sequencename, coalesce(last_value, start_value), last_value is not null from pg_sequences "
                        + "where schemaname = current_schema() order by sequencename")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), new long[] {rs.getLong(2), rs.getBoolean(3) ? 1 : 0});
            }
        }
        return sequences;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }

    /** COPY closes the stream it writes to; a zip entry must stay open for the zip. */
    private static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
