package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "grade" job: retried a few times on infrastructure failures, revived when its worker dies. */
@Configuration(proxyBeanMethods = false)
class GradeTaskConfiguration {

    static final int MAX_ATTEMPTS = 3;

    @Bean
    OneTimeTask<Long> gradeTask(GradingWorker worker) {
        FailureHandler<Long> retryThenGiveUp = (complete, ops) -> {
            long runId = (Long) complete.getExecution().taskInstance.getData();
            if (complete.getExecution().consecutiveFailures + 1 >= MAX_ATTEMPTS) {
                worker.giveUp(runId, "Grading failed " + MAX_ATTEMPTS + " times on the workers: "
                        + complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
                ops.stop();
            } else {
                ops.reschedule(complete, complete.getTimeDone().plus(Duration.ofSeconds(5)));
            }
        };
        return Tasks.oneTime(GradingQueue.TASK, Long.class)
                .onFailure(retryThenGiveUp)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.grade(instance.getData(), ctx.getExecution().pickedBy));
    }
}
