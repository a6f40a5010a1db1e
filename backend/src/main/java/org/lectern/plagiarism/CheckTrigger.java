package org.lectern.plagiarism;

/** Who started a check: staff on demand, or the scheduled run after the deadline. */
public enum CheckTrigger {
    MANUAL, DEADLINE
}
