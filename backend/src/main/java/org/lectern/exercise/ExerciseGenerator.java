package org.lectern.exercise;

/**
 * Makes a fresh instance of one kind of exercise from a seed, so that neighbours get different
 * numbers while a student who reloads gets the same ones.
 */
public interface ExerciseGenerator {

    /** Stable slug ("conv2d"); stored with each seed, so never renamed. */
    String key();

    String title();

    /** The lecture topic it practises ("Convolutional networks"). */
    String topic();

    /** Deterministic: the same seed gives an equal instance, on any machine and Java version. */
    ExerciseInstance generate(long seed);

    /** False for a fixed exercise (a lecture's worked poll) that ignores the seed. */
    default boolean variesWithSeed() {
        return true;
    }
}
