package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvOutputSizeExerciseTest {

    @ParameterizedTest(name = "W={0} K={1} P={2} S={3} -> {4}")
    @CsvSource({
            "32, 5, 0, 1, 28",   // (32 - 5)/1 + 1
            "32, 5, 2, 1, 32",   // "same" padding keeps the size
            "227, 11, 0, 4, 55", // AlexNet's first layer: 216/4 + 1
            "5, 3, 1, 2, 3",     // the CSE 416 slide: 3x3 kernel, 5x5 image, 1x1 padding, 2x2 stride
            "4, 2, 1, 2, 3",     // the CSE 416 poll
            "7, 3, 0, 2, 3",
            "28, 1, 0, 1, 28",
            "64, 8, 3, 2, 32",   // (64 - 8 + 6)/2 + 1
    })
    void outputSize(int w, int k, int p, int s, int expected) {
        assertThat(ConvOutputSizeExercise.outputSize(w, k, p, s)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "W={0} K={1} P={2} S={3} does not fit")
    @CsvSource({"224, 3, 1, 2", "3, 5, 0, 1", "10, 4, 0, 4"})
    void refusesSizesThatDoNotDivide(int w, int k, int p, int s) {
        assertThatThrownBy(() -> ConvOutputSizeExercise.outputSize(w, k, p, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evenly");
    }

    @ParameterizedTest(name = "W={0} K={1} P={2} S={3}, answer {4}: {5}")
    @CsvSource(delimiter = '|', value = {
            "32 | 5 | 2 | 1 | 32 | Correct.",
            "32 | 5 | 2 | 1 | 28 | Not quite. Did you leave out the padding?", // (32 - 5)/1 + 1
            "32 | 5 | 2 | 1 | 30 | Not quite. Padding goes on both sides",    // (32 - 5 + 2)/1 + 1
            "32 | 5 | 2 | 1 | 31 | Not quite. Count the first position too",  // (32 - 5 + 4)/1
            "32 | 5 | 2 | 1 | 33 | Not quite.",
            "7  | 3 | 0 | 2 | 5  | Not quite. Divide by the stride",           // 7 - 3 + 1
    })
    void slipsGetTargetedFeedback(int w, int k, int p, int s, double answer, String message) {
        ExerciseInstance instance = new ConvOutputSizeExercise().instance(new ConvOutputSizeExercise.Problem(w, k, p, s), 0);
        assertThat(AnswerChecker.check(instance.part("size").orElseThrow(), Answer.number(answer)).message()).startsWith(message);
    }

    @Test
    void theAnswerIsTheFormulaOnTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new ConvOutputSizeExercise(), 200)) {
            int w = (int) GeneratorContract.given(instance, "Input width $W$").scalarValue();
            int k = (int) GeneratorContract.given(instance, "Kernel size $K$").scalarValue();
            int p = (int) GeneratorContract.given(instance, "Padding $P$").scalarValue();
            int s = (int) GeneratorContract.given(instance, "Stride $S$").scalarValue();
            assertThat((w - k + 2 * p) % s).isZero();
            assertThat(GeneratorContract.expectedNumbers(instance, "size").scalarValue()).isEqualTo((w - k + 2 * p) / s + 1);
            assertThat(w).isGreaterThanOrEqualTo(k);
            assertThat(instance.part("size").orElseThrow().tolerance()).isEqualTo(Tolerance.EXACT);
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new ConvOutputSizeExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new ConvOutputSizeExercise());
    }
}
