package org.lectern.exercise;

import java.util.Arrays;

/** The little linear algebra the generators need, on plain arrays. */
final class Mat {

    private Mat() {
    }

    static double[] of(int[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    static double[][] of(int[][] m) {
        return Arrays.stream(m).map(Mat::of).toArray(double[][]::new);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("cannot multiply " + a.length + "x" + a[0].length + " by " + b.length + "x" + b[0].length);
        }
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double sum = 0;
                for (int k = 0; k < b.length; k++) {
                    sum += a[i][k] * b[k][j];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double[] multiply(double[][] a, double[] x) {
        if (a[0].length != x.length) {
            throw new IllegalArgumentException("cannot multiply " + a.length + "x" + a[0].length + " by a " + x.length + "-vector");
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < x.length; k++) {
                out[i] += a[i][k] * x[k];
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static double[][] scale(double[][] a, double factor) {
        return Arrays.stream(a).map(row -> Arrays.stream(row).map(v -> v * factor).toArray()).toArray(double[][]::new);
    }

    /** Softmax, shifted by the maximum first so that large scores cannot overflow. */
    static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElseThrow();
        double[] exp = Arrays.stream(scores).map(s -> Math.exp(s - max)).toArray();
        double sum = Arrays.stream(exp).sum();
        return Arrays.stream(exp).map(e -> e / sum).toArray();
    }

    static double[][] softmaxRows(double[][] scores) {
        return Arrays.stream(scores).map(Mat::softmax).toArray(double[][]::new);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the largest entry beats every other by more than {@code gap} (no near-tie). */
    static boolean clearMax(double[] v, double gap) {
        int best = argmax(v);
        for (int i = 0; i < v.length; i++) {
            if (i != best && v[best] - v[i] <= gap) {
                return false;
            }
        }
        return true;
    }

    /** Rounded for display in explanations; answers are checked against the unrounded values. */
    static double[] round(double[] v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Arrays.stream(v).map(d -> Math.round(d * scale) / scale).toArray();
    }

    static double[][] round(double[][] m, int decimals) {
        return Arrays.stream(m).map(row -> round(row, decimals)).toArray(double[][]::new);
    }
}
