package org.lectern.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * The random numbers generators draw from a seed: SplitMix64, written out here rather than taken
 * from java.util so that a JDK upgrade can never change a stored seed's instance (java.util.Random
 * also keeps only 48 bits of the seed).
 */
final class Draw {

    private long state;

    Draw(long seed) {
        state = seed;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return ExerciseSeeds.mix(state);
    }

    /** Uniform in [0, n); the modulo bias is below 2^-50 for the small n used here. */
    int below(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        return (int) Math.floorMod(nextLong(), (long) n);
    }

    /** Uniform in [lo, hi], both included. */
    int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    /** Uniform in [lo, hi] excluding 0. */
    int nonZeroBetween(int lo, int hi) {
        int v;
        do {
            v = between(lo, hi);
        } while (v == 0);
        return v;
    }

    /** A multiple of 0.1 in [lo, hi]: one decimal, easy to read and to compute with by hand. */
    double tenths(double lo, double hi) {
        return between((int) Math.round(lo * 10), (int) Math.round(hi * 10)) / 10.0;
    }

    boolean coin() {
        return below(2) == 1;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    int pickInt(int... options) {
        return options[below(options.length)];
    }

    double pickDouble(double... options) {
        return options[below(options.length)];
    }

    int[] ints(int n, int lo, int hi) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = between(lo, hi);
        }
        return out;
    }

    int[][] ints(int rows, int cols, int lo, int hi) {
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = ints(cols, lo, hi);
        }
        return out;
    }

    /** A shuffled copy (Fisher-Yates). */
    <T> List<T> shuffled(List<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = below(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
