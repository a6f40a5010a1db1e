package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdamExerciseTest {

    @Test
    void twoStepsWithBiasCorrection() {
        // Step 1: m1 = (0.2, -0.1), v1 = (0.004, 0.001); corrected (2, -1) and (4, 1): each coordinate moves by lr.
        AdamExercise.State one = AdamExercise.step(AdamExercise.start(new double[] {1, -1}), new double[] {2, -1}, 1, 0.1, true);
        Numbers.assertClose(one.m(), 0.2, -0.1);
        Numbers.assertClose(one.v(), 0.004, 0.001);
        Numbers.assertClose(one.x(), 0.9, -0.9);
        // Step 2 with g2 = (-2, -1): m2 = (0.18 - 0.2, -0.09 - 0.1) = (-0.02, -0.19), corrected / 0.19 = (-0.105263, -1);
        // v2 = (0.003996 + 0.004, 0.000999 + 0.001) = (0.007996, 0.001999), corrected / 0.001999 = (4, 1);
        // x2 = x1 - 0.1 (-0.105263 / 2, -1 / 1) = (0.905263, -0.8).
        AdamExercise.State two = AdamExercise.step(one, new double[] {-2, -1}, 2, 0.1, true);
        Numbers.assertClose(two.m(), -0.02, -0.19);
        Numbers.assertClose(AdamExercise.corrected(two.m(), AdamExercise.BETA1, 2), -0.105263, -1);
        Numbers.assertClose(AdamExercise.corrected(two.v(), AdamExercise.BETA2, 2), 4, 1);
        Numbers.assertClose(two.x(), 0.905263, -0.8);
    }

    @Test
    void withoutBiasCorrectionTheFirstStepIsTooLong() {
        // 0.1 * 0.2 / sqrt(0.004) = 0.316228 and 0.1 * 0.1 / sqrt(0.001) = 0.316228
        AdamExercise.State raw = AdamExercise.step(AdamExercise.start(new double[] {1, -1}), new double[] {2, -1}, 1, 0.1, false);
        Numbers.assertClose(raw.x(), 0.683772, -0.683772);
        ExerciseInstance instance = new AdamExercise().instance(
                new AdamExercise.Problem(new double[] {1, -1}, new double[] {2, -1}, new double[] {-2, -1}, 0.1), 0);
        assertThat(AnswerChecker.check(instance.part("x1").orElseThrow(), Answer.vector(0.68, -0.68)).message()).contains("Bias-correct");
        assertThat(AnswerChecker.check(instance.part("m-hat-2").orElseThrow(), Answer.vector(-0.02, -0.19)).message()).contains("That is $m_2$");
        assertThat(GeneratorContract.accepted(instance, "x2", Answer.vector(0.905, -0.8))).isTrue();
        assertThat(GeneratorContract.accepted(instance, "x2", Answer.vector(0.895, -0.8))).isFalse();
        assertThat(instance.prompt()).contains("\\beta_2 = 0.999").contains("\\varepsilon = 10^{-8}").contains("t$ counts from 1");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new AdamExercise(), 100)) {
            double[] x0 = GeneratorContract.given(instance, "Start $x_0$").toArray();
            double[] g1 = GeneratorContract.given(instance, "Gradient $g_1$").toArray();
            double[] g2 = GeneratorContract.given(instance, "Gradient $g_2$").toArray();
            double lr = instance.prompt().contains("\\alpha = 0.2") ? 0.2 : 0.1;
            AdamExercise.State one = AdamExercise.step(AdamExercise.start(x0), g1, 1, lr, true);
            AdamExercise.State two = AdamExercise.step(one, g2, 2, lr, true);
            assertThat(GeneratorContract.expectedNumbers(instance, "x1")).isEqualTo(NumberGrid.vector(one.x()));
            assertThat(GeneratorContract.expectedNumbers(instance, "m-hat-2")).isEqualTo(NumberGrid.vector(AdamExercise.corrected(two.m(), 0.9, 2)));
            assertThat(GeneratorContract.expectedNumbers(instance, "x2")).isEqualTo(NumberGrid.vector(two.x()));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new AdamExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new AdamExercise());
    }
}
