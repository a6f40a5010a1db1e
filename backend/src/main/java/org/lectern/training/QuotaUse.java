package org.lectern.training;

/**
 * One quota of worker seconds in the current week.
 *
 * @param limitSeconds   the week's allowance
 * @param chargedSeconds measured worker time of the week's runs that ended
 * @param heldSeconds    estimates of the runs still queued or running (charged their measured time once they end)
 */
public record QuotaUse(long limitSeconds, double chargedSeconds, long heldSeconds) {

    public double usedSeconds() {
        return chargedSeconds + heldSeconds;
    }

    public double remainingSeconds() {
        return Math.max(0, limitSeconds - chargedSeconds - heldSeconds);
    }

    /** Whether a run of this estimate fits. */
    public boolean allows(long estimateSeconds) {
        return estimateSeconds <= remainingSeconds();
    }
}
