package org.lectern.assignment;

import java.math.BigDecimal;

/**
 * Published in the creating transaction. The gradebook adds the assignment to the named category
 * with its per-item late-day rules (null fields: the course's rules); a refusal rolls the creation back.
 */
public record AssignmentCreated(long courseId, long assignmentId, String shortName, BigDecimal points, String category,
                                Boolean takesLateDays, String acceptsLate, Integer maxLateDaysPerItem,
                                BigDecimal latePenaltyPercentPerDay, Integer maxDaysLate) {
}
