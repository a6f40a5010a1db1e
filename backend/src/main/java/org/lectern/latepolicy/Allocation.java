package org.lectern.latepolicy;

/** How a course spends a student's free late days across items. */
public enum Allocation {

    /**
     * Free days go to late items in deadline order, each up to its per-item maximum, until the
     * budget is gone. Predictable: a day spent stays spent when later items are graded.
     */
    DEADLINE_ORDER("Late days go to items in deadline order."),

    /**
     * Free days go wherever they raise the student's weighted total most (an exact optimum, not a
     * greedy pass). Days may move between items as grades come in, so this suits an end-of-term
     * reckoning rather than a running tally.
     */
    MAXIMISE_GRADE("Late days go to the items where they raise your total most, and may move between items as grades come in.");

    private final String explanation;

    Allocation(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence for students saying how their free days are spent. */
    public String explanation() {
        return explanation;
    }
}
