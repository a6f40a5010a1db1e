package org.lectern.officehours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WaitEstimateTest {

    static List<Duration> minutes(int... m) {
        return java.util.Arrays.stream(m).mapToObj(Duration::ofMinutes).toList();
    }

    static Stream<Arguments> estimates() {
        List<Duration> thirty = Collections.nCopies(30, Duration.ofMinutes(2));
        List<Duration> recentFastOldSlow = new java.util.ArrayList<>(Collections.nCopies(20, Duration.ofMinutes(3)));
        recentFastOldSlow.addAll(Collections.nCopies(25, Duration.ofMinutes(30)));
        return Stream.of(
                Arguments.of("next in line waits nothing", 0, minutes(5, 7), 1, Duration.ZERO),
                Arguments.of("no history: the default per student", 2, List.of(), 1, Duration.ofMinutes(20)),
                Arguments.of("median of an odd count", 3, minutes(4, 20, 6), 1, Duration.ofMinutes(18)),
                Arguments.of("median of an even count", 1, minutes(4, 8, 6, 20), 1, Duration.ofMinutes(7)),
                Arguments.of("two TAs share the line", 3, minutes(10), 2, Duration.ofMinutes(10)),
                Arguments.of("two TAs, four ahead: two rounds", 4, minutes(10), 2, Duration.ofMinutes(20)),
                Arguments.of("nobody serving counts as one TA", 2, minutes(5), 0, Duration.ofMinutes(10)),
                Arguments.of("only the latest services count", 1, recentFastOldSlow, 1, Duration.ofMinutes(3)),
                Arguments.of("a long history", 5, thirty, 1, Duration.ofMinutes(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimates")
    void estimate(String what, int ahead, List<Duration> recent, int staff, Duration expected) {
        assertThat(WaitEstimate.estimate(ahead, recent, staff)).isEqualTo(expected);
    }

    @Test
    void aNegativePositionIsABug() {
        assertThatThrownBy(() -> WaitEstimate.estimate(-1, List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
