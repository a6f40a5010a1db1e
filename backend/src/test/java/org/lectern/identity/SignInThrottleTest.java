package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @ParameterizedTest(name = "{0} failures lock for {1} s")
    @CsvSource({"0, -1", "1, -1", "4, -1", "5, 30", "6, 60", "7, 120", "9, 480", "10, 900", "11, 900", "500, 900"})
    void locksAfterFiveFailuresDoublingUpToFifteenMinutes(int failures, long lockSeconds) {
        var lock = SignInThrottle.DEFAULT.lockedUntil(failures, NOW);
        if (lockSeconds < 0) {
            assertThat(lock).isEmpty();
        } else {
            assertThat(lock).contains(NOW.plusSeconds(lockSeconds));
        }
    }
}
