package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import org.lectern.autograde.internal.RunRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a grading run and its job in the caller's transaction. Fair sharing: a job's priority is
 * minus the number of runs its course already has queued, so the pool takes courses in turn
 * instead of draining one course's burst first.
 */
@Component
class GradingQueue {

    static final String TASK = "grade";

    private final RunRepository runs;
    private final SchedulerClient scheduler;
    private final Clock clock;

    GradingQueue(RunRepository runs, SchedulerClient scheduler, Clock clock) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long enqueue(long submissionId, long autograderId, long courseId, Long batchId) {
        int ahead = runs.queuedInCourse(courseId);
        long runId = runs.insert(submissionId, autograderId, courseId, batchId);
        int priority = Math.max(Short.MIN_VALUE + 1, -ahead);
        scheduler.scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "run-" + runId)
                .data(runId).priority(priority).scheduledTo(clock.instant()));
        return runId;
    }
}
