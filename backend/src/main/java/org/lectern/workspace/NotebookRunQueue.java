package org.lectern.workspace;

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

/** Puts a notebook run's pool job into the caller's transaction (as training runs do). */
@Component
class NotebookRunQueue {

    static final String TASK = "notebook-run";
    /** Below grading and plagiarism checks, beside the playground's training runs. */
    static final int PRIORITY = -2000;

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool;
    private final Clock clock;

    NotebookRunQueue(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool, Clock clock) {
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(long runId) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "notebook-" + runId)
                .data(runId).priority(PRIORITY).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.getObject().checkNow();
            }
        });
    }
}
