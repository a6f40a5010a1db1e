package org.lectern.grading.training;

import java.time.Duration;
import java.util.List;

/**
 * How a training worker ended.
 *
 * @param status  why it ended
 * @param message for people; null when training simply completed
 * @param started what the worker reported when training began; null if it never got that far
 * @param epochs  every epoch that finished, in order
 * @param wall    the worker process's wall time, JVM start to exit: what the run costs
 * @param log     the tail of the worker's own output (its log, a native crash), for operators
 */
public record TrainingOutcome(Status status, String message, TrainingEvent.Started started, List<EpochMetrics> epochs,
                              Duration wall, String log) {

    public enum Status {
        /** Every epoch ran. */
        COMPLETED,
        /** The loss stopped being a finite number, so training stopped early (the worker's decision). */
        DIVERGED,
        /** The wall-time limit (or the caller's shorter one, e.g. a quota) was reached: the worker was killed. */
        TIME_LIMIT,
        /** The caller asked to stop (a student cancelled, a quota ran out): the worker was killed. */
        CANCELLED,
        /** The worker ran out of memory. */
        OUT_OF_MEMORY,
        /** The worker refused the job or could not train (bad data, engine would not start) and said so. */
        FAILED,
        /** The worker died without saying why. */
        CRASHED;

        /** Whether the run produced its full result. */
        public boolean trained() {
            return this == COMPLETED || this == DIVERGED;
        }
    }

    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}
