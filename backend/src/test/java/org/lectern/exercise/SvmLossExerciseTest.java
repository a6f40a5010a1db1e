package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvmLossExerciseTest {

    // CS231n's three images: columns cat, car, frog images; rows cat, car, frog scores.
    static final double[][] CS231N = {{3.2, 1.3, 2.2}, {5.1, 4.9, 2.5}, {-1.7, 2.0, -3.1}};

    @ParameterizedTest(name = "scores {0}, label {1} -> {2}")
    @CsvSource({
            "3.2;5.1;-1.7, 0, 2.9",   // max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0
            "1.3;4.9;2.0, 1, 0",      // both wrong classes are more than 1 below
            "2.2;2.5;-3.1, 2, 12.9",  // (2.2 + 3.1 + 1) + (2.5 + 3.1 + 1) = 6.3 + 6.6
            "1;1;1, 0, 2",            // equal scores: each wrong class costs the margin
            "5;1;2, 0, 0",
            "0;0.5;-0.5, 0, 2",       // 1.5 + 0.5
    })
    void hingeLoss(String scores, int label, double expected) {
        assertThat(SvmLossExercise.hinge(Numbers.parse(scores), label, 1)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void theCs231nExampleAveragesTo527() {
        ExerciseInstance instance = new SvmLossExercise().instance(new SvmLossExercise.Problem(CS231N, new int[] {0, 1, 2}), 0);
        Numbers.assertClose(GeneratorContract.expectedNumbers(instance, "losses"), 2.9, 0, 12.9);
        assertThat(GeneratorContract.expectedNumbers(instance, "mean").scalarValue()).isCloseTo(5.2667, within(1e-4));
        assertThat(GeneratorContract.accepted(instance, "mean", Answer.number(5.27))).isTrue();
        assertThat(AnswerChecker.check(instance.part("losses").orElseThrow(), Answer.vector(3.9, 1, 13.9)).message())
                .contains("Leave out $j = y_i$");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new SvmLossExercise(), 100)) {
            double[][] scores = GeneratorContract.given(instance, "Scores").toMatrix();
            int[] labels = new int[3];
            String classes = instance.prompt().substring(instance.prompt().indexOf("The correct classes are") + 24);
            String[] names = classes.substring(0, classes.indexOf('.')).split(", | and ");
            for (int i = 0; i < 3; i++) {
                labels[i] = SvmLossExercise.CLASSES.indexOf(names[i]);
            }
            double[] losses = SvmLossExercise.losses(scores, labels);
            assertThat(GeneratorContract.expectedNumbers(instance, "losses")).isEqualTo(NumberGrid.vector(losses));
            assertThat(GeneratorContract.expectedNumbers(instance, "mean").scalarValue())
                    .isCloseTo((losses[0] + losses[1] + losses[2]) / 3, within(1e-12));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new SvmLossExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new SvmLossExercise());
    }
}
