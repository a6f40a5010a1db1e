package org.lectern.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an account stays locked after consecutive failed sign-ins: free tries first, then a
 * lock that doubles with each further failure up to a ceiling. A success resets the count.
 */
public record SignInThrottle(int freeFailures, Duration firstLock, Duration maxLock) {

    public static final SignInThrottle DEFAULT = new SignInThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    /** The lock to impose after the given number of consecutive failures, if any. */
    public Optional<Instant> lockedUntil(int consecutiveFailures, Instant now) {
        if (consecutiveFailures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(consecutiveFailures - freeFailures, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        if (lock.compareTo(maxLock) > 0) {
            lock = maxLock;
        }
        return Optional.of(now.plus(lock));
    }
}
