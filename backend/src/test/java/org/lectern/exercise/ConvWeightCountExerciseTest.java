package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvWeightCountExerciseTest {

    @ParameterizedTest(name = "C_in={0} F={1} K={2} biases={3} -> {4}")
    @CsvSource({
            "3, 16, 3, true, 448",   // 16 * (3*3*3 + 1)
            "3, 16, 3, false, 432",  // 16 * 27
            "1, 4, 5, false, 100",   // 4 * 25
            "3, 10, 5, true, 760",   // 10 * (75 + 1): CS231n's 32x32x3 input, ten 5x5 filters
            "4, 2, 1, true, 10",     // 2 * (1*1*4 + 1)
    })
    void convParameters(int in, int filters, int kernel, boolean biases, long expected) {
        assertThat(ConvWeightCountExercise.convParameters(in, filters, kernel, biases)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} inputs -> {1} outputs, biases={2}: {3}")
    @CsvSource({
            "3072, 16384, true, 50348032",  // 32*32*3 -> 32*32*16: 3072 * 16384 + 16384
            "3072, 16384, false, 50331648",
            "64, 256, false, 16384",        // 8*8*1 -> 8*8*4
            "16, 32, true, 544",            // 4*4*1 -> 4*4*2: 512 + 32
    })
    void denseParameters(long inputs, long outputs, boolean biases, long expected) {
        assertThat(ConvWeightCountExercise.denseParameters(inputs, outputs, biases)).isEqualTo(expected);
    }

    @Test
    void anInstanceAsksForBothCounts() {
        ConvWeightCountExercise generator = new ConvWeightCountExercise();
        ExerciseInstance instance = generator.instance(new ConvWeightCountExercise.Problem(32, 3, 16, 3, true), 9);
        assertThat(GeneratorContract.expectedNumbers(instance, "conv").scalarValue()).isEqualTo(448);
        assertThat(GeneratorContract.expectedNumbers(instance, "dense").scalarValue()).isEqualTo(50_348_032);
        assertThat(instance.prompt()).contains("Both layers have biases").contains("zero padding 1");
        Part dense = instance.part("dense").orElseThrow();
        assertThat(AnswerChecker.check(dense, AnswerParser.parse(dense.shape(), "50,348,032").orElseThrow()).correct()).isTrue();
        assertThat(AnswerChecker.check(dense, Answer.number(50_331_648)).message()).contains("also has a bias");
        assertThat(AnswerChecker.check(instance.part("conv").orElseThrow(), Answer.number(16 * 9 + 16)).message())
                .contains("all 3 input channels");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new ConvWeightCountExercise(), 100)) {
            int[] input = GeneratorContract.intVector(GeneratorContract.given(instance, "Input $H, W, C_{in}$"));
            int filters = (int) GeneratorContract.given(instance, "Filters").scalarValue();
            int kernel = (int) GeneratorContract.given(instance, "Kernel size $K$").scalarValue();
            boolean biases = instance.prompt().contains("Both layers have biases");
            long inputs = (long) input[0] * input[1] * input[2];
            long outputs = (long) input[0] * input[1] * filters;
            assertThat(GeneratorContract.expectedNumbers(instance, "conv").scalarValue())
                    .isEqualTo(ConvWeightCountExercise.convParameters(input[2], filters, kernel, biases));
            assertThat(GeneratorContract.expectedNumbers(instance, "dense").scalarValue())
                    .isEqualTo(ConvWeightCountExercise.denseParameters(inputs, outputs, biases));
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new ConvWeightCountExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new ConvWeightCountExercise());
    }
}
