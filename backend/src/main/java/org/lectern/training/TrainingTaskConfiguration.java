package org.lectern.training;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.DeadWorkers;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "training-run" job: retried on infrastructure failures, revived once (from its first epoch) when its worker dies, ended when it dies again. */
@Configuration(proxyBeanMethods = false)
class TrainingTaskConfiguration {

    @Bean
    OneTimeTask<Long> trainingRunTask(TrainingWorker worker, DeadWorkers deadWorkers) {
        return Tasks.oneTime(TrainingQueue.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Training", worker::giveUp))
                .onDeadExecution(deadWorkers.reviveOnce(
                        "This training run stopped its worker twice; staff have been told.", worker::giveUp))
                .execute((instance, ctx) -> worker.train(instance.getData()));
    }
}
