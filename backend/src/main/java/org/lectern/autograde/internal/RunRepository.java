package org.lectern.autograde.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.assignment.Visibility;
import org.lectern.autograde.GradingRun;
import org.lectern.autograde.RunStatus;
import org.lectern.autograde.TestResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RunRepository {

    private static final String SELECT = """
            select id, submission_id, autograder_id, course_id, batch_id, status, queued_at, started_at, public_done_at,
                   finished_at, attempts, public_earned, public_possible, private_earned, private_possible, problem,
                   public_log, private_log, removals from grading_run
            """;

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long submissionId, long autograderId, long courseId, Long batchId) {
        long id = jdbc.sql("insert into grading_run (submission_id, autograder_id, course_id, batch_id, status) values (?, ?, ?, ?, 'QUEUED') returning id")
                .params(submissionId, autograderId, courseId, batchId).query(Long.class).single();
        changed(id);
        return id;
    }

    public long nextBatchId() {
        return jdbc.sql("select nextval('grading_batch_seq')").query(Long.class).single();
    }

    public Optional<GradingRun> byId(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(RunRepository::run).optional();
    }

    /** The channel live pages follow: "s" + submission id when one of its runs changes, "b" + batch id for a re-grade batch. */
    public static final String CHANNEL = "lectern_grading";

    /** Tells every replica's pages that this run changed (sent when the transaction commits). */
    private void changed(long runId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', 's' || submission_id), pg_notify('" + CHANNEL + "', coalesce('b' || batch_id, '')) "
                + "from grading_run where id = ?").param(runId).query((rs, i) -> 0).list();
    }

    public Optional<GradingRun> lockForWork(long id) {
        return jdbc.sql(SELECT + "where id = ? for update").param(id).query(RunRepository::run).optional();
    }

    public Optional<GradingRun> latestFor(long submissionId) {
        return jdbc.sql(SELECT + "where submission_id = ? order by id desc limit 1").param(submissionId).query(RunRepository::run).optional();
    }

    public void markRunning(long id, String worker, Instant now) {
        jdbc.sql("update grading_run set status = 'RUNNING', attempts = attempts + 1, started_at = ?, worker = ? where id = ?")
                .params(Timestamp.from(now), worker, id).update();
        changed(id);
    }

    /** Puts a run a node could not take back to QUEUED for the next node. */
    public void requeue(long id) {
        jdbc.sql("update grading_run set status = 'QUEUED', worker = null where id = ? and status = 'RUNNING'").param(id).update();
        changed(id);
    }

    /** Replaces one visibility group's results (a retried run computes them again). */
    public void saveGroup(long runId, Visibility v, List<TestResult> results, BigDecimal earned, BigDecimal possible, String log,
                          Instant now) {
        jdbc.sql("delete from test_result where run_id = ? and visibility = ?").params(runId, v.name()).update();
        int i = 0;
        for (TestResult r : results) {
            jdbc.sql("""
                    insert into test_result (run_id, visibility, ordinal, file_name, test_name, passed, outcome, earned, possible, message, brief,
                                             shown, number)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(runId, v.name(), i++, r.fileName(), r.testName(), r.passed(), r.outcome(), r.earned(), r.possible(), r.message(),
                            r.brief(), r.shown() == null ? null : r.shown().name(), r.number())
                    .update();
        }
        if (v == Visibility.PUBLIC) {
            jdbc.sql("update grading_run set public_earned = ?, public_possible = ?, public_log = ?, public_done_at = ? where id = ?")
                    .params(earned, possible, log, Timestamp.from(now), runId).update();
        } else {
            jdbc.sql("update grading_run set private_earned = ?, private_possible = ?, private_log = ? where id = ?")
                    .params(earned, possible, log, runId).update();
        }
        changed(runId);
    }

    /** The Python and package versions a run ran with, as the worker reported them. */
    public void setEnvironment(long runId, String environment) {
        jdbc.sql("update grading_run set environment = ? where id = ?").params(environment, runId).update();
    }

    public java.util.Optional<String> environment(long runId) {
        return jdbc.sql("select environment from grading_run where id = ?").param(runId).query(String.class).optional();
    }

    public void setRemovals(long runId, String removals) {
        jdbc.sql("update grading_run set removals = ? where id = ?").params(removals, runId).update();
    }

    /** Ends the run once: a second finisher (a retried job whose first worker came back) changes nothing. */
    public boolean finish(long runId, RunStatus status, String problem, Instant now) {
        boolean ended = jdbc.sql("update grading_run set status = ?, problem = ?, finished_at = ? where id = ? and status in ('QUEUED', 'RUNNING')")
                .params(status.name(), problem, Timestamp.from(now), runId).update() == 1;
        if (ended) {
            changed(runId);
        }
        return ended;
    }

    public List<TestResult> results(long runId) {
        return jdbc.sql("select visibility, file_name, test_name, passed, outcome, earned, possible, message, brief, shown, number from test_result where run_id = ? order by visibility, ordinal")
                .param(runId)
                .query((rs, i) -> new TestResult(Visibility.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                        rs.getString(10) == null ? null : org.lectern.grading.TestVisibility.valueOf(rs.getString(10)), rs.getString(11)))
                .list();
    }

    /** How many grading jobs would run before this one (db-scheduler's order: priority, then time). */
    public int queuePosition(long runId) {
        return jdbc.sql("""
                with me as (select priority, execution_time from scheduled_tasks where task_name = 'grade' and task_instance = ?)
                select count(*) from scheduled_tasks t, me
                where t.task_name = 'grade' and not t.picked
                  and (coalesce(t.priority, 0) > coalesce(me.priority, 0)
                       or (coalesce(t.priority, 0) = coalesce(me.priority, 0) and t.execution_time < me.execution_time))""")
                .param("run-" + runId).query(Integer.class).single();
    }

    /** Serialises enqueues per course, so that supersede and renumbering see each other's jobs. */
    /** Serialises score reports for one student's work on one assignment, until the transaction ends. */
    public void lockScoreReport(long assignmentId, long accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("work-score:" + assignmentId + ":" + accountId)
                .query(Object.class).single();
    }

    /** True once, for the node that takes the backfill of reported work scores (V19). */
    public boolean takeScoreBackfill() {
        return jdbc.sql("delete from work_score_backfill where what = 'autograded'").update() == 1;
    }

    /** Assignments anyone submitted to, for the backfill. */
    public List<Long> assignmentsWithSubmissions() {
        return jdbc.sql("select distinct assignment_id from submission order by assignment_id").query(Long.class).list();
    }

    public void lockCourseQueue(long courseId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("grade-queue:" + courseId)
                .query(Object.class).single();
    }

    /** A queued job waiting for its turn: its run, and its place (priority, execution time). */
    public record QueuedJob(long runId, int priority, Instant executionTime) {
    }

    /** Of these submissions' runs, the queued ones no worker has picked yet, in run order. */
    public List<QueuedJob> queuedRuns(Collection<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, coalesce(t.priority, 0), t.execution_time
                from grading_run r
                join scheduled_tasks t on t.task_name = 'grade' and t.task_instance = 'run-' || r.id and not t.picked
                where r.submission_id = any(?) and r.status = 'QUEUED'
                order by r.id""")
                .param(submissionIds.toArray(new Long[0]))
                .query((rs, i) -> new QueuedJob(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).list();
    }

    /**
     * Takes a queued run out of the queue because a newer version replaced it: its job is removed (only if no
     * worker has picked it yet) and the run ends as SUPERSEDED. False when a worker was faster.
     */
    public boolean supersede(long runId, String problem, Instant now) {
        int removed = jdbc.sql("delete from scheduled_tasks where task_name = 'grade' and task_instance = ? and not picked")
                .param("run-" + runId).update();
        if (removed == 0) {
            return false;
        }
        boolean ended = jdbc.sql("update grading_run set status = 'SUPERSEDED', problem = ?, finished_at = ? where id = ? and status = 'QUEUED'")
                .params(problem, Timestamp.from(now), runId).update() == 1;
        if (ended) {
            changed(runId);
        }
        return ended;
    }

    /**
     * Students of a course take turns: the course's due, waiting jobs keep their places in the queue (the set of
     * priority and execution-time pairs, so the course's share against other courses is unchanged), but the
     * places are dealt out again round-robin by student: every student's first waiting job, in order of arrival,
     * then every student's second, and so on. A student's own jobs keep their order.
     */
    public void dealPlacesByStudent(long courseId, Instant now) {
        jdbc.sql("""
                with q as (
                    select t.task_instance, coalesce(t.priority, 0) as priority, t.execution_time, r.id as run_id, s.account_id
                    from scheduled_tasks t
                    join grading_run r on t.task_instance = 'run-' || r.id
                    join submission s on s.id = r.submission_id
                    where t.task_name = 'grade' and not t.picked and t.execution_time <= ? and r.course_id = ?),
                slots as (
                    select priority, execution_time,
                           row_number() over (order by priority desc, execution_time, task_instance) as k from q),
                rounds as (
                    select task_instance, run_id,
                           row_number() over (partition by account_id order by priority desc, execution_time, run_id) as round
                    from q),
                jobs as (select task_instance, row_number() over (order by round, run_id) as k from rounds)
                update scheduled_tasks t set priority = slots.priority, execution_time = slots.execution_time
                from jobs join slots using (k)
                where t.task_name = 'grade' and t.task_instance = jobs.task_instance and not t.picked
                  and (coalesce(t.priority, 0) <> slots.priority or t.execution_time <> slots.execution_time)""")
                .params(Timestamp.from(now), courseId).update();
    }

    /** The lowest priority among this course's jobs still waiting in the queue. */
    public Optional<Integer> lowestQueuedPriority(long courseId) {
        return jdbc.sql("""
                select min(coalesce(t.priority, 0)) from scheduled_tasks t join grading_run r on t.task_instance = 'run-' || r.id
                where t.task_name = 'grade' and not t.picked and r.course_id = ?""")
                .param(courseId).query(Integer.class).optional();
    }

    /** The front of the queue: the highest priority of any waiting job. */
    public Optional<Integer> highestQueuedPriority() {
        return jdbc.sql("select max(coalesce(priority, 0)) from scheduled_tasks where task_name = 'grade' and not picked")
                .query(Integer.class).optional();
    }

    public int[] batchProgress(long batchId) {
        return jdbc.sql("select count(*) filter (where status in ('DONE', 'FAILED')), count(*) from grading_run where batch_id = ?")
                .param(batchId).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    public boolean hasRun(long submissionId) {
        return jdbc.sql("select exists(select 1 from grading_run where submission_id = ?)").param(submissionId).query(Boolean.class).single();
    }

    public List<GradingRun> failures(long courseId) {
        return jdbc.sql(SELECT + "where course_id = ? and status = 'FAILED' order by finished_at desc limit 200").param(courseId)
                .query(RunRepository::run).list();
    }

    /** A run's status and points, for totals. */
    public record Totals(RunStatus status, BigDecimal publicEarned, BigDecimal privateEarned, BigDecimal publicPossible,
                         BigDecimal privatePossible) {
    }

    /** By submission: the totals of its latest run, in one query; a submission without a run is absent. */
    public Map<Long, Totals> latestTotals(Collection<Long> submissionIds) {
        Map<Long, Totals> out = new HashMap<>();
        if (submissionIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select distinct on (submission_id) submission_id, status, public_earned, private_earned, public_possible, private_possible
                from grading_run where submission_id = any(?) order by submission_id, id desc""")
                .param(submissionIds.toArray(new Long[0]))
                .query((rs, i) -> {
                    out.put(rs.getLong(1), new Totals(RunStatus.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    return null;
                }).list();
        return out;
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static GradingRun run(ResultSet rs, int row) throws SQLException {
        return new GradingRun(rs.getLong("id"), rs.getLong("submission_id"), longOrNull(rs, "autograder_id"), rs.getLong("course_id"),
                longOrNull(rs, "batch_id"), RunStatus.valueOf(rs.getString("status")), instant(rs, "queued_at"), instant(rs, "started_at"),
                instant(rs, "public_done_at"), instant(rs, "finished_at"), rs.getInt("attempts"), rs.getBigDecimal("public_earned"),
                rs.getBigDecimal("public_possible"), rs.getBigDecimal("private_earned"), rs.getBigDecimal("private_possible"),
                rs.getString("problem"), rs.getString("public_log"), rs.getString("private_log"), rs.getString("removals"));
    }
}
