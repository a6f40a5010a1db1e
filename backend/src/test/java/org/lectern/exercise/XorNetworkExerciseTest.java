package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XorNetworkExerciseTest {

    @Test
    void theDeepLearningBooksNetworkComputesXor() {
        // W = [[1, 1], [1, 1]], c = (0, -1), u = (1, -2): h = (0,0) (1,0) (1,0) (2,1); y = 0, 1, 1, 0.
        double[][] h = XorNetworkExercise.hidden(new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1}, true);
        assertThat(h).isDeepEqualTo(new double[][] {{0, 0}, {1, 0}, {1, 0}, {2, 1}});
        assertThat(XorNetworkExercise.outputs(h, new double[] {1, -2})).containsExactly(0, 1, 1, 0);
        // Without the ReLU the first row would be (0, -1) and y(0, 0) = 2.
        double[][] linear = XorNetworkExercise.hidden(new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1}, false);
        assertThat(linear[0]).containsExactly(0, -1);
        assertThat(XorNetworkExercise.outputs(linear, new double[] {1, -2})).containsExactly(2, 1, 1, 0);
    }

    @Test
    void aScaledSwappedNetwork() {
        // a = 2, b = 4, the "and" unit first: W = [[4, 4], [2, 2]], c = (-4, 0).
        // h = (0, 0), (0, 2), (0, 2), (4, 4); XOR weights (-2/4, 1/2) = (-0.5, 0.5).
        XorNetworkExercise.Problem p = new XorNetworkExercise.Problem(2, 4, true, List.of(new double[] {-0.5, 0.5}, new double[] {0.5, 0.5}), 1);
        assertThat(XorNetworkExercise.hiddenWeights(p)).isDeepEqualTo(new double[][] {{4, 4}, {2, 2}});
        assertThat(XorNetworkExercise.hiddenBias(p)).containsExactly(-4, 0);
        ExerciseInstance instance = new XorNetworkExercise().instance(p, 0);
        assertThat(GeneratorContract.expectedNumbers(instance, "hidden")).isEqualTo(NumberGrid.matrix(new int[][] {{0, 0}, {0, 2}, {0, 2}, {4, 4}}));
        // With the shown u = (0.5, 0.5): y = 0, 1, 1, 4.
        assertThat(GeneratorContract.expectedNumbers(instance, "outputs")).isEqualTo(NumberGrid.vector(0, 1, 1, 4));
        assertThat(GeneratorContract.expectedChoice(instance, "xor-weights")).isZero();
        assertThat(AnswerChecker.check(instance.part("hidden").orElseThrow(), Answer.matrix(new int[][] {{-4, 0}, {0, 2}, {0, 2}, {4, 4}})).message())
                .contains("Apply the ReLU");
    }

    @Test
    void everyCandidateSetHasExactlyOneXor() {
        for (int a : new int[] {1, 2, 4}) {
            for (int b : new int[] {1, 2, 4}) {
                XorNetworkExercise.Problem p = new XorNetworkExercise.Problem(a, b, false, XorNetworkExercise.candidates(a, b), 0);
                double[][] h = XorNetworkExercise.hidden(XorNetworkExercise.hiddenWeights(p), XorNetworkExercise.hiddenBias(p), true);
                long xors = XorNetworkExercise.candidates(a, b).stream().filter(u -> XorNetworkExercise.isXor(XorNetworkExercise.outputs(h, u))).count();
                assertThat(xors).as("a=%d b=%d", a, b).isEqualTo(1);
            }
        }
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new XorNetworkExercise(), 100)) {
            double[][] w = GeneratorContract.given(instance, "Hidden weights $W$").toMatrix();
            double[] c = GeneratorContract.given(instance, "Hidden biases $c$").toArray();
            double[] u = GeneratorContract.given(instance, "Output weights $u$").toArray();
            double[][] h = XorNetworkExercise.hidden(w, c, true);
            assertThat(GeneratorContract.expectedNumbers(instance, "hidden")).isEqualTo(NumberGrid.matrix(h));
            assertThat(GeneratorContract.expectedNumbers(instance, "outputs")).isEqualTo(NumberGrid.vector(XorNetworkExercise.outputs(h, u)));
            Part choice = instance.part("xor-weights").orElseThrow();
            String option = ((AnswerShape.Choice) choice.shape()).options().get(GeneratorContract.expectedChoice(instance, "xor-weights"));
            double[] xorWeights = Numbers.parse(option.substring(option.indexOf('(') + 1, option.indexOf(')')).replace(',', ';'));
            assertThat(XorNetworkExercise.outputs(h, xorWeights)).containsExactly(0, 1, 1, 0);
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new XorNetworkExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new XorNetworkExercise());
    }
}
