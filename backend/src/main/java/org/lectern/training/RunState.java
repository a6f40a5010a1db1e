package org.lectern.training;

import java.util.Locale;

/** Where a training run is. */
public enum RunState {
    /** Waiting for a worker slot; holds its estimate against the quotas. */
    QUEUED,
    /** Training on a worker; holds its estimate against the quotas. */
    RUNNING,
    /** Every epoch trained. */
    DONE,
    /** The loss stopped being a number, so training stopped early. */
    DIVERGED,
    /** The student (or staff) cancelled it. */
    CANCELLED,
    /** It reached the remaining quota or the per-run time limit and was stopped. */
    STOPPED,
    /** It could not train (not the student's doing); nothing is charged. */
    FAILED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /** "done", "running", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
