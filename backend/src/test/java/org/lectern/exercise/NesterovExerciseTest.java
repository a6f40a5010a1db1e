package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NesterovExerciseTest {

    @ParameterizedTest(name = "x0={0} v0={1} a={2}: ahead={5} v1={6} x1={7}")
    @CsvSource({
            // ahead = (1, 2) + 0.9 (0.5, -0.5) = (1.45, 1.55); grad there (2.9, 1.55); v1 = (0.45 - 0.29, -0.45 - 0.155)
            "1;2, 0.5;-0.5, 2;1, 0.1, 0.9, 1.45;1.55, 0.16;-0.605, 1.16;1.395",
            // ahead = (-2, 1) + 0.5 (0.2, 0.4) = (-1.9, 1.2); grad (-3.8, 3.6); v1 = (0.1 + 0.76, 0.2 - 0.72)
            "-2;1, 0.2;0.4, 2;3, 0.2, 0.5, -1.9;1.2, 0.86;-0.52, -1.14;0.48",
    })
    void oneStep(String x0, String v0, String a, double lr, double rho, String ahead, String v1, String x1) {
        double[] x = Numbers.parse(x0);
        double[] v = Numbers.parse(v0);
        int[] curvature = java.util.Arrays.stream(Numbers.parse(a)).mapToInt(d -> (int) d).toArray();
        Numbers.assertClose(NesterovExercise.lookAhead(x, v, rho), Numbers.parse(ahead));
        MomentumExercise.State one = NesterovExercise.step(new MomentumExercise.State(x, v), curvature, lr, rho);
        Numbers.assertClose(one.v(), Numbers.parse(v1));
        Numbers.assertClose(one.x(), Numbers.parse(x1));
    }

    @Test
    void theGradientAtX0IsNamed() {
        ExerciseInstance instance = new NesterovExercise().instance(
                new NesterovExercise.Problem(new double[] {1, 2}, new double[] {0.5, -0.5}, new int[] {2, 1}, 0.1, 0.9), 0);
        // Classical momentum: v1 = (0.45 - 0.2, -0.45 - 0.2) = (0.25, -0.65).
        assertThat(AnswerChecker.check(instance.part("v1").orElseThrow(), Answer.vector(0.25, -0.65)).message()).contains("look-ahead point");
        assertThat(AnswerChecker.check(instance.part("look-ahead").orElseThrow(), Answer.vector(1.5, 1.5)).message()).contains("Scale the velocity");
        assertThat(instance.prompt()).contains("\\nabla f(x_t + \\rho\\, v_t)");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new NesterovExercise(), 100)) {
            double[] x0 = GeneratorContract.given(instance, "Start $x_0$").toArray();
            double[] v0 = GeneratorContract.given(instance, "Velocity $v_0$").toArray();
            int[] a = GeneratorContract.intVector(GeneratorContract.given(instance, "Curvatures $(a_1, a_2)$"));
            double lr = instance.prompt().contains("\\alpha = 0.2") ? 0.2 : 0.1;
            double rho = instance.prompt().contains("\\rho = 0.5") ? 0.5 : 0.9;
            MomentumExercise.State one = NesterovExercise.step(new MomentumExercise.State(x0, v0), a, lr, rho);
            assertThat(GeneratorContract.expectedNumbers(instance, "look-ahead")).isEqualTo(NumberGrid.vector(NesterovExercise.lookAhead(x0, v0, rho)));
            assertThat(GeneratorContract.expectedNumbers(instance, "v1")).isEqualTo(NumberGrid.vector(one.v()));
            assertThat(GeneratorContract.expectedNumbers(instance, "x1")).isEqualTo(NumberGrid.vector(one.x()));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new NesterovExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new NesterovExercise());
    }
}
