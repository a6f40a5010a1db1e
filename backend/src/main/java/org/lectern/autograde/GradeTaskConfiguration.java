package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "grade" job: retried a few times on infrastructure failures, revived when its worker dies. */
@Configuration(proxyBeanMethods = false)
class GradeTaskConfiguration {

    @Bean
    OneTimeTask<Long> gradeTask(GradingWorker worker) {
        return Tasks.oneTime(GradingQueue.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Grading", worker::giveUp))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, ctx) -> worker.grade(instance.getData(), ctx.getExecution().pickedBy));
    }
}
