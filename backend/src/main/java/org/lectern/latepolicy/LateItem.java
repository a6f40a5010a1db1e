package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One of a student's items as the ledger sees it.
 *
 * @param key            the item's key (unique among the student's items)
 * @param pointsPossible the item's full marks; the late penalty is a percent of this
 * @param rawScore       the score before the late penalty; null = not graded yet
 * @param deadline       the deadline in the course's zone, before any extension
 * @param submittedAt    the submission that counts; null = not submitted
 * @param rule           the item's late rules
 * @param weightPerPoint what one point of this item is worth in the final grade (e.g. percent of the
 *                       course per point); only {@link Allocation#MAXIMISE_GRADE} uses it
 */
public record LateItem(String key, BigDecimal pointsPossible, BigDecimal rawScore, ZonedDateTime deadline,
                       Instant submittedAt, ItemRule rule, BigDecimal weightPerPoint) {

    public LateItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an item needs a key");
        }
        Objects.requireNonNull(pointsPossible, "pointsPossible");
        if (pointsPossible.signum() <= 0) {
            throw new IllegalArgumentException(key + ": points possible must be positive: " + pointsPossible);
        }
        if (rawScore != null && rawScore.signum() < 0) {
            throw new IllegalArgumentException(key + ": a score must not be negative: " + rawScore);
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(weightPerPoint, "weightPerPoint");
        if (weightPerPoint.signum() < 0) {
            throw new IllegalArgumentException(key + ": a weight must not be negative: " + weightPerPoint);
        }
    }

    /** Every point weighs the same (weight 1 per point). */
    public LateItem(String key, BigDecimal pointsPossible, BigDecimal rawScore, ZonedDateTime deadline,
                    Instant submittedAt, ItemRule rule) {
        this(key, pointsPossible, rawScore, deadline, submittedAt, rule, BigDecimal.ONE);
    }

    public LateItem withSubmittedAt(Instant newSubmittedAt) {
        return new LateItem(key, pointsPossible, rawScore, deadline, newSubmittedAt, rule, weightPerPoint);
    }

    public LateItem withRawScore(BigDecimal newRawScore) {
        return new LateItem(key, pointsPossible, newRawScore, deadline, submittedAt, rule, weightPerPoint);
    }
}
