package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "model-eval" job: like grading, retried on infrastructure failures and revived when its worker dies. */
@Configuration(proxyBeanMethods = false)
class ModelTaskConfiguration {

    @Bean
    OneTimeTask<Long> modelEvaluationTask(ModelEvaluationWorker models) {
        return Tasks.oneTime(ModelAssignmentService.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Evaluation", models::giveUp))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> models.evaluate(instance.getData()));
    }
}
