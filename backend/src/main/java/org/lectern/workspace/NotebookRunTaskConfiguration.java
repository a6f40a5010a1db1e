package org.lectern.workspace;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.lectern.pool.DeadWorkers;
import org.lectern.pool.JobNeeds;
import org.lectern.pool.RetryThenGiveUp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "notebook-run" job: needs the sandbox; retried on infrastructure failures, revived once when its worker dies. */
@Configuration(proxyBeanMethods = false)
class NotebookRunTaskConfiguration {

    @Bean
    JobNeeds notebookRunNeeds() {
        return new JobNeeds(NotebookRunQueue.TASK, true, false);
    }

    @Bean
    OneTimeTask<Long> notebookRunTask(NotebookRunWorker worker, DeadWorkers deadWorkers) {
        return Tasks.oneTime(NotebookRunQueue.TASK, Long.class)
                .onFailure(RetryThenGiveUp.of("Notebook run", worker::giveUp))
                .onDeadExecution(deadWorkers.reviveOnce("This notebook stopped its worker twice; staff have been told.", worker::giveUp))
                .execute((instance, ctx) -> worker.run(instance.getData(), ctx.getExecution().pickedBy));
    }
}
