package org.lectern.workspace;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.pool.PoolJobs;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a notebook run's pool job into the caller's transaction (as training runs do). When the pool has a GPU node (one
 * that recorded the "pytorch-cuda" environment), the job goes to such a node only, by the environment claim that
 * assignments use ({@link PoolJobs}), and the run records it.
 */
@Component
class NotebookRunQueue {

    static final String TASK = "notebook-run";
    /** Below grading and plagiarism checks, beside the playground's training runs. */
    static final int PRIORITY = -2000;
    static final String GPU_ENVIRONMENT = "pytorch-cuda";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool;
    private final Clock clock;
    private final PoolJobs jobs;
    private final NotebookRunRepository runs;

    NotebookRunQueue(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool, Clock clock,
            PoolJobs jobs, NotebookRunRepository runs) {
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
        this.jobs = jobs;
        this.runs = runs;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(long runId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "notebook-" + runId)
                .data(runId).priority(PRIORITY).scheduledTo(clock.instant()));
        if (jobs.anyNodeOffers(GPU_ENVIRONMENT)) {
            jobs.requireEnvironment(TASK, "notebook-" + runId, GPU_ENVIRONMENT);
            runs.setEnvironment(runId, GPU_ENVIRONMENT);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.getObject().checkNow();
            }
        });
    }
}
