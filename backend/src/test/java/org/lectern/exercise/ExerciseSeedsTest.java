package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseSeedsTest {

    /** Pinned: stored attempts are checked against instances regenerated from these seeds. */
    @Test
    void seedsNeverChange() {
        assertThat(ExerciseSeeds.forStudent(1, 1)).isEqualTo(-8216399733620563730L);
        assertThat(ExerciseSeeds.forStudent(12, 345)).isEqualTo(-5307374641796646909L);
        assertThat(ExerciseSeeds.shared(7)).isEqualTo(-1527259777563965056L);
    }

    /** SplitMix64's published sequence for seed 1234567, so the draws are the well-known generator's. */
    @Test
    void drawsAreSplitMix64() {
        Draw draw = new Draw(1234567);
        assertThat(new long[] {draw.nextLong(), draw.nextLong(), draw.nextLong()})
                .containsExactly(6457827717110365317L, 3203168211198807973L, -8629252141511181193L);
    }

    @Test
    void everyStudentOfAnExerciseGetsADifferentSeed() {
        Set<Long> seeds = new HashSet<>();
        for (long user = 1; user <= 10_000; user++) {
            seeds.add(ExerciseSeeds.forStudent(42, user));
        }
        assertThat(seeds).hasSize(10_000);
    }

    @Test
    void neighboursLandFarApart() {
        long a = ExerciseSeeds.forStudent(42, 100);
        long b = ExerciseSeeds.forStudent(42, 101);
        assertThat(Long.bitCount(a ^ b)).as("bits that differ").isBetween(16, 48);
        assertThat(ExerciseSeeds.forStudent(42, 100)).isNotEqualTo(ExerciseSeeds.forStudent(43, 100));
    }

    @Test
    void aPollIsTheSameForEveryoneAndUnlikeAStudentsSeed() {
        assertThat(ExerciseSeeds.shared(5)).isEqualTo(ExerciseSeeds.shared(5)).isNotEqualTo(ExerciseSeeds.shared(6));
        assertThat(ExerciseSeeds.shared(5)).isNotEqualTo(ExerciseSeeds.forStudent(5, 0));
    }

    @Test
    void drawsStayInRange() {
        Draw draw = new Draw(99);
        for (int i = 0; i < 10_000; i++) {
            assertThat(draw.between(-3, 4)).isBetween(-3, 4);
            assertThat(draw.nonZeroBetween(-1, 1)).isIn(-1, 1);
            double tenths = draw.tenths(-1, 2);
            assertThat(tenths).isBetween(-1.0, 2.0);
            assertThat(tenths * 10).isCloseTo(Math.rint(tenths * 10), org.assertj.core.data.Offset.offset(1e-9));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(draw.below(6));
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(new Draw(5).shuffled(java.util.List.of(1, 2, 3, 4))).containsExactlyInAnyOrder(1, 2, 3, 4);
    }
}
