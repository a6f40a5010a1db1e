package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradeStatisticsTest {

    static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(BigDecimal::new).toList();
    }

    static Stream<Arguments> figures() {
        return Stream.of(
                Arguments.of("no values: no mean, no median", values(), 0, null, null, new int[10]),
                Arguments.of("one value", values("72"), 1, "72", "72", new int[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}),
                Arguments.of("odd count: the middle one, in any order", values("90", "10", "50"), 3, "50", "50",
                        new int[] {0, 1, 0, 0, 0, 1, 0, 0, 0, 1}),
                Arguments.of("even count: the mean of the middle two", values("100", "0", "40", "60"), 4, "50", "50",
                        new int[] {1, 0, 0, 0, 1, 0, 1, 0, 0, 1}),
                Arguments.of("a third is kept exact to 16 digits", values("1", "0", "0"), 3, "0.3333333333333333", "0",
                        new int[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                Arguments.of("extra credit above 100% and below 0 go to the end bins", values("112.5", "-3", "99.9"), 3, "69.8", "99.9",
                        new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void figures(String name, List<BigDecimal> values, int count, String mean, String median, int[] bins) {
        GradeStatistics s = GradeStatistics.of(values);
        assertThat(s.count()).isEqualTo(count);
        assertThat(s.mean() == null ? null : s.mean().stripTrailingZeros().toPlainString()).isEqualTo(mean);
        assertThat(s.median() == null ? null : s.median().stripTrailingZeros().toPlainString()).isEqualTo(median);
        assertThat(GradeStatistics.histogram(values)).containsExactly(bins);
    }
}
