package org.lectern.exercise;

/**
 * The loss the momentum exercises descend, {@code f(x) = 1/2 (a1 x1^2 + a2 x2^2)}: its gradient
 * {@code (a1 x1, a2 x2)} is quick by hand, so the exercise is about the update rule.
 */
final class Quadratic {

    /**
     * Positions and velocities: absolute, because a relative 1% of a position near 3 would accept
     * errors as large as the momentum term under test. Hand results have 2 to 4 decimals.
     */
    static final Tolerance TOLERANCE = Tolerance.abs(0.01);

    private Quadratic() {
    }

    /**
     * A starting velocity of 0.2 to 0.5 either way: large enough that every convention slip
     * (forgetting rho, taking the gradient at x0) moves the answer by more than the tolerance.
     */
    static double velocity(Draw draw) {
        int tenths = draw.between(2, 5);
        return (draw.coin() ? tenths : -tenths) / 10.0;
    }

    static double[] gradient(int[] curvature, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = curvature[i] * x[i];
        }
        return g;
    }

    /** {@code a + factor * b}, element-wise. */
    static double[] plus(double[] a, double factor, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + factor * b[i];
        }
        return out;
    }

    static double[] scale(double factor, double[] a) {
        return plus(new double[a.length], factor, a);
    }

    static String loss(int[] curvature) {
        return "f(x) = \\tfrac{1}{2}\\left(" + curvature[0] + " x_1^2 + " + curvature[1] + " x_2^2\\right)";
    }

    static String gradientText(int[] curvature) {
        return "\\nabla f(x) = (" + curvature[0] + " x_1,\\; " + curvature[1] + " x_2)";
    }
}
