package org.lectern.latepolicy;

/** How a course spends a student's free late days across items. */
public enum Allocation {

    /**
     * Free days go to late items in deadline order, each up to its per-item maximum, until the
     * budget is gone. Predictable: a day spent stays spent when later items are graded.
     */
    DEADLINE_ORDER,

    /**
     * Free days go wherever they raise the student's weighted total most (an exact optimum, not a
     * greedy pass). Days may move between items as grades come in, so this suits an end-of-term
     * reckoning rather than a running tally.
     */
    MAXIMISE_GRADE
}
