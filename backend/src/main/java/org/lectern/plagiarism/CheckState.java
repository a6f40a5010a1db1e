package org.lectern.plagiarism;

/** Where a plagiarism check is: queued on the pool, running, done (with an outcome), or failed for good. */
public enum CheckState {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
