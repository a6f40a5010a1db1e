package org.lectern.exercise;

/**
 * Seeds for instances. Within one exercise every student gets a different seed (the mixing is a
 * bijection), and consecutive user ids land far apart, so neighbours get different numbers. A poll
 * shows everyone the same instance, so its seed depends on the poll only.
 * <p>Never change these functions: stored attempts are checked against the instance regenerated
 * from the seed.
 */
public final class ExerciseSeeds {

    // Distinct salts keep a poll's seed from coinciding with a student's seed for the same number.
    private static final long STUDENT_SALT = 0x5EED_57D0_0000_0001L;
    private static final long POLL_SALT = 0x5EED_9011_0000_0002L;

    private ExerciseSeeds() {
    }

    public static long forStudent(long exerciseId, long userId) {
        return mix(mix(exerciseId ^ STUDENT_SALT) + userId);
    }

    public static long shared(long pollId) {
        return mix(mix(pollId ^ POLL_SALT));
    }

    /** SplitMix64's finaliser: a bijection on longs that spreads one changed bit over all bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
