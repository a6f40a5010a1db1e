package org.lectern.plagiarism;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.lectern.pool.DeadWorkers;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool's plagiarism jobs: a check (retried a few times on failures, revived once when its worker dies) and the
 * automatic check at an assignment's deadline.
 */
@Configuration(proxyBeanMethods = false)
class PlagiarismTaskConfiguration {

    @Bean
    OneTimeTask<Long> plagiarismCheckTask(PlagiarismWorker worker, DeadWorkers deadWorkers) {
        return Tasks.oneTime(PlagiarismQueue.CHECK_TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("The check", worker::giveUp))
                .onDeadExecution(deadWorkers.reviveOnce("This check stopped its worker twice; staff have been told.",
                        worker::giveUp))
                .execute((instance, ctx) -> worker.check(instance.getData()));
    }

    @Bean
    OneTimeTask<Long> plagiarismDeadlineTask(PlagiarismWorker worker) {
        return Tasks.oneTime(PlagiarismQueue.DEADLINE_TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(RetryThenGiveUp.MAX_ATTEMPTS,
                        new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.deadlineReached(instance.getData()));
    }
}
