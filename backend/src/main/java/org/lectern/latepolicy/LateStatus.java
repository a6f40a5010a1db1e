package org.lectern.latepolicy;

/** Where a submission stands against its (possibly extended) deadline. */
public enum LateStatus {
    NOT_SUBMITTED,
    ON_TIME,
    /** Late and accepted: free days, penalty or both apply. */
    LATE,
    /** Late beyond what the item's rule accepts ({@link AcceptsLate#NO}): scores 0. */
    REFUSED_NOT_ACCEPTED,
    /** More days late than the cap: scores 0. */
    REFUSED_OVER_CAP;

    public boolean refused() {
        return this == REFUSED_NOT_ACCEPTED || this == REFUSED_OVER_CAP;
    }
}
