package org.lectern.pool;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import java.util.function.BiConsumer;
import org.lectern.pool.internal.PoolRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No poison jobs: a job whose worker died under it (its heartbeat lapsed) is revived once; when its worker dies a
 * second time, the job is ended for good with a message for staff and the student, so that one submission cannot
 * take down worker after worker while the jobs behind it wait.
 */
@Component
public class DeadWorkers {

    private static final Logger log = LoggerFactory.getLogger(DeadWorkers.class);
    /** Deaths after which a job is ended rather than revived. */
    public static final int MAX_DEATHS = 2;

    private final PoolRepository repository;

    DeadWorkers(PoolRepository repository) {
        this.repository = repository;
    }

    /**
     * The dead-execution handler for a job kind whose data is the id of its own row.
     *
     * @param message what the job's row says when it is ended, e.g. "This submission stopped its grading worker
     *                twice; staff have been told."
     * @param giveUp  ends the job's row with that message
     */
    public DeadExecutionHandler<Long> reviveOnce(String message, BiConsumer<Long, String> giveUp) {
        return (ExecutionComplete complete, ExecutionOperations<Long> ops) -> {
            var execution = complete.getExecution();
            int deaths = repository.recordDeath(execution.taskInstance.getTaskName(), execution.taskInstance.getId(),
                    execution.pickedBy);
            if (deaths >= MAX_DEATHS) {
                log.error("Job {} lost its worker {} times (last {}); ending it: {}", execution.taskInstance, deaths,
                        execution.pickedBy, message);
                giveUp.accept((Long) execution.taskInstance.getData(), message);
                ops.stop();
            } else {
                log.warn("Job {} lost its worker {}; reviving it (death {} of {})", execution.taskInstance,
                        execution.pickedBy, deaths, MAX_DEATHS);
                new DeadExecutionHandler.ReviveDeadExecution<Long>().deadExecution(complete, ops);
            }
        };
    }
}
