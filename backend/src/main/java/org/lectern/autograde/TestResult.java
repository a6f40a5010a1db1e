package org.lectern.autograde;

import java.math.BigDecimal;
import org.lectern.assignment.Visibility;

/** One test's outcome as stored. The message is pytest's failure text, truncated. */
public record TestResult(Visibility visibility, String fileName, String testName, boolean passed, String outcome,
                         BigDecimal earned, BigDecimal possible, String message) {
}
