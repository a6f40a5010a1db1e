package org.lectern.plagiarism;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import org.lectern.plagiarism.internal.PlagiarismRepository;
import org.lectern.platform.ConflictException;
import org.lectern.pool.GradingPoolConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a check and its pool job into the caller's transaction, and schedules the automatic check at an assignment's
 * deadline. The scheduler client comes lazily: the tasks it knows run the worker, which enqueues through here.
 */
@Component
class PlagiarismQueue {

    static final String CHECK_TASK = "plagiarism-check";
    static final String DEADLINE_TASK = "plagiarism-deadline";
    /** Below the grading jobs' usual priorities: a student waiting for test results goes first. */
    private static final int PRIORITY = -1000;

    private final PlagiarismRepository repo;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool;
    private final Clock clock;

    PlagiarismQueue(PlagiarismRepository repo, ObjectProvider<SchedulerClient> scheduler,
                    ObjectProvider<GradingPoolConfiguration.PoolLifecycle> pool, Clock clock) {
        this.repo = repo;
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
    }

    /** A new check of the assignment, queued on the pool; refused while another is queued or running. */
    @Transactional(propagation = Propagation.MANDATORY)
    long enqueue(long assignmentId, long courseId, CheckTrigger trigger, Long requestedBy) {
        if (repo.hasActiveCheck(assignmentId)) {
            throw new ConflictException("A plagiarism check of this assignment is already running; wait for it to finish.");
        }
        long checkId;
        try {
            checkId = repo.insertCheck(assignmentId, courseId, trigger, requestedBy, clock.instant());
        } catch (DuplicateKeyException e) { // a concurrent request got in first (the partial unique index)
            throw new ConflictException("A plagiarism check of this assignment is already running; wait for it to finish.");
        }
        scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(CHECK_TASK, "check-" + checkId)
                .data(checkId).priority(PRIORITY).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.getObject().checkNow();
            }
        });
        return checkId;
    }

    /** The automatic check after the deadline; one task per assignment and deadline (a moved deadline gets a new one). */
    @Transactional(propagation = Propagation.MANDATORY)
    void scheduleDeadlineCheck(long assignmentId, Instant dueAt) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(DEADLINE_TASK,
                "deadline-" + assignmentId + "-" + dueAt.getEpochSecond()).data(assignmentId).priority(PRIORITY).scheduledTo(dueAt));
    }
}
