package org.lectern.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.training.QuotaUse;
import org.lectern.training.RunState;
import org.lectern.training.TrainingRun;
import org.lectern.training.TrainingSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TrainingRepository {

    /** The PostgreSQL channel that tells live views a run changed; the payload is the run's id. */
    public static final String CHANNEL = "lectern_training";

    private static final String RUN = """
            select r.id, r.course_id, r.account_id, a.display_name, r.team_id, r.dataset_key, r.architecture, r.optimizer,
                   r.learning_rate, r.batch_size, r.weight_decay, r.epochs, r.seed, r.state, r.estimate_seconds, r.budget_seconds,
                   r.charged_seconds, r.parameters, r.device, r.engine, r.message, r.created_at, r.started_at, r.finished_at,
                   e.epoch as last_epoch, e.train_loss, e.train_accuracy, e.validation_loss, e.validation_accuracy, e.seconds
            from training_run r
            join account a on a.id = r.account_id
            left join lateral (select * from training_epoch x where x.run_id = r.id order by x.epoch desc limit 1) e on true
            """;

    /** What the worker needs of a run. */
    public record Job(long id, long courseId, long accountId, Long teamId, String dataset, TrainingConfig config, RunState state,
                      boolean cancelRequested, Instant createdAt, long estimateSeconds) {
    }

    private final JdbcClient jdbc;

    public TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ settings and datasets

    public Optional<TrainingSettings> settings(long courseId) {
        return jdbc.sql("select student_seconds_per_week, team_seconds_per_week from training_settings where course_id = ?")
                .param(courseId).query((rs, i) -> new TrainingSettings(rs.getInt(1), rs.getInt(2))).optional();
    }

    public void putSettings(long courseId, TrainingSettings s, long by) {
        jdbc.sql("""
                insert into training_settings (course_id, student_seconds_per_week, team_seconds_per_week, updated_by) values (?, ?, ?, ?)
                on conflict (course_id) do update set student_seconds_per_week = excluded.student_seconds_per_week,
                  team_seconds_per_week = excluded.team_seconds_per_week, updated_by = excluded.updated_by, updated_at = now()""")
                .params(courseId, s.studentSecondsPerWeek(), s.teamSecondsPerWeek(), by).update();
    }

    public List<String> datasets(long courseId) {
        return jdbc.sql("select dataset_key from training_dataset where course_id = ? order by added_at, dataset_key")
                .param(courseId).query(String.class).list();
    }

    public boolean addDataset(long courseId, String key, long by) {
        return jdbc.sql("insert into training_dataset (course_id, dataset_key, added_by) values (?, ?, ?) on conflict do nothing")
                .params(courseId, key, by).update() == 1;
    }

    public ZoneId timeZone(long courseId) {
        return ZoneId.of(jdbc.sql("select time_zone from course where id = ?").param(courseId).query(String.class).single());
    }

    // ------------------------------------------------------------------ quotas

    /**
     * Serialises quota checks of one student (and, separately, one team) in a course until the transaction ends, so that
     * two runs started at once cannot both take the last seconds.
     */
    public void lockQuota(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("training-quota:" + key).query(Object.class).single();
    }

    /** A student's week in a course: charged seconds of ended runs, estimates of active ones (all but {@code except}). */
    public QuotaUse studentUse(long courseId, long accountId, Instant since, long limit, long except) {
        return jdbc.sql("""
                        select coalesce(sum(charged_seconds), 0), coalesce(sum(estimate_seconds) filter (where state in ('QUEUED', 'RUNNING')), 0)
                        from training_run where course_id = ? and account_id = ? and created_at >= ? and id <> ?""")
                .params(courseId, accountId, Timestamp.from(since), except)
                .query((rs, i) -> new QuotaUse(limit, rs.getDouble(1), rs.getLong(2))).single();
    }

    /** A team's week: every run charged to it (all but {@code except}). */
    public QuotaUse teamUse(long teamId, Instant since, long limit, long except) {
        return jdbc.sql("""
                        select coalesce(sum(charged_seconds), 0), coalesce(sum(estimate_seconds) filter (where state in ('QUEUED', 'RUNNING')), 0)
                        from training_run where team_id = ? and created_at >= ? and id <> ?""")
                .params(teamId, Timestamp.from(since), except)
                .query((rs, i) -> new QuotaUse(limit, rs.getDouble(1), rs.getLong(2))).single();
    }

    // ------------------------------------------------------------------ runs

    public long insert(long courseId, long accountId, Long teamId, String dataset, TrainingConfig c, long estimateSeconds, Instant now) {
        return jdbc.sql("""
                        insert into training_run (course_id, account_id, team_id, dataset_key, architecture, optimizer, learning_rate,
                          batch_size, weight_decay, epochs, seed, estimate_seconds, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, accountId, teamId, dataset, c.architecture().key(), c.optimizer().key(), c.learningRate(),
                        c.batchSize(), c.weightDecay(), c.epochs(), c.seed(), estimateSeconds, Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<TrainingRun> run(long runId) {
        return jdbc.sql(RUN + " where r.id = ?").param(runId).query(TrainingRepository::run).optional();
    }

    /** A course's runs, newest first: one student's, a team's and the student's, or everyone's (both null). */
    public List<TrainingRun> runs(long courseId, Long accountId, Long teamId) {
        if (accountId == null && teamId == null) {
            return jdbc.sql(RUN + " where r.course_id = ? order by r.id desc").param(courseId).query(TrainingRepository::run).list();
        }
        return jdbc.sql(RUN + " where r.course_id = ? and (r.account_id = ? or r.team_id = ?) order by r.id desc")
                .params(courseId, accountId == null ? -1 : accountId, teamId == null ? -1 : teamId)
                .query(TrainingRepository::run).list();
    }

    public List<EpochMetrics> epochs(long runId) {
        return jdbc.sql("""
                        select epoch, train_loss, train_accuracy, validation_loss, validation_accuracy, seconds
                        from training_epoch where run_id = ? order by epoch""")
                .param(runId).query((rs, i) -> epoch(rs, "epoch")).list();
    }

    /** The run for the worker, its row locked until the transaction ends. */
    public Optional<Job> lockJob(long runId) {
        return jdbc.sql("""
                        select id, course_id, account_id, team_id, dataset_key, architecture, optimizer, learning_rate, batch_size,
                               weight_decay, epochs, seed, state, cancel_requested, created_at, estimate_seconds
                        from training_run where id = ? for update""")
                .param(runId)
                .query((rs, i) -> new Job(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("account_id"),
                        (Long) rs.getObject("team_id"), rs.getString("dataset_key"),
                        TrainingConfig.of(rs.getString("architecture"), rs.getString("optimizer"), rs.getDouble("learning_rate"),
                                rs.getInt("batch_size"), rs.getDouble("weight_decay"), rs.getInt("epochs"), rs.getLong("seed")),
                        RunState.valueOf(rs.getString("state")), rs.getBoolean("cancel_requested"),
                        rs.getTimestamp("created_at").toInstant(), rs.getLong("estimate_seconds")))
                .optional();
    }

    /** QUEUED (or RUNNING, when a dead worker's job is revived) → RUNNING, earlier epochs of a revived run forgotten. */
    public void markRunning(long runId, long budgetSeconds, Instant now) {
        jdbc.sql("delete from training_epoch where run_id = ?").param(runId).update();
        jdbc.sql("""
                update training_run set state = 'RUNNING', budget_seconds = ?, started_at = ?, parameters = null, device = null,
                  engine = null where id = ?""")
                .params(budgetSeconds, Timestamp.from(now), runId).update();
    }

    public void started(long runId, long parameters, String device, String engine) {
        jdbc.sql("update training_run set parameters = ?, device = ?, engine = ? where id = ?")
                .params(parameters, device, engine, runId).update();
    }

    public void insertEpoch(long runId, EpochMetrics e) {
        jdbc.sql("""
                insert into training_epoch (run_id, epoch, train_loss, train_accuracy, validation_loss, validation_accuracy, seconds)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(runId, e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.seconds())
                .update();
    }

    /** Ends an active run once; false when it had already ended. */
    public boolean finish(long runId, RunState state, Double chargedSeconds, String message, Instant now) {
        return jdbc.sql("""
                        update training_run set state = ?, charged_seconds = ?, message = ?, finished_at = ?
                        where id = ? and state in ('QUEUED', 'RUNNING')""")
                .params(state.name(), chargedSeconds, message, Timestamp.from(now), runId).update() == 1;
    }

    /** Asks a running run's worker to stop; false when it is not running. */
    public boolean requestCancel(long runId) {
        return jdbc.sql("update training_run set cancel_requested = true where id = ? and state = 'RUNNING'").param(runId).update() == 1;
    }

    public boolean cancelRequested(long runId) {
        return jdbc.sql("select cancel_requested from training_run where id = ?").param(runId).query(Boolean.class).optional().orElse(true);
    }

    /** Tells live views (on every app replica) that the run changed, when the transaction commits. */
    public void notifyChanged(long runId) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, Long.toString(runId)).query(Object.class).single();
    }

    public List<TrainingRun> runsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RUN + " where r.id = any(?) order by r.id").param(ids.toArray(new Long[0])).query(TrainingRepository::run).list();
    }

    private static TrainingRun run(ResultSet rs, int row) throws SQLException {
        int lastEpoch = rs.getInt("last_epoch");
        EpochMetrics last = rs.wasNull() ? null : epoch(rs, "last_epoch");
        return new TrainingRun(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("account_id"), rs.getString("display_name"),
                (Long) rs.getObject("team_id"), rs.getString("dataset_key"), rs.getString("architecture"), rs.getString("optimizer"),
                rs.getDouble("learning_rate"), rs.getInt("batch_size"), rs.getDouble("weight_decay"), rs.getInt("epochs"),
                rs.getLong("seed"), RunState.valueOf(rs.getString("state")), rs.getLong("estimate_seconds"),
                (Long) (rs.getObject("budget_seconds") == null ? null : rs.getLong("budget_seconds")),
                (Double) rs.getObject("charged_seconds"), (Long) rs.getObject("parameters"), rs.getString("device"),
                rs.getString("engine"), rs.getString("message"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), last == null ? 0 : lastEpoch, last);
    }

    private static EpochMetrics epoch(ResultSet rs, String epochColumn) throws SQLException {
        return new EpochMetrics(rs.getInt(epochColumn), (Double) rs.getObject("train_loss"), rs.getDouble("train_accuracy"),
                (Double) rs.getObject("validation_loss"), rs.getDouble("validation_accuracy"), rs.getDouble("seconds"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
