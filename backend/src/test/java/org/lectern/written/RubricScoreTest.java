package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lectern.written.RubricScore.Grading;

class RubricScoreTest {

    static List<BigDecimal> items(String... points) {
        return Arrays.stream(points).map(BigDecimal::new).toList();
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // points, grading, applied items, adjustment -> score, unbounded, bounded
                Arguments.of("4", Grading.POSITIVE, items(), null, "0", "0", false),
                Arguments.of("4", Grading.POSITIVE, items("2", "1.5"), null, "3.5", "3.5", false),
                Arguments.of("4", Grading.POSITIVE, items("2", "1.5"), "0.5", "4.0", "4.0", false),
                Arguments.of("4", Grading.POSITIVE, items("3", "3"), null, "4", "6", true),
                Arguments.of("4", Grading.POSITIVE, items("2", "-1"), null, "1", "1", false),
                Arguments.of("4", Grading.POSITIVE, items("-1"), null, "0", "-1", true),
                Arguments.of("4", Grading.NEGATIVE, items(), null, "4", "4", false),
                Arguments.of("4", Grading.NEGATIVE, items("-1", "-0.5"), null, "2.5", "2.5", false),
                Arguments.of("4", Grading.NEGATIVE, items("-3", "-3"), null, "0", "-2", true),
                Arguments.of("4", Grading.NEGATIVE, items("-1"), "2", "4", "5", true),
                Arguments.of("4", Grading.NEGATIVE, items("-1"), "-0.25", "2.75", "2.75", false),
                Arguments.of("0", Grading.POSITIVE, items("1"), null, "0", "1", true));
    }

    @ParameterizedTest
    @MethodSource("table")
    void scores(String points, Grading grading, List<BigDecimal> applied, String adjustment, String score, String unbounded, boolean bounded) {
        var r = RubricScore.of(new BigDecimal(points), grading, applied, adjustment == null ? null : new BigDecimal(adjustment));
        assertThat(r.score()).isEqualByComparingTo(score);
        assertThat(r.unbounded()).isEqualByComparingTo(unbounded);
        assertThat(r.bounded()).isEqualTo(bounded);
    }

    @Test
    void aQuestionHasPoints() {
        assertThatThrownBy(() -> RubricScore.of(new BigDecimal("-1"), Grading.POSITIVE, items(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
