package org.lectern.gradebook;

/** How an item entered the course grade. */
public enum ItemStatus {
    /** Graded (or overridden) and counted. */
    COUNTED,
    /** No score, counted as 0 ({@code countMissingAsZero}). */
    MISSING_COUNTED_AS_ZERO,
    /** No score, left out ({@code countMissingAsZero} off): a grade so far. */
    MISSING_NOT_COUNTED,
    /** Absent from the scores given: not released or not due yet, never counted. */
    NOT_RELEASED,
    EXCUSED,
    /** One of its category's lowest. */
    DROPPED;

    /** Whether it is part of its category's percent. */
    public boolean counts() {
        return this == COUNTED || this == MISSING_COUNTED_AS_ZERO;
    }
}
