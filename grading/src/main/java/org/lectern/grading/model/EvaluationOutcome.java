package org.lectern.grading.model;

import java.time.Duration;
import java.util.List;

/** What {@link IsolatedModelEvaluator} reports: a result, or a failure a student can read. */
public sealed interface EvaluationOutcome {

    /**
     * The model was evaluated.
     *
     * @param result   scores, predictions, latency
     * @param wallTime the worker process's whole run, JVM start included
     */
    record Evaluated(EvaluationResult result, Duration wallTime) implements EvaluationOutcome {
    }

    /**
     * The model was not evaluated.
     *
     * @param failure   the kind of failure
     * @param message   one sentence for the student: "evaluation exceeded 30 s and was stopped", "the model ran
     *                  out of memory (limit 512 MiB)", "the model could not be loaded: …"
     * @param problems  for {@link Failure#INVALID_MODEL}: every problem found; otherwise empty
     * @param workerLog the end of the worker process's output, for staff (may name host paths); empty when no
     *                  process ran
     */
    record Failed(Failure failure, String message, List<String> problems, String workerLog)
            implements EvaluationOutcome {

        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
