package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.time.ZonedDateTime;

/**
 * What lateness did to one item. Numbers are exact (no rounding happens here); show them at scale 2,
 * rounding half up.
 *
 * @param key             the item's key
 * @param dueAt           the deadline that counted, after any extension
 * @param extension       the extension applied, or null
 * @param status          on time, late, refused ...
 * @param daysLate        days late against {@code dueAt} (grace and weekend rule applied)
 * @param freeDaysApplied free late days spent on this item
 * @param daysPenalised   late days not covered by free days (all of them when refused)
 * @param penaltyPercent  percent of points possible taken off (100 when refused)
 * @param penaltyPoints   points taken off: points possible times the penalty percent
 * @param rawScore        the score before the penalty; null = not graded
 * @param finalScore      raw score minus penalty points, never below 0; 0 when refused; null while
 *                        ungraded (unless refused)
 */
public record LedgerEntry(String key, ZonedDateTime dueAt, Extension extension, LateStatus status, int daysLate,
                          int freeDaysApplied, int daysPenalised, BigDecimal penaltyPercent, BigDecimal penaltyPoints,
                          BigDecimal rawScore, BigDecimal finalScore) {

    public boolean refused() {
        return status.refused();
    }
}
