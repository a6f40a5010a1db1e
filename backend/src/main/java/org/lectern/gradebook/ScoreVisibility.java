package org.lectern.gradebook;

/**
 * What a viewer may see of a student's score on an item: the one rule for the gradebook's cells and the
 * autograder's results page. The submitter sees the public tests' part at once; the whole score (the private
 * tests' part, the total, a hand-entered score, an override) only once the item's grades are released, and
 * staff always. A failing private test's message reaches a student only as far as the autograder's
 * {@code PrivateFeedback} allows; staff read it in full.
 *
 * @param staff    the viewer is course staff
 * @param released the item's grades are released (an item with no release step, such as a quiz, is)
 */
public record ScoreVisibility(boolean staff, boolean released) {

    public static final ScoreVisibility STAFF = new ScoreVisibility(true, true);

    /** The public tests' results and points. */
    public boolean publicPart() {
        return true;
    }

    /** The private tests' results, the total, entered scores and overrides. */
    public boolean wholeScore() {
        return staff || released;
    }

    /** A failing private test's message as the autograder wrote it, not cut to what a student is shown. */
    public boolean fullPrivateFeedback() {
        return staff;
    }
}
