package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.DeadWorkers;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "model-eval" job: like grading, retried on infrastructure failures and revived once when its worker dies. */
@Configuration(proxyBeanMethods = false)
class ModelTaskConfiguration {

    @Bean
    OneTimeTask<Long> modelEvaluationTask(ModelEvaluationWorker models, DeadWorkers deadWorkers) {
        return Tasks.oneTime(ModelAssignmentService.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Evaluation", models::giveUp))
                .onDeadExecution(deadWorkers.reviveOnce(
                        "This model stopped its evaluation worker twice; staff have been told.", models::giveUp))
                .execute((instance, ctx) -> models.evaluate(instance.getData()));
    }
}
