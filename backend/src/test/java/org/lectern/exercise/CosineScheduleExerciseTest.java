package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CosineScheduleExerciseTest {

    @ParameterizedTest(name = "max {0} min {1} T={2} t={3} -> {4}")
    @CsvSource({
            "0.1, 0, 100, 0, 0.1",         // cos 0 = 1
            "0.1, 0, 100, 50, 0.05",       // cos pi/2 = 0: halfway
            "0.1, 0, 100, 100, 0",         // cos pi = -1
            "0.1, 0, 100, 25, 0.085355",   // 0.05 (1 + 0.707107)
            "0.1, 0, 100, 75, 0.014645",   // 0.05 (1 - 0.707107)
            "0.1, 0.01, 100, 50, 0.055",   // 0.01 + 0.045
            "0.1, 0.01, 100, 100, 0.01",
            "0.1, 0.01, 60, 20, 0.0775",   // cos pi/3 = 0.5: 0.01 + 0.045 * 1.5
            "1.0, 0, 90, 60, 0.25",        // cos 2pi/3 = -0.5: 0.5 * 0.5
    })
    void rate(double max, double min, int total, int t, double expected) {
        assertThat(CosineScheduleExercise.rate(max, min, t, total)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aTinyRateIsCheckedRelatively() {
        ExerciseInstance instance = new CosineScheduleExercise().instance(new CosineScheduleExercise.Problem(0.1, 0, 100, 25, 95), 0);
        // t = 95: 0.05 (1 + cos 0.95 pi) = 0.05 (1 - 0.987688) = 0.000616
        assertThat(GeneratorContract.expectedNumbers(instance, "late").scalarValue()).isCloseTo(0.000616, within(1e-6));
        assertThat(GeneratorContract.accepted(instance, "late", Answer.number(0.000616))).isTrue();
        assertThat(GeneratorContract.accepted(instance, "late", Answer.number(0))).isFalse();
        assertThat(GeneratorContract.accepted(instance, "late", Answer.number(0.00063))).isFalse();
        // A calculator in degrees: cos(2.9845 degrees) = 0.998644, so 0.05 * 1.998644.
        assertThat(AnswerChecker.check(instance.part("late").orElseThrow(), Answer.number(0.09993)).message()).contains("degrees");
    }

    @Test
    void aForgottenMinimumIsNamed() {
        ExerciseInstance instance = new CosineScheduleExercise().instance(new CosineScheduleExercise.Problem(0.1, 0.01, 100, 50, 75), 0);
        assertThat(AnswerChecker.check(instance.part("early").orElseThrow(), Answer.number(0.05)).message()).contains("Include $\\eta_{min}$");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new CosineScheduleExercise(), 100)) {
            double max = GeneratorContract.given(instance, "$\\eta_{max}$").scalarValue();
            double min = GeneratorContract.given(instance, "$\\eta_{min}$").scalarValue();
            int total = (int) GeneratorContract.given(instance, "Total steps $T$").scalarValue();
            for (String id : new String[] {"early", "late"}) {
                Part part = instance.part(id).orElseThrow();
                String q = part.question();
                int t = Integer.parseInt(q.substring(q.indexOf("$t = ") + 5, q.indexOf("$:")));
                assertThat(t).isBetween(1, total - 1);
                assertThat(((Answer.Numeric) part.expected()).values().scalarValue()).isEqualTo(CosineScheduleExercise.rate(max, min, t, total));
                assertThat(part.tolerance()).isEqualTo(CosineScheduleExercise.TOLERANCE);
            }
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new CosineScheduleExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new CosineScheduleExercise());
    }
}
