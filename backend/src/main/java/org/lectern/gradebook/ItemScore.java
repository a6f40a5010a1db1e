package org.lectern.gradebook;

import java.math.BigDecimal;

/**
 * A student's score on one item, after any late penalty (the caller applies it, e.g. from the late-day
 * ledger's final score).
 *
 * @param earned   points earned; null = missing (no submission or not graded)
 * @param possible what it is out of; null = the scheme's points possible. When both exist this one
 *                 wins: it is the total the work was graded against
 * @param excused  left out of its category, the others' shares grow to fill it
 * @param override a manual score that replaces {@code earned}; such an item is never dropped
 */
public record ItemScore(BigDecimal earned, BigDecimal possible, boolean excused, ScoreOverride override) {

    public ItemScore {
        if (earned != null && earned.signum() < 0) {
            throw new IllegalArgumentException("a score must not be negative: " + earned);
        }
        if (possible != null && possible.signum() <= 0) {
            throw new IllegalArgumentException("points possible must be positive: " + possible);
        }
        // Excusing and overriding are contradictory decisions; make staff pick one.
        if (excused && override != null) {
            throw new IllegalArgumentException("an item is either excused or overridden, not both");
        }
    }

    public static ItemScore graded(BigDecimal earned, BigDecimal possible) {
        return new ItemScore(earned, possible, false, null);
    }

    /** Out of the scheme's points possible. */
    public static ItemScore graded(BigDecimal earned) {
        return new ItemScore(earned, null, false, null);
    }

    public static ItemScore missing() {
        return new ItemScore(null, null, false, null);
    }

    public static ItemScore excusedScore() {
        return new ItemScore(null, null, true, null);
    }

    public static ItemScore overridden(BigDecimal score, String reason) {
        return new ItemScore(null, null, false, new ScoreOverride(score, reason));
    }
}
