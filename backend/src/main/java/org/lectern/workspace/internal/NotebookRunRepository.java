package org.lectern.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotebookRunRepository {

    public static final String CHANNEL = "lectern_notebook_runs";

    public record RunRow(long id, long teamId, long courseId, long fileId, String fileName, int fileVersion, String startedBy,
            String status, int estimateSeconds, int codeCells, Double seconds, String problem, String packages, Long resultFileId,
            Instant createdAt, Instant startedAt, Instant firstOutputAt, Instant finishedAt, String environment, boolean cancelRequested) {
    }

    /** A cell's output; {@code running}: the cell has not finished, and these are its lines so far. */
    public record CellRow(int cell, String stdout, String stderr, String imagesJson, String error, boolean running) {

        public CellRow(int cell, String stdout, String stderr, String imagesJson, String error) {
            this(cell, stdout, stderr, imagesJson, error, false);
        }
    }

    /** What a running cell keeps of each stream (its last characters), as the runner keeps for a finished one. */
    public static final int STREAM_CAP = 200_000;

    /** The team's worker seconds this week in notebook runs: measured for ended runs, held for queued and running ones. */
    public record WeekUse(double chargedSeconds, long heldSeconds) {
    }

    private static final String RUNS = """
            select r.id, r.team_id, r.course_id, r.file_id, f.name, f.version, coalesce(a.display_name, ''), r.status, r.estimate_seconds,
                   r.code_cells, r.seconds, r.problem, r.packages, r.result_file_id, r.created_at, r.started_at, r.first_output_at, r.finished_at,
                   r.environment, r.cancel_requested
            from notebook_run r join workspace_file f on f.id = r.file_id left join account a on a.id = r.started_by
            """;

    private final JdbcClient jdbc;

    public NotebookRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WeekUse weekUse(long teamId, Instant since) {
        return jdbc.sql("""
                        select coalesce(sum(seconds) filter (where status in ('FINISHED', 'FAILED', 'CANCELLED')), 0),
                               coalesce(sum(estimate_seconds) filter (where status in ('QUEUED', 'RUNNING')), 0)
                        from notebook_run where team_id = ? and created_at >= ?""")
                .params(teamId, Timestamp.from(since))
                .query((rs, i) -> new WeekUse(rs.getDouble(1), rs.getLong(2))).single();
    }

    public long insert(long teamId, long courseId, long fileId, long by, int estimateSeconds, int codeCells) {
        return jdbc.sql("""
                        insert into notebook_run (team_id, course_id, file_id, started_by, estimate_seconds, code_cells)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(teamId, courseId, fileId, by, estimateSeconds, codeCells).query(Long.class).single();
    }

    private static RunRow run(ResultSet rs, int i) throws SQLException {
        double secs = rs.getDouble(11);
        Double seconds = rs.wasNull() ? null : secs;
        long result = rs.getLong(14);
        Long resultId = rs.wasNull() ? null : result;
        return new RunRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getString(8), rs.getInt(9), rs.getInt(10), seconds, rs.getString(12), rs.getString(13), resultId, instant(rs, 15),
                instant(rs, 16), instant(rs, 17), instant(rs, 18), rs.getString(19), rs.getBoolean(20));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public Optional<RunRow> run(long id) {
        return jdbc.sql(RUNS + " where r.id = ?").param(id).query(NotebookRunRepository::run).optional();
    }

    public List<RunRow> runs(long teamId) {
        return jdbc.sql(RUNS + " where r.team_id = ? order by r.id desc limit 20").param(teamId).query(NotebookRunRepository::run).list();
    }

    public List<CellRow> cells(long runId) {
        return jdbc.sql("select cell, stdout, stderr, images, error, running from notebook_run_cell where run_id = ? order by cell")
                .param(runId)
                .query((rs, i) -> new CellRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6))).list();
    }

    /** QUEUED → RUNNING (or a revived RUNNING one, its cells cleared); false when the run has already ended. */
    public boolean begin(long id, String worker) {
        jdbc.sql("delete from notebook_run_cell where run_id = ?").param(id).update();
        return jdbc.sql("""
                update notebook_run set status = 'RUNNING', started_at = now(), worker = ?, first_output_at = null
                where id = ? and status in ('QUEUED', 'RUNNING')""").params(worker, id).update() == 1;
    }

    /** A finished cell: replaces the lines its running row held; a cell that already finished stays as it was. */
    public void putCell(long runId, CellRow c) {
        jdbc.sql("""
                insert into notebook_run_cell (run_id, cell, stdout, stderr, images, error) values (?, ?, ?, ?, ?, ?)
                on conflict (run_id, cell) do update set stdout = excluded.stdout, stderr = excluded.stderr, images = excluded.images,
                  error = excluded.error, running = false
                where notebook_run_cell.running""").params(runId, c.cell(), c.stdout(), c.stderr(), c.imagesJson(), c.error()).update();
        firstOutput(runId);
    }

    /** Lines a running cell wrote on one stream, appended to its row (its last {@link #STREAM_CAP} characters kept). */
    public void appendLines(long runId, int cell, boolean stderr, String text) {
        String out = stderr ? "" : text;
        String err = stderr ? text : "";
        jdbc.sql("""
                insert into notebook_run_cell (run_id, cell, stdout, stderr, running) values (?, ?, right(?, ?), right(?, ?), true)
                on conflict (run_id, cell) do update set stdout = right(notebook_run_cell.stdout || excluded.stdout, ?),
                  stderr = right(notebook_run_cell.stderr || excluded.stderr, ?)
                where notebook_run_cell.running""").params(runId, cell, out, STREAM_CAP, err, STREAM_CAP, STREAM_CAP, STREAM_CAP).update();
        firstOutput(runId);
    }

    private void firstOutput(long runId) {
        jdbc.sql("update notebook_run set first_output_at = coalesce(first_output_at, now()) where id = ?").param(runId).update();
    }

    /** The run is to be placed on nodes offering {@code environment} (its pool job says so too). */
    public void setEnvironment(long id, String environment) {
        jdbc.sql("update notebook_run set environment = ? where id = ?").params(environment, id).update();
    }

    /** A running run's worker is to stop it; false when the run is not running. */
    public boolean requestCancel(long id, long by) {
        return jdbc.sql("update notebook_run set cancel_requested = true, cancel_requested_by = ? where id = ? and status = 'RUNNING'")
                .params(by, id).update() == 1;
    }

    /** Whether someone asked to stop the run, and who: empty when nobody has. */
    public Optional<String> cancelledBy(long id) {
        return jdbc.sql("""
                        select coalesce(a.display_name, 'someone') from notebook_run r left join account a on a.id = r.cancel_requested_by
                        where r.id = ? and r.cancel_requested""").param(id).query(String.class).optional();
    }

    /** Ends a run once (a guarded update): false when it had already ended. */
    public boolean end(long id, String status, double seconds, String problem, String packages, Long resultFileId) {
        return jdbc.sql("""
                update notebook_run set status = ?, seconds = ?, problem = ?, packages = ?, result_file_id = ?, finished_at = now()
                where id = ? and status in ('QUEUED', 'RUNNING')""")
                .params(status, seconds, problem, packages, resultFileId, id).update() == 1;
    }

    public void notifyRun(long runId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', ?)").param(Long.toString(runId)).query(Object.class).single();
    }

    public Long startedById(long runId) {
        return jdbc.sql("select started_by from notebook_run where id = ?").param(runId).query(Long.class).optional().orElse(null);
    }
}
