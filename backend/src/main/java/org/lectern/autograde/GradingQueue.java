package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.pool.GradingPoolConfiguration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates a grading run and its job in the caller's transaction. Fair sharing: a course's first
 * queued job joins the current front of the queue (the highest queued priority); each further job
 * of that course goes one step behind the course's last, so courses take turns while each course's
 * own jobs keep their arrival order. Priorities reset when the queue drains.
 */
@Component
class GradingQueue {

    static final String TASK = "grade";

    private final RunRepository runs;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final GradingPoolConfiguration.PoolLifecycle pool;

    GradingQueue(RunRepository runs, SchedulerClient scheduler, Clock clock, GradingPoolConfiguration.PoolLifecycle pool) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.clock = clock;
        this.pool = pool;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long enqueue(long submissionId, long autograderId, long courseId, Long batchId) {
        int priority = runs.lowestQueuedPriority(courseId).map(p -> p - 1)
                .orElseGet(() -> runs.highestQueuedPriority().orElse(0));
        priority = Math.max(Short.MIN_VALUE + 1, priority);
        long runId = runs.insert(submissionId, autograderId, courseId, batchId);
        scheduler.scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "run-" + runId)
                .data(runId).priority(priority).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.checkNow();
            }
        });
        return runId;
    }
}
