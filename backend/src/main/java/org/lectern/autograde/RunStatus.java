package org.lectern.autograde;

/** A grading run's life: queued, running (public results may already be in), done, or failed with a reason. */
public enum RunStatus { QUEUED, RUNNING, DONE, FAILED }
