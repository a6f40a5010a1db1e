package org.lectern.pool;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * How pool jobs (grading runs, model evaluations, plagiarism checks) fail: infrastructure trouble is
 * retried a few times, then the job's own row is ended with the reason, so nobody waits forever.
 *
 * @param giveUp called with the job's id and a message such as "Grading failed 3 times on the workers: …"
 */
public record RetryThenGiveUp(int maxAttempts, Duration retryAfter, String failedWhat, BiConsumer<Long, String> giveUp)
        implements FailureHandler<Long> {

    public static final int MAX_ATTEMPTS = 3;

    public static RetryThenGiveUp of(String failedWhat, BiConsumer<Long, String> giveUp) {
        return new RetryThenGiveUp(MAX_ATTEMPTS, Duration.ofSeconds(5), failedWhat, giveUp);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Long> ops) {
        long id = (Long) complete.getExecution().taskInstance.getData();
        if (complete.getExecution().consecutiveFailures + 1 >= maxAttempts) {
            giveUp.accept(id, failedWhat + " failed " + maxAttempts + " times on the workers: "
                    + complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
            ops.stop();
        } else {
            ops.reschedule(complete, complete.getTimeDone().plus(retryAfter));
        }
    }
}
