package org.lectern.gradebook;

import org.lectern.grading.TestVisibility;

/**
 * What a viewer may see of a student's score on an item: the one rule for the gradebook's cells and the
 * autograder's results page. The submitter sees the public tests' part at once; the whole score (the private
 * tests' part, the total, a hand-entered score, an override) only once the item's grades are released, and
 * staff always. A failing private test's message reaches a student only as far as the autograder's
 * {@code PrivateFeedback} allows; staff read it in full. One autograder test may narrow this further with a visibility
 * of its own ({@link #testShown}): a student never sees a hidden test's name, output or points before its time.
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

    /**
     * Whether one test's result (name, output, points) is shown. Staff: always. A student: a test of a private file
     * only once released, and then (in either kind of file) only as its own visibility allows: VISIBLE at once,
     * AFTER_DUE_DATE once the due date has passed, AFTER_PUBLISHED once released, HIDDEN never. A test's own
     * visibility can only narrow its file's, never widen it.
     *
     * @param own         the test's own visibility, null when it has none
     * @param privateFile the test belongs to a private file
     * @param pastDue     the assignment's due date has passed
     */
    public boolean testShown(TestVisibility own, boolean privateFile, boolean pastDue) {
        if (staff) {
            return true;
        }
        if (privateFile && !released) {
            return false;
        }
        if (own == null) {
            return true;
        }
        return switch (own) {
            case VISIBLE -> true;
            case AFTER_DUE_DATE -> pastDue;
            case AFTER_PUBLISHED -> released;
            case HIDDEN -> false;
        };
    }
}
