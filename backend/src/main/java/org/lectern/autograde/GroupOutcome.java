package org.lectern.autograde;

import java.math.BigDecimal;
import java.util.List;

/** What running one visibility group's tests produced. {@code problem} is a sentence for the student, or null. */
public record GroupOutcome(List<TestResult> results, BigDecimal earned, BigDecimal possible, String log, String problem) {
}
