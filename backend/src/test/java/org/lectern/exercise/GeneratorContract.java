package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/** Checks shared by every generator's test: the same seed regenerates, neighbours differ; and helpers to read instances. */
final class GeneratorContract {

    static final long[] SEEDS = {0, 1, 2, 42, -7, 416, Long.MAX_VALUE, Long.MIN_VALUE};

    private GeneratorContract() {
    }

    /** What a student sees, without the seed itself (which always differs). */
    static List<Object> content(ExerciseInstance instance) {
        return List.of(instance.prompt(), instance.givens(), instance.parts());
    }

    static void sameSeedSameInstance(ExerciseGenerator generator) {
        for (long seed : SEEDS) {
            ExerciseInstance first = generator.generate(seed);
            assertThat(generator.generate(seed)).as("seed %d", seed).isEqualTo(first);
            assertThat(first.seed()).isEqualTo(seed);
            assertThat(first.generatorKey()).isEqualTo(generator.key());
        }
    }

    /** Forty students of one exercise, by consecutive user id: each differs from the next, nearly all are unique. */
    static void neighboursDiffer(ExerciseGenerator generator) {
        List<List<Object>> instances = new ArrayList<>();
        LongStream.rangeClosed(1, 40).forEach(user -> instances.add(content(generator.generate(ExerciseSeeds.forStudent(ExerciseSeedsTest.SECRET, 7, user)))));
        for (int i = 1; i < instances.size(); i++) {
            assertThat(instances.get(i)).as("users %d and %d", i, i + 1).isNotEqualTo(instances.get(i - 1));
        }
        Set<List<Object>> distinct = new HashSet<>(instances);
        assertThat(distinct).as("distinct instances among 40 students").hasSizeGreaterThanOrEqualTo(38);
    }

    /** Seeds 0..n-1 of a generator. */
    static List<ExerciseInstance> instances(ExerciseGenerator generator, int n) {
        return LongStream.range(0, n).mapToObj(generator::generate).toList();
    }

    static NumberGrid given(ExerciseInstance instance, String label) {
        return instance.given(label).orElseThrow(() -> new AssertionError("no given " + label + " in " + instance.givens())).value();
    }

    static int[][] ints(NumberGrid grid) {
        double[][] m = grid.toMatrix();
        int[][] out = new int[m.length][m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                out[r][c] = (int) Math.round(m[r][c]);
            }
        }
        return out;
    }

    static int[] intVector(NumberGrid grid) {
        return java.util.Arrays.stream(grid.toArray()).mapToInt(v -> (int) Math.round(v)).toArray();
    }

    static Answer expected(ExerciseInstance instance, String partId) {
        return instance.part(partId).orElseThrow(() -> new AssertionError("no part " + partId)).expected();
    }

    static NumberGrid expectedNumbers(ExerciseInstance instance, String partId) {
        return ((Answer.Numeric) expected(instance, partId)).values();
    }

    static int expectedChoice(ExerciseInstance instance, String partId) {
        return ((Answer.Choice) expected(instance, partId)).index();
    }

    /** Whether a student answering {@code answer} would get the part fully right. */
    static boolean accepted(ExerciseInstance instance, String partId, Answer answer) {
        return AnswerChecker.check(instance.part(partId).orElseThrow(), answer).correct();
    }
}
