package org.lectern.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes claim only the job kinds they can run: real db-scheduler instances on the real PostgreSQL, on a table of
 * their own so the application's pool stays out of it.
 */
@BackendTest
class ClaimFilterIT {

    private static final String TABLE = "claim_test_tasks";

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    /** The table is this test's own: left behind, it would be a table no migration made in the shared test database (a backup of it could not be restored). */
    @AfterEach
    void dropTheTestTable() {
        jdbc.sql("drop table if exists " + TABLE).update();
    }

    @Test
    void aNodeThatCannotGradeNeverClaimsGradingJobsAndAFitNodeRunsThem() {
        jdbc.sql("create table if not exists " + TABLE + " (like scheduled_tasks including all)").update();
        jdbc.sql("delete from " + TABLE).update();
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        OneTimeTask<Long> grade = Tasks.oneTime("grade", Long.class).execute((i, ctx) -> ran.add("grade by " + ctx.getExecution().pickedBy));
        OneTimeTask<Long> other = Tasks.oneTime("plagiarism-check", Long.class)
                .execute((i, ctx) -> ran.add("check by " + ctx.getExecution().pickedBy));
        List<Task<?>> tasks = List.of(grade, other);
        SchedulerClient client = SchedulerClient.Builder.create(dataSource, tasks).tableName(TABLE).enablePriority().build();
        client.scheduleIfNotExists(grade.instance("g1", 1L), Instant.now());
        client.scheduleIfNotExists(other.instance("c1", 2L), Instant.now());

        // An app replica without bubblewrap: the grading kind is not its to claim.
        Scheduler unfit = node("no-sandbox", tasks, Set.of("grade"));
        unfit.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("check by no-sandbox"));
            // The check was taken in a poll that saw the grading job too, and left it waiting, unclaimed.
            assertThat(jdbc.sql("select picked from " + TABLE + " where task_instance = 'g1'").query(Boolean.class).single()).isFalse();
            assertThat(ran).containsExactly("check by no-sandbox");
        } finally {
            unfit.stop();
        }

        Scheduler fit = node("with-sandbox", tasks, Set.of());
        fit.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("grade by with-sandbox"));
        } finally {
            fit.stop();
        }
        assertThat(jdbc.sql("select count(*) from " + TABLE).query(Integer.class).single()).isZero();
    }

    @Test
    void aJobNeedingAnEnvironmentIsClaimedOnlyByANodeOfferingIt() {
        jdbc.sql("create table if not exists " + TABLE + " (like scheduled_tasks including all)").update();
        jdbc.sql("delete from " + TABLE).update();
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        OneTimeTask<Long> grade = Tasks.oneTime("grade", Long.class)
                .execute((i, ctx) -> ran.add(i.getId() + " by " + ctx.getExecution().pickedBy));
        List<Task<?>> tasks = List.of(grade);
        SchedulerClient client = SchedulerClient.Builder.create(dataSource, tasks).tableName(TABLE).enablePriority().build();
        client.scheduleIfNotExists(grade.instance("cuda", 1L), Instant.now());
        client.scheduleIfNotExists(grade.instance("any", 2L), Instant.now());
        jdbc.sql("update " + TABLE + " set environment = 'pytorch-cuda' where task_instance = 'cuda'").update();

        Scheduler cpu = node("cpu-node", tasks, Set.of(), Set.of("numpy", "pytorch-cpu"));
        cpu.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("any by cpu-node"));
            assertThat(jdbc.sql("select picked from " + TABLE + " where task_instance = 'cuda'").query(Boolean.class).single()).isFalse();
            assertThat(ran).containsExactly("any by cpu-node");
        } finally {
            cpu.stop();
        }

        Scheduler gpu = node("gpu-node", tasks, Set.of(), Set.of("numpy", "pytorch-cpu", "pytorch-cuda"));
        gpu.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ran.contains("cuda by gpu-node"));
        } finally {
            gpu.stop();
        }
        assertThat(jdbc.sql("select count(*) from " + TABLE).query(Integer.class).single()).isZero();
    }

    private Scheduler node(String name, List<Task<?>> tasks, Set<String> cannotRun) {
        return node(name, tasks, cannotRun, null);
    }

    private Scheduler node(String name, List<Task<?>> tasks, Set<String> cannotRun, Set<String> environments) {
        return Scheduler.create(dataSource, tasks)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .jdbcCustomization(new ClaimFilter(cannotRun, environments))
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofMillis(100))
                .threads(2)
                .enablePriority()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }
}
