package org.lectern.autograde;

/**
 * A grading run's life: queued, running (public results may already be in), done, or failed with a reason; or
 * superseded: dropped from the queue because the same student submitted a newer version before its turn came.
 */
public enum RunStatus { QUEUED, RUNNING, DONE, FAILED, SUPERSEDED }
