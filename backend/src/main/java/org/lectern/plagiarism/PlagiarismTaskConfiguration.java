package org.lectern.plagiarism;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's plagiarism jobs: a check (retried a few times on failures, revived when its worker dies) and the
 * automatic check at an assignment's deadline.
 */
@Configuration(proxyBeanMethods = false)
class PlagiarismTaskConfiguration {

    static final int MAX_ATTEMPTS = 3;

    @Bean
    OneTimeTask<Long> plagiarismCheckTask(PlagiarismWorker worker) {
        FailureHandler<Long> retryThenGiveUp = (complete, ops) -> {
            long checkId = (Long) complete.getExecution().taskInstance.getData();
            if (complete.getExecution().consecutiveFailures + 1 >= MAX_ATTEMPTS) {
                worker.giveUp(checkId, "The check failed " + MAX_ATTEMPTS + " times on the workers: "
                        + complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
                ops.stop();
            } else {
                ops.reschedule(complete, complete.getTimeDone().plus(Duration.ofSeconds(5)));
            }
        };
        return Tasks.oneTime(PlagiarismQueue.CHECK_TASK, Long.class)
                .onFailure(retryThenGiveUp)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.check(instance.getData()));
    }

    @Bean
    OneTimeTask<Long> plagiarismDeadlineTask(PlagiarismWorker worker) {
        return Tasks.oneTime(PlagiarismQueue.DEADLINE_TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_ATTEMPTS,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.deadlineReached(instance.getData()));
    }
}
