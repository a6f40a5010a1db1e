package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.identity.ServerSecret;

class ExerciseSeedsTest {

    static final ServerSecret SECRET = ServerSecret.of("test-secret-0123456789abcdef");
    // HMAC-SHA256 under SECRET of "exercise-student:1:1", "exercise-student:12:345" and "poll:7", first 8 bytes.
    static final long PINNED_1_1 = -9166113890464824109L;
    static final long PINNED_12_345 = -4971847401595192683L;
    static final long PINNED_POLL_7 = -6745950891691566846L;

    /** Pinned: stored attempts are checked against instances regenerated from these seeds (under the install's secret). */
    @Test
    void seedsNeverChangeForOneSecret() {
        assertThat(ExerciseSeeds.forStudent(SECRET, 1, 1)).isEqualTo(ExerciseSeeds.forStudent(ServerSecret.of("test-secret-0123456789abcdef"), 1, 1))
                .isEqualTo(PINNED_1_1);
        assertThat(ExerciseSeeds.forStudent(SECRET, 12, 345)).isEqualTo(PINNED_12_345);
        assertThat(ExerciseSeeds.shared(SECRET, 7)).isEqualTo(PINNED_POLL_7);
    }

    /**
     * The old seeds were a public function of the exercise and account ids, so a student could
     * compute their answer key offline. Now another install's secret gives other numbers, and the
     * public derivation no longer predicts the seed.
     */
    @Test
    void seedsDependOnTheSecretNotOnPublicInputsAlone() {
        ServerSecret other = ServerSecret.of("another-install-secret-xyz");
        for (long user = 1; user <= 100; user++) {
            long seed = ExerciseSeeds.forStudent(SECRET, 42, user);
            assertThat(seed).isNotEqualTo(ExerciseSeeds.forStudent(other, 42, user));
            assertThat(seed).as("the public derivation of user %d", user).isNotEqualTo(publicDerivation(42, user));
        }
        assertThat(ExerciseSeeds.shared(SECRET, 5)).isNotEqualTo(ExerciseSeeds.shared(other, 5));
        var generator = ExerciseCatalog.standard().all().getFirst();
        assertThat(generator.generate(ExerciseSeeds.forStudent(SECRET, 42, 7)))
                .isNotEqualTo(generator.generate(ExerciseSeeds.forStudent(other, 42, 7)))
                .isNotEqualTo(generator.generate(publicDerivation(42, 7)));
    }

    /** What a student could compute before: the seed from public constants and the two ids. */
    static long publicDerivation(long exerciseId, long userId) {
        return ExerciseSeeds.mix(ExerciseSeeds.mix(exerciseId ^ 0x5EED_57D0_0000_0001L) + userId);
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
            seeds.add(ExerciseSeeds.forStudent(SECRET, 42, user));
        }
        assertThat(seeds).hasSize(10_000);
    }

    @Test
    void neighboursLandFarApart() {
        long a = ExerciseSeeds.forStudent(SECRET, 42, 100);
        long b = ExerciseSeeds.forStudent(SECRET, 42, 101);
        assertThat(Long.bitCount(a ^ b)).as("bits that differ").isBetween(16, 48);
        assertThat(ExerciseSeeds.forStudent(SECRET, 42, 100)).isNotEqualTo(ExerciseSeeds.forStudent(SECRET, 43, 100));
    }

    @Test
    void aPollIsTheSameForEveryoneAndUnlikeAStudentsSeed() {
        assertThat(ExerciseSeeds.shared(SECRET, 5)).isEqualTo(ExerciseSeeds.shared(SECRET, 5)).isNotEqualTo(ExerciseSeeds.shared(SECRET, 6));
        assertThat(ExerciseSeeds.shared(SECRET, 5)).isNotEqualTo(ExerciseSeeds.forStudent(SECRET, 5, 0));
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
