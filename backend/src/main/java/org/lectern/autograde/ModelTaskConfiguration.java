package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "model-eval" job: like grading, retried on infrastructure failures and revived when its worker dies. */
@Configuration(proxyBeanMethods = false)
class ModelTaskConfiguration {

    @Bean
    OneTimeTask<Long> modelEvaluationTask(ModelEvaluationWorker models) {
        FailureHandler<Long> retryThenGiveUp = (complete, ops) -> {
            long runId = (Long) complete.getExecution().taskInstance.getData();
            if (complete.getExecution().consecutiveFailures + 1 >= GradeTaskConfiguration.MAX_ATTEMPTS) {
                models.giveUp(runId, "Evaluation failed " + GradeTaskConfiguration.MAX_ATTEMPTS + " times on the workers: "
                        + complete.getCause().map(Throwable::getMessage).orElse("unknown error"));
                ops.stop();
            } else {
                ops.reschedule(complete, complete.getTimeDone().plus(Duration.ofSeconds(5)));
            }
        };
        return Tasks.oneTime(ModelAssignmentService.TASK, Long.class)
                .onFailure(retryThenGiveUp)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> models.evaluate(instance.getData()));
    }
}
