package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final SignInThrottle T = SignInThrottle.DEFAULT;

    @ParameterizedTest(name = "{0} failures lock for {1} s")
    @CsvSource({"0, -1", "1, -1", "4, -1", "5, 30", "6, 60", "7, 120", "9, 480", "10, 900", "11, 900", "500, 900"})
    void anAccountAtOneAddressLocksAfterFiveFailuresDoublingUpToFifteenMinutes(int failures, long lockSeconds) {
        var lock = T.perAccountAtAddress().lockedUntil(failures, NOW);
        if (lockSeconds < 0) {
            assertThat(lock).isEmpty();
        } else {
            assertThat(lock).contains(NOW.plusSeconds(lockSeconds));
        }
    }

    @ParameterizedTest(name = "{0} failures from one address lock it for {1} s")
    @CsvSource({"1, -1", "49, -1", "50, 60", "51, 120", "54, 900", "1000, 900"})
    void anAddressLocksOnlyAfterManyFailures(int failures, long lockSeconds) {
        var lock = T.perAddress().lockedUntil(failures, NOW);
        if (lockSeconds < 0) {
            assertThat(lock).isEmpty();
        } else {
            assertThat(lock).contains(NOW.plusSeconds(lockSeconds));
        }
    }

    static Optional<SignInThrottle.Counter> locked(long secondsLeft) {
        return Optional.of(new SignInThrottle.Counter(9, NOW.minusSeconds(1), NOW.plusSeconds(secondsLeft)));
    }

    static Optional<SignInThrottle.Counter> succeeded(int daysAgo) {
        return Optional.of(new SignInThrottle.Counter(0, null, null, NOW.minus(Duration.ofDays(daysAgo))));
    }

    static Stream<Arguments> refusals() {
        Optional<SignInThrottle.Counter> none = Optional.empty();
        Optional<SignInThrottle.Counter> counting = Optional.of(new SignInThrottle.Counter(3, NOW.minusSeconds(5), null));
        return Stream.of(
                // address counter, account-at-address counter, refused for (s, -1: let in)
                Arguments.of("nothing recorded", none, none, -1),
                Arguments.of("failures below the limit", counting, counting, -1),
                Arguments.of("a lock that has lapsed", locked(-1), locked(0), -1),
                Arguments.of("this account locked at this address", none, locked(30), 30),
                Arguments.of("this address locked for every account", locked(60), none, 60),
                Arguments.of("both: the longer lock", locked(60), locked(900), 900),
                // A NAT address locked by someone spraying guesses: people who signed in from it before still get in.
                Arguments.of("address locked, this e-mail signed in here last week", locked(60), succeeded(7), -1),
                Arguments.of("address locked, this e-mail's success here is too old", locked(60), succeeded(31), 60),
                Arguments.of("this e-mail locked here despite an earlier success", none, Optional.of(
                        new SignInThrottle.Counter(5, NOW.minusSeconds(1), NOW.plusSeconds(30), NOW.minus(Duration.ofDays(2)))), 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhileEitherCounterIsLocked(String why, Optional<SignInThrottle.Counter> address,
                                           Optional<SignInThrottle.Counter> accountAtAddress, long seconds) {
        var refusal = T.refusal(address, accountAtAddress, NOW);
        if (seconds < 0) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).contains(Duration.ofSeconds(seconds));
        }
    }

    static Stream<Arguments> failures() {
        var limit = T.perAccountAtAddress();
        return Stream.of(
                // previous counter, failures after one more, locked after it
                Arguments.of("the first failure", Optional.empty(), 1, false),
                Arguments.of("the fifth in a row locks", Optional.of(new SignInThrottle.Counter(4, NOW.minusSeconds(10), null)), 5, true),
                Arguments.of("an old streak is forgotten", Optional.of(new SignInThrottle.Counter(40,
                        NOW.minus(limit.forgetAfter()).minusSeconds(1), NOW.minusSeconds(3000))), 1, false),
                Arguments.of("a streak inside the window continues", Optional.of(new SignInThrottle.Counter(7,
                        NOW.minus(limit.forgetAfter()).plusSeconds(1), null)), 8, true),
                Arguments.of("the first failure after a success", Optional.of(new SignInThrottle.Counter(0, null, null, NOW.minusSeconds(60))), 1,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void countsFailuresInARow(String why, Optional<SignInThrottle.Counter> previous, int failures, boolean locked) {
        var next = SignInThrottle.afterFailure(T.perAccountAtAddress(), previous, NOW);
        assertThat(next.failures()).isEqualTo(failures);
        assertThat(next.lastFailure()).isEqualTo(NOW);
        assertThat(next.lockedUntil() != null).isEqualTo(locked);
        assertThat(next.lastSuccess()).isEqualTo(previous.map(SignInThrottle.Counter::lastSuccess).orElse(null));
    }

    @ParameterizedTest(name = "{0} is counted as {1}")
    @CsvSource(delimiter = ';', value = {
            "203.0.113.7; 203.0.113.7",
            "2001:db8:1:2:aaaa:bbbb:cccc:dddd; 2001:db8:1:2:0:0:0:0/64",
            "2001:db8:1:2::1; 2001:db8:1:2:0:0:0:0/64",
            "[2001:db8:1:2::99]; 2001:db8:1:2:0:0:0:0/64",
            "::ffff:198.51.100.4; 198.51.100.4",
            "'' ; unknown"})
    void countsIpv4AddressesSinglyAndIpv6ByNetwork(String address, String key) {
        assertThat(SignInThrottle.addressKey(address)).isEqualTo(key);
    }

    @Test
    void keysDoNotDependOnWhetherTheAccountExists() {
        var keys = SignInThrottle.keys("nobody@uni.edu", "203.0.113.7");
        assertThat(keys.address()).isEqualTo("address:203.0.113.7");
        assertThat(keys.accountAtAddress()).isEqualTo("account:nobody@uni.edu|203.0.113.7");
    }
}
