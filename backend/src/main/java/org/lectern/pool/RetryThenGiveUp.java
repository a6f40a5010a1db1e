package org.lectern.pool;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How pool jobs (grading runs, model evaluations, plagiarism checks) fail: infrastructure trouble is
 * retried a few times, then the job's own row is ended with the reason, so nobody waits forever. A job that
 * landed on a node unfit for it ({@link UnfitWorkerException}) goes back to the queue for another node and
 * never counts as a failure.
 *
 * @param giveUp called with the job's id and a message such as "Grading failed 3 times on the workers: …"
 */
public record RetryThenGiveUp(int maxAttempts, Duration retryAfter, String failedWhat, BiConsumer<Long, String> giveUp)
        implements FailureHandler<Long> {

    private static final Logger log = LoggerFactory.getLogger(RetryThenGiveUp.class);

    public static final int MAX_ATTEMPTS = 3;
    /** How long a job an unfit node put back waits before any node (that one included) may claim it again. */
    public static final Duration UNFIT_RETRY = Duration.ofSeconds(10);

    public static RetryThenGiveUp of(String failedWhat, BiConsumer<Long, String> giveUp) {
        return new RetryThenGiveUp(MAX_ATTEMPTS, Duration.ofSeconds(5), failedWhat, giveUp);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Long> ops) {
        long id = (Long) complete.getExecution().taskInstance.getData();
        Throwable cause = complete.getCause().orElse(null);
        while (cause != null && !(cause instanceof UnfitWorkerException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnfitWorkerException unfit) {
            log.info("Job {} does not fit worker {} ({}); back to the queue", complete.getExecution().taskInstance,
                    complete.getExecution().pickedBy, unfit.getMessage());
            // Rescheduled as a success: a node's unfitness is not the job's failure and must not use up its attempts.
            ops.reschedule(ExecutionComplete.success(complete.getExecution(), complete.getTimeDone(), complete.getTimeDone()),
                    complete.getTimeDone().plus(UNFIT_RETRY));
            return;
        }
        if (complete.getExecution().consecutiveFailures + 1 >= maxAttempts) {
            giveUp.accept(id, failedWhat + " failed " + maxAttempts + " times on the workers: "
                    + complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
            ops.stop();
        } else {
            ops.reschedule(complete, complete.getTimeDone().plus(retryAfter));
        }
    }
}
