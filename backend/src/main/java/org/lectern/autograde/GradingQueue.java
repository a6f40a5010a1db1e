package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.assignment.GradingMaterials;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.pool.PoolJobs;
import org.lectern.submission.SubmissionMaterials;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates a grading run and its job in the caller's transaction. Fair sharing, in three steps:
 * <ol>
 * <li>A new version supersedes the same student's queued runs of older versions of that assignment (not the one
 * they chose to count): those end as SUPERSEDED and the new job takes the best of their places, so thirty
 * resubmissions hold one place in the queue, not thirty.</li>
 * <li>Courses take turns: a course's first queued job joins the current front of the queue (the highest queued
 * priority); each further job of that course goes one step behind the course's last. Priorities reset when the
 * queue drains.</li>
 * <li>Students of a course take turns within the course's places ({@code RunRepository.dealPlacesByStudent}).</li>
 * </ol>
 * Enqueues of one course are serialised by an advisory lock held to the end of the transaction.
 */
@Component
class GradingQueue {

    static final String TASK = "grade";

    private final RunRepository runs;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final GradingPoolConfiguration.PoolLifecycle pool;
    private final SubmissionMaterials submissions;
    private final AutogradedScores scores;
    private final GradingMaterials materials;
    private final PoolJobs jobs;

    GradingQueue(RunRepository runs, SchedulerClient scheduler, Clock clock, GradingPoolConfiguration.PoolLifecycle pool,
                 SubmissionMaterials submissions, AutogradedScores scores, GradingMaterials materials, PoolJobs jobs) {
        this.scores = scores;
        this.materials = materials;
        this.jobs = jobs;
        this.runs = runs;
        this.submissions = submissions;
        this.scheduler = scheduler;
        this.clock = clock;
        this.pool = pool;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long enqueue(long submissionId, long autograderId, long courseId, Long batchId) {
        runs.lockCourseQueue(courseId);
        Instant now = clock.instant();
        RunRepository.QueuedJob place = null;
        List<RunRepository.QueuedJob> older = runs.queuedRuns(submissions.olderVersionsNotChosen(submissionId));
        if (!older.isEmpty()) {
            String problem = "Not graded: version " + submissions.submission(submissionId).orElseThrow().version()
                    + " was submitted before this one's turn came, and that one is graded instead.";
            for (RunRepository.QueuedJob job : older) {
                if (runs.supersede(job.runId(), problem, now) && (place == null || job.priority() > place.priority()
                        || (job.priority() == place.priority() && job.executionTime().isBefore(place.executionTime())))) {
                    place = job;
                }
            }
        }
        int priority;
        Instant at;
        if (place != null) {
            priority = place.priority();
            at = place.executionTime();
        } else {
            priority = runs.lowestQueuedPriority(courseId).map(p -> p - 1)
                    .orElseGet(() -> runs.highestQueuedPriority().orElse(0));
            at = now;
        }
        priority = Math.max(Short.MIN_VALUE + 1, priority);
        long runId = runs.insert(submissionId, autograderId, courseId, batchId);
        scheduler.scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "run-" + runId)
                .data(runId).priority(priority).scheduledTo(at));
        materials.autograder(autograderId).flatMap(ag -> materials.environment(ag.assignmentId()))
                .ifPresent(env -> jobs.requireEnvironment(TASK, "run-" + runId, env));
        runs.dealPlacesByStudent(courseId, now);
        scores.reportSubmission(submissionId); // queued: not graded until this run ends
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.checkNow();
            }
        });
        return runId;
    }
}
