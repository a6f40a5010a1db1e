package org.lectern.autograde.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.autograde.ModelRunView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ModelRunRepository {

    public record Task(long assignmentId, String spec, String dataSha256, int images, int publicImages) {
    }

    private static final String RUN_COLUMNS = """
            r.id, r.submission_id, r.state, r.public_score, r.private_score, r.parameters, r.latency_ms, r.latency_p95_ms, r.device,
            r.message, r.finished_at""";

    private final JdbcClient jdbc;

    public ModelRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void putTask(long assignmentId, String spec, String dataSha256, int images, int publicImages, long by) {
        jdbc.sql("""
                insert into model_task (assignment_id, spec, data_sha256, images, public_images, updated_by) values (?, ?, ?, ?, ?, ?)
                on conflict (assignment_id) do update set spec = excluded.spec, data_sha256 = excluded.data_sha256,
                  images = excluded.images, public_images = excluded.public_images, updated_by = excluded.updated_by, updated_at = now()""")
                .params(assignmentId, spec, dataSha256, images, publicImages, by).update();
    }

    public Optional<Task> task(long assignmentId) {
        return jdbc.sql("select assignment_id, spec, data_sha256, images, public_images from model_task where assignment_id = ?")
                .param(assignmentId)
                .query((rs, i) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5))).optional();
    }

    public long insert(long submissionId, long assignmentId, String state, String message) {
        long id = jdbc.sql("""
                insert into model_run (submission_id, assignment_id, state, message, finished_at)
                values (?, ?, ?, ?, case when ? in ('INVALID', 'FAILED') then now() end) returning id""")
                .params(submissionId, assignmentId, state, message, state).query(Long.class).single();
        changed(id);
        return id;
    }

    /** Tells live pages the run's submission changed, on the grading runs' channel ({@link RunRepository#CHANNEL}). */
    private void changed(long runId) {
        jdbc.sql("select pg_notify('" + RunRepository.CHANNEL + "', 's' || submission_id) from model_run where id = ?").param(runId)
                .query((rs, i) -> 0).list();
    }

    /** QUEUED → RUNNING once; false if another worker has it or it ended. */
    public boolean start(long runId) {
        boolean started = jdbc.sql("update model_run set state = 'RUNNING', started_at = now() where id = ? and state in ('QUEUED', 'RUNNING')")
                .param(runId).update() == 1;
        changed(runId);
        return started;
    }

    public void finish(long runId, Double publicScore, Double privateScore, Long parameters, Double latency, Double latencyP95,
                       String device) {
        jdbc.sql("""
                update model_run set state = 'DONE', public_score = ?, private_score = ?, parameters = ?, latency_ms = ?,
                  latency_p95_ms = ?, device = ?, finished_at = now() where id = ? and state in ('QUEUED', 'RUNNING')""")
                .params(publicScore, privateScore, parameters, latency, latencyP95, device, runId).update();
        changed(runId);
    }

    public void fail(long runId, String state, String message) {
        jdbc.sql("update model_run set state = ?, message = ?, finished_at = now() where id = ? and state in ('QUEUED', 'RUNNING')")
                .params(state, message, runId).update();
        changed(runId);
    }

    public Optional<Long> submissionOf(long runId) {
        return jdbc.sql("select submission_id from model_run where id = ?").param(runId).query(Long.class).optional();
    }

    public Optional<ModelRunView> latestFor(long submissionId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from model_run r where r.submission_id = ? order by r.id desc limit 1")
                .param(submissionId).query(ModelRunRepository::run).optional();
    }

    /** The latest run of each of these submissions (one query, for the leaderboard and the gradebook). */
    public Map<Long, ModelRunView> latestFor(Collection<Long> submissionIds) {
        Map<Long, ModelRunView> out = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select distinct on (r.submission_id) " + RUN_COLUMNS + " from model_run r where r.submission_id = any(?) "
                        + "order by r.submission_id, r.id desc")
                .param(submissionIds.toArray(new Long[0]))
                .query(ModelRunRepository::run).list().forEach(r -> out.put(r.submissionId(), r));
        return out;
    }

    private static ModelRunView run(ResultSet rs, int row) throws SQLException {
        Timestamp done = rs.getTimestamp("finished_at");
        return new ModelRunView(rs.getLong("id"), rs.getLong("submission_id"), rs.getString("state"), (Double) rs.getObject("public_score"),
                (Double) rs.getObject("private_score"), (Long) rs.getObject("parameters"), (Double) rs.getObject("latency_ms"),
                (Double) rs.getObject("latency_p95_ms"), rs.getString("device"), rs.getString("message"), done == null ? null : done.toInstant());
    }
}
