package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackpropExerciseTest {

    @ParameterizedTest(name = "x={0} y={1} z={2}: grad {3}")
    @CsvSource({
            "-2, 5, -4, -4;-4;3",  // CS231n: q = 3, f = -12
            "1, 2, 3, 3;3;3",
            "4, -1, 2, 2;2;3",
    })
    void sumProduct(int x, int y, int z, String gradient) {
        Numbers.assertClose(BackpropExercise.sumProductGradient(x, y, z), Numbers.parse(gradient));
    }

    @ParameterizedTest(name = "w={0} x={1}: f={2}, grad {3}")
    @CsvSource({
            // CS231n: a = -2 + 6 - 3 = 1, sigma = 0.7311, sigma(1 - sigma) = 0.1966
            "2;-3;-3, -1;-2, 0.7311, -0.1966;-0.3932;0.1966;0.3932;-0.5898",
            // a = 0: sigma = 0.5, local gradient 0.25
            "1;1;0, 1;-1, 0.5, 0.25;-0.25;0.25;0.25;0.25",
            // a = -1: sigma = 0.2689, local 0.1966
            "1;2;-2, 1;0, 0.2689, 0.1966;0;0.1966;0.1966;0.3932",
    })
    void sigmoidNeuron(String w, String x, double value, String gradient) {
        int[] wi = java.util.Arrays.stream(Numbers.parse(w)).mapToInt(d -> (int) d).toArray();
        int[] xi = java.util.Arrays.stream(Numbers.parse(x)).mapToInt(d -> (int) d).toArray();
        assertThat(BackpropExercise.neuronValue(wi, xi)).isCloseTo(value, within(1e-4));
        Numbers.assertClose(BackpropExercise.neuronGradient(wi, xi), Numbers.parse(gradient));
    }

    @Test
    void aMissingChainRuleIsNamed() {
        ExerciseInstance instance = new BackpropExercise().instance(new BackpropExercise.SumProduct(-2, 5, -4), 0);
        assertThat(GeneratorContract.expectedNumbers(instance, "value").scalarValue()).isEqualTo(-12);
        PartFeedback feedback = AnswerChecker.check(instance.part("gradient").orElseThrow(), Answer.vector(1, 1, 3));
        assertThat(feedback.message()).startsWith("1 of 3 entries are right.").contains("chain rule");
        ExerciseInstance neuron = new BackpropExercise().instance(new BackpropExercise.SigmoidNeuron(new int[] {2, -3, -3}, new int[] {-1, -2}), 0);
        assertThat(GeneratorContract.accepted(neuron, "gradient", Answer.vector(-0.2, -0.39, 0.2, 0.39, -0.59))).isTrue();
        assertThat(AnswerChecker.check(neuron.part("gradient").orElseThrow(), Answer.vector(-1, -2, 1, 2, -3)).message()).contains("local gradient");
    }

    @Test
    void theAnswersFollowTheGivens() {
        int sumProducts = 0;
        for (ExerciseInstance instance : GeneratorContract.instances(new BackpropExercise(), 100)) {
            if (instance.given("$(x, y, z)$").isPresent()) {
                sumProducts++;
                int[] xyz = GeneratorContract.intVector(GeneratorContract.given(instance, "$(x, y, z)$"));
                assertThat(GeneratorContract.expectedNumbers(instance, "value").scalarValue()).isEqualTo((xyz[0] + xyz[1]) * xyz[2]);
                assertThat(GeneratorContract.expectedNumbers(instance, "gradient"))
                        .isEqualTo(NumberGrid.vector(BackpropExercise.sumProductGradient(xyz[0], xyz[1], xyz[2])));
            } else {
                int[] w = GeneratorContract.intVector(GeneratorContract.given(instance, "Weights $w$"));
                int[] x = GeneratorContract.intVector(GeneratorContract.given(instance, "Inputs $x$"));
                assertThat(Math.abs(BackpropExercise.neuronInput(w, x))).isLessThanOrEqualTo(2);
                assertThat(GeneratorContract.expectedNumbers(instance, "value").scalarValue()).isEqualTo(BackpropExercise.neuronValue(w, x));
                assertThat(GeneratorContract.expectedNumbers(instance, "gradient")).isEqualTo(NumberGrid.vector(BackpropExercise.neuronGradient(w, x)));
            }
        }
        assertThat(sumProducts).as("both graphs are drawn").isBetween(25, 75);
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new BackpropExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new BackpropExercise());
    }
}
