package org.lectern.autograde;

import java.time.Instant;

/**
 * One uploaded model's evaluation as its viewer may see it: the private score only after the deadline
 * (staff always). {@code message} says exactly what was wrong for an invalid or failed model.
 */
public record ModelRunView(long id, long submissionId, String state, Double publicScore, Double privateScore, Long parameters,
                           Double latencyMillis, Double latencyP95Millis, String device, String message, Instant finishedAt) {

    public boolean finished() {
        return !state.equals("QUEUED") && !state.equals("RUNNING");
    }
}
