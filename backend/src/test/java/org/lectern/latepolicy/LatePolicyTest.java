package org.lectern.latepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatePolicyTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of(LatePolicy.cse493g1(), 5, 2, "25", true, 6),
                Arguments.of(LatePolicy.comp541(), 7, null, "20", false, 12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSeedsNumbers(LatePolicy policy, int free, Integer perItem, String penalty, boolean weekend, Integer cap) {
        assertThat(policy.freeDays()).isEqualTo(free);
        assertThat(policy.maxDaysPerItem()).isEqualTo(perItem);
        assertThat(policy.penaltyPercentPerDay()).isEqualByComparingTo(penalty);
        assertThat(policy.weekendCountsAsOneDay()).isEqualTo(weekend);
        assertThat(policy.grace()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.maxDaysLate()).isEqualTo(cap);
        assertThat(policy.allocation()).isEqualTo(Allocation.DEADLINE_ORDER);
    }

    static Stream<Arguments> invalid() {
        Duration grace = Duration.ofMinutes(15);
        BigDecimal p25 = BigDecimal.valueOf(25);
        return Stream.of(
                Arguments.of("negative free days", (Supplier<Object>) () -> new LatePolicy(-1, 2, p25, true, grace, null, Allocation.DEADLINE_ORDER)),
                Arguments.of("negative per-item max", (Supplier<Object>) () -> new LatePolicy(5, -1, p25, true, grace, null, Allocation.DEADLINE_ORDER)),
                Arguments.of("penalty over 100", (Supplier<Object>) () -> new LatePolicy(5, 2, BigDecimal.valueOf(101), true, grace, null, Allocation.DEADLINE_ORDER)),
                Arguments.of("negative penalty", (Supplier<Object>) () -> new LatePolicy(5, 2, BigDecimal.valueOf(-1), true, grace, null, Allocation.DEADLINE_ORDER)),
                Arguments.of("negative grace", (Supplier<Object>) () -> new LatePolicy(5, 2, p25, true, Duration.ofMinutes(-1), null, Allocation.DEADLINE_ORDER)),
                Arguments.of("negative cap", (Supplier<Object>) () -> new LatePolicy(5, 2, p25, true, grace, -1, Allocation.DEADLINE_ORDER)),
                Arguments.of("item penalty over 100", (Supplier<Object>) () -> ItemRule.standard().withPenaltyPercentPerDay(BigDecimal.valueOf(150))),
                Arguments.of("item negative cap", (Supplier<Object>) () -> ItemRule.standard().withMaxDaysLate(-2)),
                Arguments.of("extension with both", (Supplier<Object>) () -> new Extension("a1", java.time.Instant.EPOCH, 2, "illness")),
                Arguments.of("extension with neither", (Supplier<Object>) () -> new Extension("a1", null, null, "illness")),
                Arguments.of("extension without reason", (Supplier<Object>) () -> Extension.byDays("a1", 2, " ")),
                Arguments.of("extension of 0 days", (Supplier<Object>) () -> Extension.byDays("a1", 0, "illness")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNonsense(String what, Supplier<Object> build) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class);
    }
}
