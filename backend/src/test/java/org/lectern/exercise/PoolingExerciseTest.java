package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoolingExerciseTest {

    static final int[][] IMAGE = {{1, 3, 2, 4}, {5, 6, 7, 8}, {3, 2, 1, 0}, {1, 2, 3, 4}};

    static Stream<Arguments> pools() {
        return Stream.of(
                // 2x2 windows, stride 2: {1,3,5,6} {2,4,7,8} / {3,2,1,2} {1,0,3,4}
                Arguments.of(2, 2, new double[][] {{6, 8}, {3, 4}}, new double[][] {{3.75, 5.25}, {2, 2}}),
                // 2x2 windows, stride 1: overlapping
                Arguments.of(2, 1, new double[][] {{6, 7, 8}, {6, 7, 8}, {3, 3, 4}},
                        new double[][] {{3.75, 4.5, 5.25}, {4, 4, 4}, {2, 2, 2}}),
                // 3x3 windows, stride 1: sums 30, 33 / 30, 33
                Arguments.of(3, 1, new double[][] {{7, 8}, {7, 8}}, new double[][] {{30.0 / 9, 33.0 / 9}, {30.0 / 9, 33.0 / 9}}));
    }

    @ParameterizedTest(name = "window {0}, stride {1}")
    @MethodSource("pools")
    void poolsTheWindows(int window, int stride, double[][] max, double[][] average) {
        assertThat(PoolingExercise.maxPool(IMAGE, window, stride)).isDeepEqualTo(max);
        Numbers.assertClose(PoolingExercise.averagePool(IMAGE, window, stride), average);
    }

    @Test
    void sumsInsteadOfMeansAreNamed() {
        ExerciseInstance instance = new PoolingExercise().instance(new PoolingExercise.Problem(IMAGE, 2, 2), 0);
        Part average = instance.part("average").orElseThrow();
        assertThat(AnswerChecker.check(average, Answer.matrix(new double[][] {{15, 21}, {8, 8}})).message()).contains("sums");
        assertThat(AnswerChecker.check(average, Answer.matrix(new double[][] {{3.75, 5.25}, {2, 3}})).message()).isEqualTo("3 of 4 cells are right.");
        assertThat(AnswerChecker.check(instance.part("max").orElseThrow(), Answer.matrix(new double[][] {{3.75, 5.25}, {2, 2}})).message())
                .contains("average pooling");
    }

    @Test
    void theAnswersArePoolsOfTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new PoolingExercise(), 100)) {
            int[][] image = GeneratorContract.ints(GeneratorContract.given(instance, "Feature map $X$"));
            int window = instance.prompt().contains("$3\\times 3$ window") ? 3 : 2;
            int stride = instance.prompt().contains("stride 1") ? 1 : 2;
            assertThat(GeneratorContract.expectedNumbers(instance, "max")).isEqualTo(NumberGrid.matrix(PoolingExercise.maxPool(image, window, stride)));
            assertThat(GeneratorContract.expectedNumbers(instance, "average"))
                    .isEqualTo(NumberGrid.matrix(PoolingExercise.averagePool(image, window, stride)));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new PoolingExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new PoolingExercise());
    }
}
