package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.identity.Account;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instructor's environment choice reaches the pool (real PostgreSQL, real sandbox, the application's own pool
 * node): a run needing an environment no node offers waits, unclaimed, and says why; other runs go past it.
 */
@BackendTest
class EnvironmentChoiceIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;
    @Autowired GradingPoolConfiguration.PoolLifecycle pool;
    @Autowired JdbcClient jdbc;

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void aRunNeedingAnEnvironmentNoWorkerOffersWaitsUnclaimedAndSaysWhy() {
        // This node has no GPU: it offers numpy (and pytorch-cpu where torch is installed), never pytorch-cuda.
        assertThat(pool.capabilities().environments()).doesNotContain("pytorch-cuda").contains("numpy");
        var gpu = coursework.setup(true);
        as(gpu.instructor(), () -> assignments.setEnvironment(gpu.assignment().id(), "pytorch-cuda"));
        assertThat(as(gpu.ta(), () -> assignments.environment(gpu.assignment().id()))).isEqualTo("pytorch-cuda");
        long waiting = as(gpu.student(), () -> submissions.submit(gpu.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();

        // A numpy run queued after it is claimed and graded past it.
        var cpu = coursework.setup(true);
        as(cpu.instructor(), () -> assignments.setEnvironment(cpu.assignment().id(), "numpy"));
        long graded = as(cpu.student(), () -> submissions.submit(cpu.assignment().id(), "a1.ipynb", Coursework.correct())).submissionId();
        assertThat(awaitFinished(cpu.student(), graded).status()).isEqualTo(RunStatus.DONE);

        RunView stillQueued = as(gpu.student(), () -> autograde.results(waiting));
        assertThat(stillQueued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(stillQueued.waitingFor()).contains("No grading worker offers the pytorch-cuda environment");
        assertThat(jdbc.sql("select environment || ':' || picked from scheduled_tasks where task_name = 'grade' and task_instance = ?")
                .param("run-" + stillQueued.runId()).query(String.class).single()).isEqualTo("pytorch-cuda:false");

        // Once the job may run anywhere (as when a GPU node joins), it is graded: nothing was lost while it waited.
        jdbc.sql("update scheduled_tasks set environment = null where task_name = 'grade' and task_instance = ?")
                .param("run-" + stillQueued.runId()).update();
        pool.checkNow();
        assertThat(awaitFinished(gpu.student(), waiting).status()).isEqualTo(RunStatus.DONE);
    }

    @Test
    void onlyTheCoursesInstructorPicksAndOnlyAKnownEnvironment() {
        var s = coursework.setup(false);
        long id = s.assignment().id();
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.setEnvironment(id, "tensorflow")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numpy, pytorch-cpu, pytorch-cuda");
        assertThatThrownBy(() -> as(s.ta(), () -> assignments.setEnvironment(id, "numpy"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> assignments.environment(id))).isInstanceOf(ForbiddenException.class);
        as(s.instructor(), () -> assignments.setEnvironment(id, "pytorch-cpu"));
        as(s.instructor(), () -> assignments.setEnvironment(id, "any"));
        assertThat(as(s.instructor(), () -> assignments.environment(id))).isNull();
    }
}
