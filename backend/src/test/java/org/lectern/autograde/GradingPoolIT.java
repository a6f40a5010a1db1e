package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.identity.Account;
import org.lectern.submission.Receipt;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The pool's rules for grading jobs, with real jobs in PostgreSQL, the real pool and the real sandbox. */
@BackendTest
class GradingPoolIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    private long runOf(long submissionId) {
        return jdbc.sql("select max(id) from grading_run where submission_id = ?").param(submissionId).query(Long.class).single();
    }

    /** The course's waiting grading jobs' runs in the order the pool picks them (priority, then time). */
    private List<Long> queueOrder(long courseId) {
        return jdbc.sql("""
                select r.id from scheduled_tasks t join grading_run r on t.task_instance = 'run-' || r.id
                where t.task_name = 'grade' and not t.picked and r.course_id = ?
                order by t.priority desc, t.execution_time, t.task_instance""").param(courseId).query(Long.class).list();
    }

    @Test
    void thirtyResubmissionsHoldOnePlaceTheChosenVersionIsStillGradedAndClassmatesTakeTurns() {
        var s = coursework.setup(true);
        // All in one transaction, so no worker takes a job before the queue is complete.
        List<Long> versions = new ArrayList<>();
        long classmate = tx.execute(st -> {
            for (int v = 1; v <= 30; v++) {
                versions.add(as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()))
                        .submissionId());
                if (v == 3) {
                    long third = versions.get(2);
                    as(s.student(), () -> {
                        submissions.choose(third);
                        return null;
                    });
                }
            }
            long other = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight()))
                    .submissionId();
            // Version 3 (chosen, so it counts) and version 30 (the newest) wait; the classmate comes before the newest.
            assertThat(queueOrder(s.courseId())).containsExactly(runOf(versions.get(2)), runOf(other), runOf(versions.get(29)));
            return other;
        });

        RunView first = as(s.student(), () -> autograde.results(versions.getFirst()));
        assertThat(first.status()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(first.finished()).isTrue();
        assertThat(first.problem()).isEqualTo(
                "Not graded: version 2 was submitted before this one's turn came, and that one is graded instead.");
        assertThat(jdbc.sql("select count(*) from grading_run where course_id = ? and status = 'SUPERSEDED'")
                .param(s.courseId()).query(Integer.class).single()).isEqualTo(28);

        assertThat(awaitFinished(s.student(), versions.get(2)).status()).isEqualTo(RunStatus.DONE);
        assertThat(awaitFinished(s.otherStudent(), classmate).status()).isEqualTo(RunStatus.DONE);
        assertThat(awaitFinished(s.student(), versions.get(29)).status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void aSupersededVersionChosenLaterToCountIsGraded() {
        var s = coursework.setup(true);
        long[] ids = tx.execute(st -> new long[] {
                as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight())).submissionId(),
                as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId()});
        assertThat(as(s.student(), () -> autograde.results(ids[0])).status()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(awaitFinished(s.student(), ids[1]).status()).isEqualTo(RunStatus.DONE);

        as(s.student(), () -> submissions.choose(ids[0]));

        RunView chosen = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(s.student(), () -> autograde.results(ids[0])), v -> v.status() == RunStatus.DONE);
        assertThat(chosen.publicEarned()).isEqualByComparingTo("2");
    }

    @Test
    void aSubmissionThatStopsItsWorkerTwiceIsEndedAndTheClassmateBehindItIsGraded() {
        var s = coursework.setup(true);
        as(s.instructor(), () -> assignments.updateGrading(s.assignment().id(), 20, 20, null, null, null));
        // Sleeps on import: the grading holds its worker long enough for that worker to "die" under it.
        byte[] stalls = Coursework.notebook("import time\ntime.sleep(600)\ndef relu(x):\n    return np.maximum(x, 0)\n");
        long[] ids = tx.execute(st -> {
            long bad = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", stalls)).submissionId();
            long good = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()))
                    .submissionId();
            long run = runOf(bad);
            // Its first worker picked it and died: picked, heartbeat long gone, run half-started.
            jdbc.sql("""
                    update scheduled_tasks set picked = true, picked_by = 'dead-worker-1', last_heartbeat = now() - interval '1 hour',
                           version = version + 1 where task_instance = ?""").param("run-" + run).update();
            jdbc.sql("update grading_run set status = 'RUNNING', attempts = 1, worker = 'dead-worker-1' where id = ?").param(run).update();
            return new long[] {bad, good, run};
        });
        long run = ids[2];
        String instance = "run-" + run;

        // Revived once: a live worker has it again (stuck in the sandbox).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("select count(*) from scheduled_tasks where task_instance = ? and picked and picked_by not like 'dead-worker%'")
                        .param(instance).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select deaths from pool_dead_worker where task_instance = ?").param(instance).query(Integer.class).single())
                .isEqualTo(1);

        // Its second worker dies too: its heartbeat lapses and its claim is no longer its own.
        jdbc.sql("""
                update scheduled_tasks set picked_by = 'dead-worker-2', last_heartbeat = now() - interval '1 hour',
                       version = version + 1 where task_instance = ? and picked""").param(instance).update();

        RunView ended = awaitFinished(s.student(), ids[0]);
        assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
        assertThat(ended.problem()).isEqualTo("This submission stopped its grading worker twice; staff have been told.");
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(instance).query(Integer.class).single())
                .isZero(); // never revived again
        assertThat(jdbc.sql("select deaths from pool_dead_worker where task_instance = ?").param(instance).query(Integer.class).single())
                .isEqualTo(2);

        assertThat(awaitFinished(s.otherStudent(), ids[1]).status()).isEqualTo(RunStatus.DONE);
        assertThat(as(s.otherStudent(), () -> autograde.results(ids[1])).publicEarned()).isEqualByComparingTo("4");
    }

    @Test
    void aRunThatLandsOnANodeWithoutItsPackagesGoesBackToTheQueueAndNeverFails() {
        var s = coursework.setup(true);
        // The assignment asks for a package this node lacks (as if set while a better-equipped node offered it).
        jdbc.sql("update assignment set packages = 'numpy,lectern_no_such_package' where id = ?").param(s.assignment().id()).update();
        long submission = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();
        long run = runOf(submission);

        // This node took it, saw it cannot run it, and put it back: queued, no failure counted, no worker on it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("select attempts >= 1 and status = 'QUEUED' and worker is null from grading_run where id = ?")
                        .param(run).query(Boolean.class).single()
                && jdbc.sql("select count(*) from scheduled_tasks where task_instance = ? and not picked and coalesce(consecutive_failures, 0) = 0")
                        .param("run-" + run).query(Integer.class).single() == 1);
        assertThat(as(s.student(), () -> autograde.results(submission)).finished()).isFalse();

        // A node with the package comes along (here: the package is no longer needed): the run is graded.
        jdbc.sql("update assignment set packages = 'numpy' where id = ?").param(s.assignment().id()).update();
        assertThat(awaitFinished(s.student(), submission).status()).isEqualTo(RunStatus.DONE);
    }
}
