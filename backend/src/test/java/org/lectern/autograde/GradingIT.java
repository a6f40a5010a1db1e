package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.identity.Account;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.Receipt;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The autograder end to end: real sandbox, real pool, real PostgreSQL. */
@BackendTest
class GradingIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;
    @Autowired GradingWorker worker;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void studentsSeePublicResultsAtOnceAndPrivateOnesOnlyAfterRelease() {
        var s = coursework.setup(true);
        byte[] upload = Coursework.halfRight();
        Receipt receipt = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", upload));
        assertThat(receipt.sha256()).isEqualTo(BlobStore.sha256(upload));
        assertThat(receipt.version()).isEqualTo(1);
        assertThat(receipt.late()).isFalse();

        RunView seen = awaitFinished(s.student(), receipt.submissionId());
        assertThat(seen.status()).isEqualTo(RunStatus.DONE);
        assertThat(seen.publicResults()).extracting(TestResult::testName, TestResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test_public.py::test_positive", true),
                        org.assertj.core.groups.Tuple.tuple("test_public.py::test_negative", false));
        assertThat(seen.publicEarned()).isEqualByComparingTo(bd("2"));
        assertThat(seen.publicPossible()).isEqualByComparingTo(bd("4"));
        assertThat(seen.privateVisible()).isFalse();
        assertThat(seen.privateResults()).isEmpty();
        assertThat(seen.privateEarned()).isNull();
        assertThat(seen.total()).isNull();
        assertThat(seen.privatePossible()).isEqualByComparingTo(bd("6"));
        assertThat(seen.removals()).singleElement().asString().contains("%matplotlib inline");
        assertThat(seen.toString()).doesNotContain("secret_case");

        RunView staff = as(s.ta(), () -> autograde.results(receipt.submissionId()));
        assertThat(staff.privateResults()).singleElement().satisfies(t -> assertThat(t.testName()).contains("secret_case"));

        as(s.instructor(), () -> assignments.releaseGrades(s.assignment().id(), true));
        RunView released = as(s.student(), () -> autograde.results(receipt.submissionId()));
        assertThat(released.privateResults()).singleElement().satisfies(t -> assertThat(t.passed()).isFalse());
        assertThat(released.total()).isEqualByComparingTo(bd("2"));
        assertThat(released.totalPossible()).isEqualByComparingTo(bd("10"));
    }

    @Test
    void theReferenceSolutionIsGradedAtOnceWithFullMarks() {
        var s = coursework.setup(true);
        Receipt ref = as(s.instructor(), () -> submissions.submitReference(s.assignment().id(), "solution.ipynb", Coursework.correct()));
        RunView r = awaitFinished(s.instructor(), ref.submissionId());
        assertThat(r.total()).isEqualByComparingTo(bd("10"));
        assertThat(as(s.instructor(), () -> autograde.reference(s.assignment().id()))).hasValueSatisfying(row ->
                assertThat(row.submission().id()).isEqualTo(ref.submissionId()));
        // The reference is not a student's submission.
        assertThat(as(s.instructor(), () -> autograde.overview(s.assignment().id()))).isEmpty();
    }

    @Test
    void submissionsWaitForTheAutograderAndAreGradedWhenItArrives() {
        var s = coursework.setup(false);
        Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()));
        RunView waiting = as(s.student(), () -> autograde.results(r.submissionId()));
        assertThat(waiting.status()).isNull();
        assertThat(waiting.waitingFor()).contains("not set up yet");
        as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), Coursework.autograder()));
        assertThat(awaitFinished(s.student(), r.submissionId()).publicEarned()).isEqualByComparingTo(bd("4"));
    }

    @Test
    void codeThatDoesNotImportGetsAClearMessageAndNoPoints() {
        var s = coursework.setup(true);
        Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb",
                Coursework.notebook("def relu(x)\n    return x\n")));
        RunView v = awaitFinished(s.student(), r.submissionId());
        assertThat(v.status()).isEqualTo(RunStatus.DONE);
        assertThat(v.publicEarned()).isEqualByComparingTo(bd("0"));
        assertThat(v.problem()).contains("SyntaxError");
    }

    @Test
    void aFinishedRunIsNeverRecordedTwice() {
        var s = coursework.setup(true);
        Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()));
        RunView done = awaitFinished(s.student(), r.submissionId());
        int rows = jdbc.sql("select count(*) from test_result where run_id = ?").param(done.runId()).query(Integer.class).single();
        worker.grade(done.runId(), "a-late-duplicate");
        assertThat(jdbc.sql("select count(*) from test_result where run_id = ?").param(done.runId()).query(Integer.class).single())
                .isEqualTo(rows);
        assertThat(jdbc.sql("select worker from grading_run where id = ?").param(done.runId()).query(String.class).single())
                .isNotEqualTo("a-late-duplicate");
    }

    @Test
    void aJobWhoseWorkerDiedIsRetriedAfterItsLeaseLapsesAndRecordedOnce() {
        var s = coursework.setup(true);
        Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()));
        awaitFinished(s.student(), r.submissionId());
        // A re-run that a worker picked and then died on: picked, heartbeat long gone, run half-started.
        long runId = tx.execute(st -> {
            long id = as(s.ta(), () -> autograde.rerun(r.submissionId()));
            jdbc.sql("""
                    update scheduled_tasks set picked = true, picked_by = 'dead-worker', last_heartbeat = now() - interval '1 hour',
                           version = version + 1 where task_instance = ?""").param("run-" + id).update();
            jdbc.sql("update grading_run set status = 'RUNNING', attempts = 1, worker = 'dead-worker' where id = ?").param(id).update();
            return id;
        });
        RunView after = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> as(s.student(), () -> autograde.results(r.submissionId())), v -> v.runId() == runId && v.finished());
        assertThat(after.status()).isEqualTo(RunStatus.DONE);
        assertThat(jdbc.sql("select attempts from grading_run where id = ?").param(runId).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select worker from grading_run where id = ?").param(runId).query(String.class).single()).isNotEqualTo("dead-worker");
        assertThat(jdbc.sql("select count(*) from test_result where run_id = ?").param(runId).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void reGradingAllShowsProgressUntilEverySubmissionIsDone() {
        var s = coursework.setup(true);
        Receipt one = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.correct()));
        Receipt two = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight()));
        awaitFinished(s.student(), one.submissionId());
        awaitFinished(s.otherStudent(), two.submissionId());
        long batch = as(s.instructor(), () -> autograde.regradeAll(s.assignment().id()));
        int[] progress = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(s.ta(), () -> autograde.batchProgress(s.assignment().id(), batch)), p -> p[0] == p[1]);
        assertThat(progress[1]).isEqualTo(2);
        assertThat(as(s.ta(), () -> autograde.overview(s.assignment().id()))).extracting(r -> r.run().total())
                .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(bd("10"), bd("2"));
    }

    @Test
    void coursesShareThePoolInTurn() {
        var a = coursework.setup(true);
        var b = coursework.setup(true);
        // Enqueued together (one transaction, so no worker takes any before all are in): A's burst of 3 (two students'
        // versions and a re-run; a student's newer version would replace their older one), then B's one.
        List<Long> runs = tx.execute(st -> {
            long first = as(a.student(), () -> submissions.submit(a.assignment().id(), "a.ipynb", Coursework.correct())).submissionId();
            as(a.otherStudent(), () -> submissions.submit(a.assignment().id(), "a.ipynb", Coursework.correct()));
            as(a.ta(), () -> autograde.rerun(first));
            as(b.student(), () -> submissions.submit(b.assignment().id(), "b.ipynb", Coursework.correct()));
            return jdbc.sql("""
                    select coalesce(t.priority, 0) from scheduled_tasks t join grading_run r on t.task_instance = 'run-' || r.id
                    where r.course_id in (?, ?) order by r.id""").params(a.courseId(), b.courseId()).query(Long.class).list();
        });
        // B's first job joins the front of the queue with A's first, ahead of A's second and third.
        assertThat(runs).containsExactly(0L, -1L, -2L, 0L);
        assertThat(awaitFinished(b.student(), as(b.student(), () -> submissions.mine(b.assignment().id())).countedId()).status())
                .isEqualTo(RunStatus.DONE);
    }
}
