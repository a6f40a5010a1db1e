package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Conv2dExerciseTest {

    static final int[][] ONE_TO_16 = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
    // The UW CSE 416 slide's 5x5 image and 3x3 kernel.
    static final int[][] LECTURE_IMAGE = {{3, 3, 2, 1, 0}, {0, 0, 1, 3, 1}, {3, 1, 2, 2, 3}, {2, 0, 0, 2, 2}, {2, 0, 0, 0, 1}};
    static final int[][] LECTURE_KERNEL = {{0, 1, 2}, {2, 2, 0}, {0, 1, 2}};

    static Stream<Arguments> convolutions() {
        return Stream.of(
                // The CSE 416 poll: 1x1 zero padding, 2x2 stride; the slide's answer.
                Arguments.of(ONE_TO_16, new int[][] {{1, 1}, {0, 2}}, 1, 2, new int[][] {{2, 6, 0}, {23, 35, 8}, {13, 29, 16}}),
                // The slide's worked example: no padding, stride 1 (first cell 0*3+1*3+2*2+2*0+2*0+0*1+0*3+1*1+2*2 = 12).
                Arguments.of(LECTURE_IMAGE, LECTURE_KERNEL, 0, 1, new int[][] {{12, 12, 17}, {10, 17, 19}, {9, 6, 14}}),
                // Its "more convolutions" variant, 1x1 zero padding and 2x2 stride: (0,0) sees
                // [[0,0,0],[0,3,3],[0,0,0]] -> 2*3 = 6; (1,1) sees [[0,1,3],[1,2,2],[0,0,2]] -> 7 + 6 + 4 = 17.
                Arguments.of(LECTURE_IMAGE, LECTURE_KERNEL, 1, 2, new int[][] {{6, 17, 3}, {8, 17, 13}, {6, 4, 4}}),
                // 2x2 kernel, stride 2, no padding: (0,0) = 1 + 2*2 + 6 = 11.
                Arguments.of(ONE_TO_16, new int[][] {{1, 2}, {0, 1}}, 0, 2, new int[][] {{11, 19}, {43, 51}}),
                // Negative weights: a vertical edge detector on 1..16 gives -1 everywhere.
                Arguments.of(ONE_TO_16, new int[][] {{1, -1}, {0, 0}}, 0, 1, new int[][] {{-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}}),
                // 3x3 kernel, padding 1, stride 1 keeps the size; a centre-only kernel copies the image.
                Arguments.of(ONE_TO_16, new int[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}, 1, 1, ONE_TO_16));
    }

    @ParameterizedTest
    @MethodSource("convolutions")
    void convolvesWithoutFlippingTheKernel(int[][] image, int[][] kernel, int padding, int stride, int[][] expected) {
        assertThat(Conv2dExercise.convolve(image, kernel, padding, stride)).isDeepEqualTo(expected);
    }

    @Test
    void padsWithZeros() {
        assertThat(Conv2dExercise.pad(new int[][] {{1, 2}, {3, 4}}, 1))
                .isDeepEqualTo(new int[][] {{0, 0, 0, 0}, {0, 1, 2, 0}, {0, 3, 4, 0}, {0, 0, 0, 0}});
        assertThat(Conv2dExercise.rotate180(new int[][] {{1, 1}, {0, 2}})).isDeepEqualTo(new int[][] {{2, 0}, {1, 1}});
    }

    @Test
    void settingsAllFitEvenlyAndIncludeTheLecturesExamples() {
        assertThat(Conv2dExercise.SETTINGS).hasSize(9).allSatisfy(s -> {
            int out = ConvOutputSizeExercise.outputSize(s[0], s[1], s[2], s[3]);
            assertThat(out).isBetween(2, 4);
        });
        assertThat(Conv2dExercise.SETTINGS).anySatisfy(s -> assertThat(s).containsExactly(4, 2, 1, 2))
                .anySatisfy(s -> assertThat(s).containsExactly(5, 3, 1, 2))
                .anySatisfy(s -> assertThat(s).containsExactly(5, 3, 0, 1));
    }

    @Test
    void thePollIsTheSlideForEverySeed() {
        Conv2dExercise poll = Conv2dExercise.cse416Poll();
        assertThat(poll.variesWithSeed()).isFalse();
        for (long seed : GeneratorContract.SEEDS) {
            ExerciseInstance instance = poll.generate(seed);
            assertThat(instance.generatorKey()).isEqualTo("conv2d-cse416-poll");
            assertThat(instance.prompt()).contains("1x1 zero padding and a 2x2 stride");
            assertThat(GeneratorContract.expectedNumbers(instance, "output"))
                    .isEqualTo(NumberGrid.matrix(new int[][] {{2, 6, 0}, {23, 35, 8}, {13, 29, 16}}));
        }
    }

    @Test
    void aFlippedKernelGetsItsOwnFeedback() {
        ExerciseInstance poll = Conv2dExercise.cse416Poll().generate(0);
        Part part = poll.part("output").orElseThrow();
        int[][] flipped = Conv2dExercise.convolve(ONE_TO_16, new int[][] {{2, 0}, {1, 1}}, 1, 2);
        PartFeedback feedback = AnswerChecker.check(part, Answer.matrix(flipped));
        assertThat(feedback.message()).contains("flipped");
        assertThat(feedback.score()).isLessThan(1);
    }

    @Test
    void theAnswerIsTheConvolutionOfTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new Conv2dExercise(), 100)) {
            int[][] image = GeneratorContract.ints(GeneratorContract.given(instance, "Image $X$"));
            int[][] kernel = GeneratorContract.ints(GeneratorContract.given(instance, "Kernel $K$"));
            int padding = instance.prompt().contains("$P = 1$") ? 1 : 0;
            int stride = instance.prompt().contains("$S = 2$") ? 2 : 1;
            assertThat(GeneratorContract.expectedNumbers(instance, "output"))
                    .isEqualTo(NumberGrid.matrix(Conv2dExercise.convolve(image, kernel, padding, stride)));
            assertThat(kernel).isNotEqualTo(Conv2dExercise.rotate180(kernel));
        }
    }

    @Test
    void drawsEveryPaddingAndStride() {
        List<ExerciseInstance> instances = GeneratorContract.instances(new Conv2dExercise(), 100);
        assertThat(instances).anySatisfy(i -> assertThat(i.prompt()).contains("$P = 1$").contains("$S = 2$"))
                .anySatisfy(i -> assertThat(i.prompt()).contains("$P = 0$").contains("$S = 1$"));
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new Conv2dExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new Conv2dExercise());
    }
}
