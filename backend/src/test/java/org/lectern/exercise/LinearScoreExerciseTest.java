package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinearScoreExerciseTest {

    @Test
    void scoresTheCs231nExample() {
        double[][] w = {{0.2, -0.5, 0.1, 2.0}, {1.5, 1.3, 2.1, 0.0}, {0, 0.25, 0.2, -0.3}};
        double[] x = {56, 231, 24, 2};
        double[] b = {1.1, 3.2, -1.2};
        // cat: 11.2 - 115.5 + 2.4 + 4 + 1.1; dog: 84 + 300.3 + 50.4 + 3.2; ship: 57.75 + 4.8 - 0.6 - 1.2.
        // (The slide prints 61.95 for ship: that is Wx without its bias.)
        Numbers.assertClose(LinearScoreExercise.scores(w, x, b), -96.8, 437.9, 60.75);
    }

    @Test
    void scoresASmallCase() {
        Numbers.assertClose(LinearScoreExercise.scores(new double[][] {{1, 2}, {0, -1}, {3, 0}}, new double[] {2, 1}, new double[] {0.5, 0, -1}),
                4.5, -1, 5);
    }

    @Test
    void aForgottenBiasIsNamed() {
        double[][] w = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
        ExerciseInstance instance = new LinearScoreExercise().instance(new LinearScoreExercise.Problem(w, new int[] {1, 5, 2, 0}, new double[] {0.5, 0.5, 0.5}), 0);
        assertThat(GeneratorContract.expectedNumbers(instance, "scores")).isEqualTo(NumberGrid.vector(1.5, 5.5, 2.5));
        assertThat(GeneratorContract.expectedChoice(instance, "class")).isEqualTo(1);
        assertThat(AnswerChecker.check(instance.part("scores").orElseThrow(), Answer.vector(1, 5, 2)).message()).contains("add the bias");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new LinearScoreExercise(), 100)) {
            double[] s = LinearScoreExercise.scores(GeneratorContract.given(instance, "Weights $W$").toMatrix(),
                    GeneratorContract.given(instance, "Pixels $x$").toArray(), GeneratorContract.given(instance, "Biases $b$").toArray());
            assertThat(GeneratorContract.expectedNumbers(instance, "scores")).isEqualTo(NumberGrid.vector(s));
            assertThat(GeneratorContract.expectedChoice(instance, "class")).isEqualTo(Mat.argmax(s));
            assertThat(Mat.clearMax(s, 0.5)).isTrue();
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new LinearScoreExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new LinearScoreExercise());
    }
}
