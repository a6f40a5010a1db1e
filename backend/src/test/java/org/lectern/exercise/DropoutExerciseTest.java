package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DropoutExerciseTest {

    @ParameterizedTest(name = "x={0} mask={1} p={2} -> {3}")
    @CsvSource({
            "1;-2;0.5;3, 1;0;1;0, 0.5, 2;0;1;0",
            "0.8;1.6, 1;1, 0.8, 1;2",
            "1.5;-0.3;2, 0;1;1, 0.25, 0;-1.2;8",
            "1;1;1;1, 0;0;0;0, 0.9, 0;0;0;0",
    })
    void scalesTheKeptUnitsByOneOverP(String x, String mask, double keep, String expected) {
        int[] m = java.util.Arrays.stream(Numbers.parse(mask)).mapToInt(d -> (int) d).toArray();
        Numbers.assertClose(DropoutExercise.forward(Numbers.parse(x), m, keep), Numbers.parse(expected));
    }

    @ParameterizedTest(name = "x={0} p={1}")
    @CsvSource({"1.5, 0.4", "-2, 0.5", "0.7, 0.9"})
    void theExpectedOutputIsTheInput(double x, double keep) {
        assertThat(DropoutExercise.expectedOutput(x, keep)).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void slipsAreNamed() {
        ExerciseInstance instance = new DropoutExercise().instance(new DropoutExercise.Problem(
                new double[] {1, -2, 0.5, 3, 1, 1}, new int[] {1, 0, 1, 0, 1, 1}, 0.5, 0, DropoutExercise.TEST_TIME_OPTIONS), 0);
        Part output = instance.part("output").orElseThrow();
        assertThat(AnswerChecker.check(output, Answer.vector(1, 0, 0.5, 0, 1, 1)).message()).contains("scale the kept units by $1/p$");
        assertThat(AnswerChecker.check(output, Answer.vector(0.5, 0, 0.25, 0, 0.5, 0.5)).message()).contains("divides by $p$");
        assertThat(AnswerChecker.check(instance.part("expected").orElseThrow(), Answer.number(2)).message()).contains("weigh it by the probability");
        assertThat(GeneratorContract.expectedChoice(instance, "test-time")).isZero();
        assertThat(instance.prompt()).contains("keep probability").contains("nn.Dropout(p)");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new DropoutExercise(), 100)) {
            double[] x = GeneratorContract.given(instance, "Activations $x$").toArray();
            int[] mask = GeneratorContract.intVector(GeneratorContract.given(instance, "Mask $m$"));
            String prompt = instance.prompt();
            double keep = Double.parseDouble(prompt.substring(prompt.indexOf("$p = ") + 5, prompt.indexOf("$:")));
            assertThat(GeneratorContract.expectedNumbers(instance, "output")).isEqualTo(NumberGrid.vector(DropoutExercise.forward(x, mask, keep)));
            Part testTime = instance.part("test-time").orElseThrow();
            assertThat(((AnswerShape.Choice) testTime.shape()).options().get(GeneratorContract.expectedChoice(instance, "test-time")))
                    .isEqualTo("Leave the activations unchanged");
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new DropoutExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new DropoutExercise());
    }
}
