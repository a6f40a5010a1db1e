package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A category of a grading scheme.
 * <p>Each item has a share of the category's weight: its {@code weightOverride}, or an equal part of
 * what the overrides leave. The category's percent is the share-weighted mean of its counted items'
 * percents, so when an item is excused or dropped the others' shares grow to fill the category
 * (CSE 493G1 quizzes: 5 shares of 4.8%, one dropped, the four kept count 6% each).
 *
 * @param name          shown to students; unique in the scheme
 * @param weightPercent percent of the course grade (for extra credit: at most this much is added,
 *                      at 100% in the category)
 * @param dropLowest    how many of the lowest-percent items to drop
 * @param extraCredit   added on top of the other categories instead of sharing the 100%
 * @param capPercent    extra credit only: the most it may add; null = no cap beyond its weight times
 *                      its percent (which can exceed the weight when items give bonus points)
 * @param items         in the order students see them; ties in dropping follow this order
 */
public record Category(String name, BigDecimal weightPercent, int dropLowest, boolean extraCredit,
                       BigDecimal capPercent, List<GradedItem> items) {

    public Category {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a category needs a name");
        }
        Objects.requireNonNull(weightPercent, "weightPercent");
        if (weightPercent.signum() < 0) {
            throw new IllegalArgumentException(name + ": a weight must not be negative: " + weightPercent);
        }
        if (dropLowest < 0) {
            throw new IllegalArgumentException(name + ": cannot drop a negative number of items: " + dropLowest);
        }
        if (capPercent != null && !extraCredit) {
            throw new IllegalArgumentException(name + ": only extra credit has a cap");
        }
        if (capPercent != null && capPercent.signum() < 0) {
            throw new IllegalArgumentException(name + ": a cap must not be negative: " + capPercent);
        }
        items = List.copyOf(items);
        Set<String> keys = new HashSet<>();
        BigDecimal overrides = BigDecimal.ZERO;
        int plain = 0;
        for (GradedItem item : items) {
            if (!keys.add(item.key())) {
                throw new IllegalArgumentException(name + ": item " + item.key() + " is listed twice");
            }
            if (item.weightOverride() != null) {
                overrides = overrides.add(item.weightOverride());
            } else {
                plain++;
            }
        }
        if (overrides.compareTo(weightPercent) > 0) {
            throw new IllegalArgumentException(name + ": item weights (" + overrides.toPlainString()
                    + ") exceed the category's " + weightPercent.toPlainString());
        }
        // With no item left to take the rest, weight would silently vanish.
        if (!items.isEmpty() && plain == 0 && overrides.compareTo(weightPercent) != 0) {
            throw new IllegalArgumentException(name + ": item weights (" + overrides.toPlainString()
                    + ") must add up to the category's " + weightPercent.toPlainString());
        }
    }

    public static Category of(String name, String weightPercent, int dropLowest, List<GradedItem> items) {
        return new Category(name, new BigDecimal(weightPercent), dropLowest, false, null, items);
    }

    public static Category extraCredit(String name, String weightPercent, String capPercent, List<GradedItem> items) {
        return new Category(name, new BigDecimal(weightPercent), 0, true,
                capPercent == null ? null : new BigDecimal(capPercent), items);
    }

    /** Worth nothing (as "Not counted", where items declared without a category go): its items show but never move a grade. */
    public boolean worthNothing() {
        return !extraCredit && weightPercent.signum() == 0;
    }

    /** Each item's share of the category's weight, in percent of the course grade, in item order. */
    public Map<String, BigDecimal> shares() {
        BigDecimal overrides = BigDecimal.ZERO;
        int plain = 0;
        for (GradedItem item : items) {
            if (item.weightOverride() != null) {
                overrides = overrides.add(item.weightOverride());
            } else {
                plain++;
            }
        }
        BigDecimal equalShare = plain == 0 ? BigDecimal.ZERO
                : Rounding.divide(weightPercent.subtract(overrides), BigDecimal.valueOf(plain));
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (GradedItem item : items) {
            shares.put(item.key(), item.weightOverride() != null ? item.weightOverride() : equalShare);
        }
        return shares;
    }
}
