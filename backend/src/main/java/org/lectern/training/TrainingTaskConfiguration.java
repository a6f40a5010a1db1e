package org.lectern.training;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "training-run" job: retried on infrastructure failures, revived (from its first epoch) when its worker dies. */
@Configuration(proxyBeanMethods = false)
class TrainingTaskConfiguration {

    @Bean
    OneTimeTask<Long> trainingRunTask(TrainingWorker worker) {
        return Tasks.oneTime(TrainingQueue.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Training", worker::giveUp))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.train(instance.getData()));
    }
}
