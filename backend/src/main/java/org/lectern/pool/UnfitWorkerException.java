package org.lectern.pool;

/**
 * Thrown by a job that landed on a node which cannot run it (the sandbox stopped working, a Python package the
 * assignment needs is missing here): the job goes back to the queue for another node and never counts as a
 * failure (see {@link RetryThenGiveUp}).
 */
public class UnfitWorkerException extends RuntimeException {

    public UnfitWorkerException(String message) {
        super(message);
    }
}
