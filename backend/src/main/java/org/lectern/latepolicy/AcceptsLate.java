package org.lectern.latepolicy;

/** Whether an item takes late work that free late days do not cover. */
public enum AcceptsLate {

    /** Accepted, minus the per-day penalty (up to 100%), as long as it is within the cap. */
    YES_WITH_PENALTY,

    /**
     * Not accepted: lateness that free days do not fully cover scores 0. With {@code takesLateDays}
     * the item can still be late within the free days it may use.
     */
    NO
}
