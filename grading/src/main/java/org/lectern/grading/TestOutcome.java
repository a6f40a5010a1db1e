package org.lectern.grading;

import java.time.Duration;

/**
 * One test's result.
 *
 * @param file           the test file it belongs to
 * @param name           pytest's node id ({@code test_basic.py::test_add}), or the file name for a file whose
 *                       tests could not be collected
 * @param passed         whether it earned its points
 * @param outcome        passed, failed, error, skipped, xfailed, xpassed; "stopped" for the test that was running
 *                       when the run was cut off, "not run" for tests after it
 * @param pointsEarned   points earned
 * @param pointsPossible points it was worth
 * @param message        failure text (at most 4000 characters), skip reason, or why it did not run; empty if passed
 * @param duration       setup, call and teardown together
 * @param brief          the failure without the test's source: the exception's type and the test's own assertion
 *                       message (or the harness's sentence); what a student may see of a private test
 * @param visibility     the test's own visibility (a marker or decorator), null when it takes its file's
 * @param number         the test's number as shown ("1.2"), or null
 */
public record TestOutcome(String file, String name, boolean passed, String outcome, double pointsEarned,
                          double pointsPossible, String message, Duration duration, String brief,
                          TestVisibility visibility, String number) {

    public TestOutcome(String file, String name, boolean passed, String outcome, double pointsEarned,
                       double pointsPossible, String message, Duration duration, String brief) {
        this(file, name, passed, outcome, pointsEarned, pointsPossible, message, duration, brief, null, null);
    }

    public TestOutcome(String file, String name, boolean passed, String outcome, double pointsEarned,
                       double pointsPossible, String message, Duration duration) {
        this(file, name, passed, outcome, pointsEarned, pointsPossible, message, duration, message);
    }
}
