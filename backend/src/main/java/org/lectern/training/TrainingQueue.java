package org.lectern.training;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.lectern.pool.GradingPoolConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Puts a run's pool job into the caller's transaction (the scheduler client comes lazily: its tasks run the worker). */
@Component
class TrainingQueue {

    static final String TASK = "training-run";
    /**
     * Below grading (0 and down by one per queued job of a course) and plagiarism checks (-1000): a student waiting for
     * test results, and staff waiting for a check, go before the playground.
     */
    static final int PRIORITY = -2000;

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool;
    private final Clock clock;

    TrainingQueue(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool, Clock clock) {
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(long runId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "training-" + runId)
                .data(runId).priority(PRIORITY).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.getObject().checkNow();
            }
        });
    }
}
