package org.lectern.exercise;

import org.lectern.identity.ServerSecret;

/**
 * Seeds for instances: an HMAC under the server's secret ({@link ServerSecret}) of the exercise or
 * poll and the student. Without the secret a student cannot compute anyone's seed, their own
 * included, so the generators' source (public) does not give away an answer key. Deterministic per
 * (secret, exercise, student): stored attempts are checked against the instance regenerated from
 * the seed, so an install must keep its secret. A poll shows everyone the same instance, so its
 * seed depends on the poll only; distinct labels keep it from coinciding with a student's seed.
 */
public final class ExerciseSeeds {

    private ExerciseSeeds() {
    }

    public static long forStudent(ServerSecret secret, long exerciseId, long userId) {
        return secret.mac64("exercise-student:" + exerciseId + ":" + userId);
    }

    public static long shared(ServerSecret secret, long pollId) {
        return secret.mac64("poll:" + pollId);
    }

    /** SplitMix64's finaliser: a bijection on longs that spreads one changed bit over all bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
