package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One item's late rules: whether it may use free late days, whether it accepts late work those days
 * do not cover, and overrides of the course's numbers (null = the course's {@link LatePolicy}).
 * A null override cannot lift a course limit; set a larger number instead.
 */
public record ItemRule(boolean takesLateDays, AcceptsLate acceptsLate, Integer maxDaysPerItem,
                       BigDecimal penaltyPercentPerDay, Integer maxDaysLate) {

    public ItemRule {
        Objects.requireNonNull(acceptsLate, "acceptsLate");
        if (maxDaysPerItem != null && maxDaysPerItem < 0) {
            throw new IllegalArgumentException("maxDaysPerItem must not be negative: " + maxDaysPerItem);
        }
        if (penaltyPercentPerDay != null) {
            checkPercent(penaltyPercentPerDay);
        }
        if (maxDaysLate != null && maxDaysLate < 0) {
            throw new IllegalArgumentException("maxDaysLate must not be negative: " + maxDaysLate);
        }
    }

    /** The course's rules unchanged: an ordinary assignment. */
    public static ItemRule standard() {
        return new ItemRule(true, AcceptsLate.YES_WITH_PENALTY, null, null, null);
    }

    /** Free days do not apply, but late work is taken with the penalty (CSE 493G1's final report, read leniently). */
    public static ItemRule noLateDays() {
        return new ItemRule(false, AcceptsLate.YES_WITH_PENALTY, null, null, null);
    }

    /** Any lateness past grace scores 0 (CSE 493G1's final report, read strictly). */
    public static ItemRule noLateWork() {
        return new ItemRule(false, AcceptsLate.NO, null, null, null);
    }

    public ItemRule withMaxDaysPerItem(Integer days) {
        return new ItemRule(takesLateDays, acceptsLate, days, penaltyPercentPerDay, maxDaysLate);
    }

    public ItemRule withPenaltyPercentPerDay(BigDecimal percent) {
        return new ItemRule(takesLateDays, acceptsLate, maxDaysPerItem, percent, maxDaysLate);
    }

    public ItemRule withMaxDaysLate(Integer days) {
        return new ItemRule(takesLateDays, acceptsLate, maxDaysPerItem, penaltyPercentPerDay, days);
    }

    /** Most free days this item may use, before the budget: 0 when it takes none, null when unlimited. */
    Integer freeDayLimit(LatePolicy policy) {
        if (!takesLateDays) {
            return 0;
        }
        return maxDaysPerItem != null ? maxDaysPerItem : policy.maxDaysPerItem();
    }

    BigDecimal penaltyPercentPerDay(LatePolicy policy) {
        return penaltyPercentPerDay != null ? penaltyPercentPerDay : policy.penaltyPercentPerDay();
    }

    Integer maxDaysLate(LatePolicy policy) {
        return maxDaysLate != null ? maxDaysLate : policy.maxDaysLate();
    }

    static void checkPercent(BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(LatePolicy.hundred()) > 0) {
            throw new IllegalArgumentException("a penalty is a percent from 0 to 100: " + percent);
        }
    }
}
