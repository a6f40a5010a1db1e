package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A course's late-work rules. Items may override the per-item maximum, the penalty and the cap
 * through their {@link ItemRule}.
 *
 * @param freeDays              free late days for the whole term
 * @param maxDaysPerItem        most free days one item may use; null = only the budget limits it
 * @param penaltyPercentPerDay  percent of the item's points possible taken off per late day that
 *                              free days do not cover (capped at 100%)
 * @param weekendCountsAsOneDay Saturday and Sunday together make one late day (see {@link LateDays})
 * @param grace                 how long after a deadline (and after each late day's end) still
 *                              counts as before it
 * @param maxDaysLate           cap: work more days late than this is refused; null = no cap
 * @param allocation            how free days are spread across items
 */
public record LatePolicy(int freeDays, Integer maxDaysPerItem, BigDecimal penaltyPercentPerDay,
                         boolean weekendCountsAsOneDay, Duration grace, Integer maxDaysLate,
                         Allocation allocation) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LatePolicy {
        if (freeDays < 0) {
            throw new IllegalArgumentException("freeDays must not be negative: " + freeDays);
        }
        if (maxDaysPerItem != null && maxDaysPerItem < 0) {
            throw new IllegalArgumentException("maxDaysPerItem must not be negative: " + maxDaysPerItem);
        }
        ItemRule.checkPercent(Objects.requireNonNull(penaltyPercentPerDay, "penaltyPercentPerDay"));
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        if (maxDaysLate != null && maxDaysLate < 0) {
            throw new IllegalArgumentException("maxDaysLate must not be negative: " + maxDaysLate);
        }
        Objects.requireNonNull(allocation, "allocation");
    }

    /**
     * UW CSE 493G1, Winter 2024 (seed 000, "Late policy"): 5 free late days, at most 2 per assignment
     * (proposal and milestone included), then 25% per day, weekends count as one day.
     * <p>Assumed, not in the seed: 15 minutes' grace; a cap of 6 days, the point where 2 free days
     * plus 4 days at 25% reach 100% anyway, so refusing later work never lowers a grade the syllabus
     * would give and a refused item spends no free days. The final report's "no late days" is an
     * {@link ItemRule} ({@link ItemRule#noLateDays()} or {@link ItemRule#noLateWork()}).
     */
    public static LatePolicy cse493g1() {
        return new LatePolicy(5, 2, BigDecimal.valueOf(25), true, Duration.ofMinutes(15), 6,
                Allocation.DEADLINE_ORDER);
    }

    /**
     * Koç COMP541, Fall 2024 (seed 001): "You have 7 grace days in the semester."
     * <p>Assumed, not in the seed: no per-item maximum (the cap bounds it); 20% per day beyond the
     * grace days; calendar days (no weekend rule); 15 minutes' grace; a cap of 12 days, where 7 free
     * days plus 5 days at 20% reach 100% anyway (same reasoning as {@link #cse493g1()}).
     */
    public static LatePolicy comp541() {
        return new LatePolicy(7, null, BigDecimal.valueOf(20), false, Duration.ofMinutes(15), 12,
                Allocation.DEADLINE_ORDER);
    }

    public LatePolicy withAllocation(Allocation newAllocation) {
        return new LatePolicy(freeDays, maxDaysPerItem, penaltyPercentPerDay, weekendCountsAsOneDay, grace,
                maxDaysLate, newAllocation);
    }

    public LatePolicy withFreeDays(int newFreeDays) {
        return new LatePolicy(newFreeDays, maxDaysPerItem, penaltyPercentPerDay, weekendCountsAsOneDay, grace,
                maxDaysLate, allocation);
    }

    static BigDecimal hundred() {
        return HUNDRED;
    }
}
