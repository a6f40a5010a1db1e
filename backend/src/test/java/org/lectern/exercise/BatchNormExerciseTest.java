package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchNormExerciseTest {

    @Test
    void normalisesEachFeatureThenScalesAndShifts() {
        // Feature 1: 1, 3, 1, 3 -> mean 2, variance 1; feature 2: 0, 4, 4, 0 -> mean 2, variance 4.
        // Both normalise to -1, 1, ... (up to epsilon); gamma (2, 0.5) and beta (1, 0).
        double[][] x = {{1, 0}, {3, 4}, {1, 4}, {3, 0}};
        Numbers.assertClose(BatchNormExercise.mean(x), 2, 2);
        Numbers.assertClose(BatchNormExercise.variance(x, 0), 1, 4);
        Numbers.assertClose(BatchNormExercise.variance(x, 1), 1.333333, 5.333333);
        Numbers.assertClose(BatchNormExercise.forward(x, new double[] {2, 0.5}, new double[] {1, 0}),
                new double[][] {{-1, -0.5}, {3, 0.5}, {-1, 0.5}, {3, -0.5}});
    }

    @Test
    void epsilonSitsInsideTheSquareRoot() {
        // Feature 1: 1, 3, 5, 7 -> mean 4, variance (9 + 1 + 1 + 9)/4 = 5; -3/sqrt(5.00001) = -1.341639.
        double[][] x = {{1, 2}, {3, 6}, {5, 4}, {7, 8}};
        double[][] y = BatchNormExercise.forward(x, new double[] {2, 0.5}, new double[] {1, 0});
        // 2 * (-1.341639) + 1, 2 * (-0.447213) + 1, ...; feature 2: 0.5 * (-3, 1, -1, 3)/sqrt(5.00001)
        Numbers.assertClose(y, new double[][] {{-1.683278, -0.670820}, {0.105573, 0.223607}, {1.894427, -0.223607}, {3.683278, 0.670820}});
    }

    @Test
    void theUnbiasedVarianceIsNamed() {
        ExerciseInstance instance = new BatchNormExercise().instance(
                new BatchNormExercise.Problem(new int[][] {{1, 0}, {3, 4}, {1, 4}, {3, 0}}, new double[] {2, 0.5}, new double[] {1, 0}), 0);
        assertThat(AnswerChecker.check(instance.part("variance").orElseThrow(), Answer.vector(1.33, 5.33)).message()).contains("not $N - 1$");
        assertThat(AnswerChecker.check(instance.part("variance").orElseThrow(), Answer.vector(1, 2)).message()).contains("standard deviations");
        assertThat(AnswerChecker.check(instance.part("output").orElseThrow(), Answer.matrix(new double[][] {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}})).message())
                .contains("scale by $\\gamma$");
        assertThat(GeneratorContract.accepted(instance, "output", Answer.matrix(new double[][] {{-1, -0.5}, {3, 0.5}, {-1, 0.5}, {3, -0.5}}))).isTrue();
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new BatchNormExercise(), 100)) {
            double[][] x = GeneratorContract.given(instance, "Batch $X$").toMatrix();
            double[] gamma = GeneratorContract.given(instance, "Scale $\\gamma$").toArray();
            double[] beta = GeneratorContract.given(instance, "Shift $\\beta$").toArray();
            assertThat(GeneratorContract.expectedNumbers(instance, "mean")).isEqualTo(NumberGrid.vector(BatchNormExercise.mean(x)));
            assertThat(GeneratorContract.expectedNumbers(instance, "variance")).isEqualTo(NumberGrid.vector(BatchNormExercise.variance(x, 0)));
            assertThat(GeneratorContract.expectedNumbers(instance, "output")).isEqualTo(NumberGrid.matrix(BatchNormExercise.forward(x, gamma, beta)));
            assertThat(java.util.Arrays.stream(BatchNormExercise.variance(x, 0)).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new BatchNormExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new BatchNormExercise());
    }
}
