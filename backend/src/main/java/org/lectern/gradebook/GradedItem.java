package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An item in a grading scheme.
 *
 * @param key            unique across the scheme
 * @param pointsPossible full marks, used when a score does not say what it is out of
 * @param weightOverride its weight in percent of the course grade (CSE 493G1's project: proposal 2,
 *                       milestone 4, ...); null = an equal share of what its category's weight leaves
 *                       after the overrides. 0 makes an item that shows but never counts (A0).
 */
public record GradedItem(String key, BigDecimal pointsPossible, BigDecimal weightOverride) {

    public GradedItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an item needs a key");
        }
        Objects.requireNonNull(pointsPossible, "pointsPossible");
        if (pointsPossible.signum() <= 0) {
            throw new IllegalArgumentException(key + ": points possible must be positive: " + pointsPossible);
        }
        if (weightOverride != null && weightOverride.signum() < 0) {
            throw new IllegalArgumentException(key + ": a weight must not be negative: " + weightOverride);
        }
    }

    /** An item that takes an equal share of its category. */
    public static GradedItem of(String key, int pointsPossible) {
        return new GradedItem(key, BigDecimal.valueOf(pointsPossible), null);
    }

    /** An item with its own weight, in percent of the course grade. */
    public static GradedItem weighted(String key, int pointsPossible, String weightPercent) {
        return new GradedItem(key, BigDecimal.valueOf(pointsPossible), new BigDecimal(weightPercent));
    }
}
