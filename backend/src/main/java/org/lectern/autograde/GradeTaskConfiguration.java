package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.DeadWorkers;
import org.lectern.pool.JobNeeds;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "grade" job: claimed only by nodes with a working sandbox, retried a few times on infrastructure failures,
 * revived once when its worker dies and ended when it dies a second time.
 */
@Configuration(proxyBeanMethods = false)
class GradeTaskConfiguration {

    static final String KILLED_TWO_WORKERS =
            "This submission stopped its grading worker twice; staff have been told.";

    @Bean
    JobNeeds gradeNeeds() {
        return new JobNeeds(GradingQueue.TASK, true, false);
    }

    @Bean
    OneTimeTask<Long> gradeTask(GradingWorker worker, DeadWorkers deadWorkers) {
        return Tasks.oneTime(GradingQueue.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Grading", worker::giveUp))
                .onDeadExecution(deadWorkers.reviveOnce(KILLED_TWO_WORKERS, worker::giveUp))
                .execute((instance, ctx) -> worker.grade(instance.getData(), ctx.getExecution().pickedBy));
    }
}
