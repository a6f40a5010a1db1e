package org.lectern.autograde;

import java.math.BigDecimal;
import org.lectern.assignment.Visibility;
import org.lectern.grading.TestVisibility;

/**
 * One test's outcome as stored. The message is pytest's failure text, truncated; the brief is the failure without
 * the test's source (what a student may see of a private test under {@link org.lectern.assignment.PrivateFeedback#MESSAGE}).
 * {@code shown} is the test's own visibility (a marker, a gradescope_utils decorator, a Gradescope results.json),
 * null when it takes its file's; {@code number} is the number a Gradescope-style test carries ("1.2"), or null.
 */
public record TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                         BigDecimal earned, BigDecimal possible, String message, String brief, TestVisibility shown,
                         String number) {

    public TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                      BigDecimal earned, BigDecimal possible, String message, String brief) {
        this(visibility, fileName, testName, passed, outcome, earned, possible, message, brief, null, null);
    }

    public TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                      BigDecimal earned, BigDecimal possible, String message) {
        this(visibility, fileName, testName, passed, outcome, earned, possible, message, null);
    }

    /** The same result with its own visibility narrowed by {@code override} (the autograder manifest's). */
    public TestResult narrowedTo(TestVisibility override) {
        return new TestResult(visibility, fileName, testName, passed, outcome, earned, possible, message, brief,
                TestVisibility.narrower(shown, override), number);
    }

    /** The same result with another message (as a student is shown it). */
    public TestResult withMessage(String shown) {
        return new TestResult(visibility, fileName, testName, passed, outcome, earned, possible, shown, shown, this.shown,
                number);
    }
}
