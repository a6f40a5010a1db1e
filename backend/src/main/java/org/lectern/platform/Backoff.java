package org.lectern.platform;

import java.time.Duration;

/**
 * How long an outbox sender (LMS scores, mail) waits before trying again after a passing failure: doubling from {@code first},
 * at most {@code cap}, and giving up after {@code maxAttempts} tries.
 */
public record Backoff(Duration first, Duration cap, int maxAttempts) {

    /** The wait after the given failed attempt (1 = the first try failed), or null: give up. */
    public Duration after(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return null;
        }
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration d = first.multipliedBy(1L << shift);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
