package org.lectern.exercise;

/**
 * How far a number may be from the expected one and still count: within {@code absolute}, or within
 * {@code relative} times the expected value's size, whichever is looser.
 * <p>{@link #DEFAULT} (0.01 or 1%) lets a student round to two decimals or carry three significant
 * digits through a hand calculation. Whole-number answers (counts, integer convolutions) use
 * {@link #EXACT}. Tiny answers such as late learning rates need a relative tolerance with a tiny
 * absolute one, or 0 would pass.
 */
public record Tolerance(double absolute, double relative) {

    public static final Tolerance DEFAULT = new Tolerance(0.01, 0.01);

    /** For whole numbers: only floating-point noise is forgiven. */
    public static final Tolerance EXACT = new Tolerance(1e-6, 0);

    // Forgives the last bit when a student's rounding lands exactly on the boundary.
    private static final double SLACK = 1e-12;

    public Tolerance {
        if (!(absolute >= 0) || !(relative >= 0) || Double.isInfinite(absolute) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("tolerances are finite and not negative: " + absolute + ", " + relative);
        }
    }

    public static Tolerance abs(double absolute) {
        return new Tolerance(absolute, 0);
    }

    /** Relative, with an absolute floor so that an expected 0 can still be met. */
    public static Tolerance rel(double relative, double absoluteFloor) {
        return new Tolerance(absoluteFloor, relative);
    }

    public boolean accepts(double expected, double actual) {
        if (!Double.isFinite(actual)) {
            return false;
        }
        double error = Math.abs(actual - expected);
        return error <= absolute + SLACK || error <= relative * Math.abs(expected) + SLACK;
    }

    /** For the UI: "within 0.01 or 1%", "exactly", "within 0.005", "within 1%". */
    public String describe() {
        if (this.equals(EXACT)) {
            return "exactly";
        }
        String abs = "within " + MathText.number(absolute, 8);
        String rel = MathText.number(relative * 100, 4) + "%";
        if (relative == 0) {
            return abs;
        }
        if (absolute < 1e-3) {
            return "within " + rel;
        }
        return abs + " or " + rel;
    }
}
