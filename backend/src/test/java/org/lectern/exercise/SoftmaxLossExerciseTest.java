package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxLossExerciseTest {

    @ParameterizedTest(name = "scores {0}, label {1}: p = {2}, L = {3}")
    @CsvSource({
            // CS231n: e^3.2 = 24.53, e^5.1 = 164.02, e^-1.7 = 0.18; sum 188.74; L = -ln 0.13 = 2.04
            "3.2;5.1;-1.7, 0, 0.1300;0.8690;0.0010, 2.0404",
            // equal scores: 1/3 each, L = ln 3
            "0;0;0, 2, 0.3333;0.3333;0.3333, 1.0986",
            // e / (e + 2) = 0.5761, 1 / (e + 2) = 0.2119; L = -ln 0.5761
            "1;0;0, 0, 0.5761;0.2119;0.2119, 0.5514",
            "1;0;0, 1, 0.5761;0.2119;0.2119, 1.5514",
            // shifting every score changes nothing
            "101;100;100, 0, 0.5761;0.2119;0.2119, 0.5514",
    })
    void probabilitiesAndLoss(String scores, int label, String probabilities, double loss) {
        Numbers.assertClose(SoftmaxLossExercise.probabilities(Numbers.parse(scores)), Numbers.parse(probabilities));
        assertThat(SoftmaxLossExercise.crossEntropy(Numbers.parse(scores), label)).isCloseTo(loss, within(1e-4));
    }

    @Test
    void slipsAreNamed() {
        ExerciseInstance instance = new SoftmaxLossExercise().instance(new SoftmaxLossExercise.Problem(new double[] {3.2, 5.1, -1.7}, 0), 0);
        assertThat(GeneratorContract.accepted(instance, "loss", Answer.number(2.04))).isTrue();
        assertThat(GeneratorContract.accepted(instance, "probabilities", Answer.vector(0.13, 0.87, 0))).isTrue();
        Part loss = instance.part("loss").orElseThrow();
        assertThat(AnswerChecker.check(loss, Answer.number(0.886)).message()).contains("natural logarithm");   // -log10 0.13
        assertThat(AnswerChecker.check(loss, Answer.number(0.14)).message()).contains("correct class");        // -ln 0.869
        assertThat(AnswerChecker.check(instance.part("probabilities").orElseThrow(), Answer.vector(24.53, 164.02, 0.18)).message())
                .contains("divide each by their sum");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new SoftmaxLossExercise(), 100)) {
            double[] scores = GeneratorContract.given(instance, "Scores $s$").toArray();
            String prompt = instance.prompt();
            String correct = prompt.substring(prompt.indexOf("The correct class is ") + 21, prompt.indexOf(".\n"));
            int label = SoftmaxLossExercise.CLASSES.indexOf(correct);
            assertThat(GeneratorContract.expectedNumbers(instance, "probabilities")).isEqualTo(NumberGrid.vector(SoftmaxLossExercise.probabilities(scores)));
            assertThat(GeneratorContract.expectedNumbers(instance, "loss").scalarValue()).isEqualTo(SoftmaxLossExercise.crossEntropy(scores, label));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new SoftmaxLossExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new SoftmaxLossExercise());
    }
}
