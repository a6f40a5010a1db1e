package org.lectern.autograde;

import java.math.BigDecimal;
import org.lectern.assignment.Visibility;

/**
 * One test's outcome as stored. The message is pytest's failure text, truncated; the brief is the failure without
 * the test's source (what a student may see of a private test under {@link org.lectern.assignment.PrivateFeedback#MESSAGE}).
 */
public record TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                         BigDecimal earned, BigDecimal possible, String message, String brief) {

    public TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                      BigDecimal earned, BigDecimal possible, String message) {
        this(visibility, fileName, testName, passed, outcome, earned, possible, message, null);
    }

    /** The same result with another message (as a student is shown it). */
    public TestResult withMessage(String shown) {
        return new TestResult(visibility, fileName, testName, passed, outcome, earned, possible, shown, shown);
    }
}
