package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MomentumExerciseTest {

    static final int[] CURVATURE = {2, 1};

    @ParameterizedTest(name = "x0={0} v0={1} lr={2} rho={3}: v1={4} x1={5} x2={6}")
    @CsvSource({
            // grad (2, 2); v1 = 0.9 (0.5, -0.5) - 0.1 (2, 2); grad at x1 (2.5, 1.35); v2 = 0.9 v1 - 0.1 (2.5, 1.35)
            "1;2, 0.5;-0.5, 0.1, 0.9, 0.25;-0.65, 1.25;1.35, 1.225;0.63",
            // zero velocity: the first step is plain SGD. grad (-2, 3); v1 = (0.4, -0.6); grad at x1 (-1.2, 2.4);
            // v2 = 0.5 (0.4, -0.6) - 0.2 (-1.2, 2.4) = (0.44, -0.78)
            "-1;3, 0;0, 0.2, 0.5, 0.4;-0.6, -0.6;2.4, -0.16;1.62",
    })
    void twoSteps(String x0, String v0, double lr, double rho, String v1, String x1, String x2) {
        MomentumExercise.State one = MomentumExercise.step(new MomentumExercise.State(Numbers.parse(x0), Numbers.parse(v0)), CURVATURE, lr, rho);
        Numbers.assertClose(one.v(), Numbers.parse(v1));
        Numbers.assertClose(one.x(), Numbers.parse(x1));
        Numbers.assertClose(MomentumExercise.step(one, CURVATURE, lr, rho).x(), Numbers.parse(x2));
    }

    @Test
    void theSlideConventionIsADistinctSlip() {
        // v1 = 0.9 (0.5, -0.5) + (2, 2) = (2.45, 1.55); x1 = (1, 2) - 0.1 v1 = (0.755, 1.845)
        MomentumExercise.State slide = MomentumExercise.slideStep(new MomentumExercise.State(new double[] {1, 2}, new double[] {0.5, -0.5}), CURVATURE, 0.1, 0.9);
        Numbers.assertClose(slide.x(), 0.755, 1.845);
        ExerciseInstance instance = new MomentumExercise().instance(
                new MomentumExercise.Problem(new double[] {1, 2}, new double[] {0.5, -0.5}, CURVATURE, 0.1, 0.9), 0);
        assertThat(instance.prompt()).contains("v_{t+1} = \\rho\\, v_t - \\alpha \\nabla f(x_t)").contains("x_{t+1} = x_t + v_{t+1}");
        assertThat(AnswerChecker.check(instance.part("x1").orElseThrow(), Answer.vector(0.755, 1.845)).message()).contains("velocity includes");
        assertThat(AnswerChecker.check(instance.part("x1").orElseThrow(), Answer.vector(0.8, 1.8)).message()).contains("plain SGD");
        assertThat(AnswerChecker.check(instance.part("v1").orElseThrow(), Answer.vector(0.65, -0.25)).message()).contains("against the gradient");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new MomentumExercise(), 100)) {
            double[] x0 = GeneratorContract.given(instance, "Start $x_0$").toArray();
            double[] v0 = GeneratorContract.given(instance, "Velocity $v_0$").toArray();
            int[] a = GeneratorContract.intVector(GeneratorContract.given(instance, "Curvatures $(a_1, a_2)$"));
            double lr = instance.prompt().contains("\\alpha = 0.2") ? 0.2 : 0.1;
            double rho = instance.prompt().contains("\\rho = 0.5") ? 0.5 : 0.9;
            MomentumExercise.State one = MomentumExercise.step(new MomentumExercise.State(x0, v0), a, lr, rho);
            assertThat(java.util.Arrays.stream(v0).map(Math::abs).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.2, 0.5));
            assertThat(GeneratorContract.expectedNumbers(instance, "v1")).isEqualTo(NumberGrid.vector(one.v()));
            assertThat(GeneratorContract.expectedNumbers(instance, "x1")).isEqualTo(NumberGrid.vector(one.x()));
            assertThat(GeneratorContract.expectedNumbers(instance, "x2")).isEqualTo(NumberGrid.vector(MomentumExercise.step(one, a, lr, rho).x()));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new MomentumExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new MomentumExercise());
    }
}
