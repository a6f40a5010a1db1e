package org.lectern.exercise;

import java.util.List;

/**
 * Two Adam steps with bias correction, exactly the CS231n loop: moments start at 0, t counts from 1,
 * beta1 = 0.9, beta2 = 0.999, eps = 1e-8 added outside the square root. The gradients are given, so
 * the exercise is the update itself; the first step moves every coordinate by about the learning
 * rate, which bias correction is there to ensure.
 */
public final class AdamExercise implements ExerciseGenerator {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    record Problem(double[] x0, double[] g1, double[] g2, double lr) {
    }

    /** Parameters and the raw (uncorrected) moments after step t. */
    record State(double[] x, double[] m, double[] v) {
    }

    @Override
    public String key() {
        return "adam";
    }

    @Override
    public String title() {
        return "Adam with bias correction";
    }

    @Override
    public String topic() {
        return "Optimization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static State step(State s, double[] g, int t, double lr, boolean biasCorrection) {
        int n = g.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = BETA1 * s.m()[i] + (1 - BETA1) * g[i];
            v[i] = BETA2 * s.v()[i] + (1 - BETA2) * g[i] * g[i];
            double mHat = biasCorrection ? m[i] / (1 - Math.pow(BETA1, t)) : m[i];
            double vHat = biasCorrection ? v[i] / (1 - Math.pow(BETA2, t)) : v[i];
            x[i] = s.x()[i] - lr * mHat / (Math.sqrt(vHat) + EPSILON);
        }
        return new State(x, m, v);
    }

    static State start(double[] x0) {
        return new State(x0, new double[x0.length], new double[x0.length]);
    }

    static double[] corrected(double[] moment, double beta, int t) {
        return Quadratic.scale(1 / (1 - Math.pow(beta, t)), moment);
    }

    static Problem draw(Draw draw) {
        double[] x0 = {draw.between(-2, 2), draw.between(-2, 2)};
        double[] g1 = {draw.nonZeroBetween(-3, 3), draw.nonZeroBetween(-3, 3)};
        double[] g2 = {draw.nonZeroBetween(-3, 3), draw.nonZeroBetween(-3, 3)};
        return new Problem(x0, g1, g2, draw.pickDouble(0.1, 0.2));
    }

    ExerciseInstance instance(Problem p, long seed) {
        State one = step(start(p.x0()), p.g1(), 1, p.lr(), true);
        State two = step(one, p.g2(), 2, p.lr(), true);
        State rawOne = step(start(p.x0()), p.g1(), 1, p.lr(), false);
        State rawTwo = step(rawOne, p.g2(), 2, p.lr(), false);
        double[] mHat2 = corrected(two.m(), BETA1, 2);
        String lr = MathText.number(p.lr());
        String prompt = "Run two steps of Adam on parameters $x \\in \\mathbb{R}^2$ from $x_0 = " + MathText.tuple(p.x0())
                + "$. The gradients are given: $g_1 = " + MathText.tuple(p.g1()) + "$ at step 1 and $g_2 = " + MathText.tuple(p.g2())
                + "$ at step 2. Everything is element-wise; $m_0 = v_0 = 0$ and $t$ counts from 1:\n\n"
                + "$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t, \\qquad v_t = \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2$$\n\n"
                + "$$\\hat m_t = \\frac{m_t}{1 - \\beta_1^t}, \\qquad \\hat v_t = \\frac{v_t}{1 - \\beta_2^t}, \\qquad "
                + "x_t = x_{t-1} - \\alpha\\, \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\varepsilon}$$\n\n"
                + "with $\\alpha = " + lr + "$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\varepsilon = 10^{-8}$. "
                + "Give the parameters to 3 decimals.";
        String correction = "Bias-correct the moments: divide $m_t$ by $1 - \\beta_1^t$ and $v_t$ by $1 - \\beta_2^t$.";
        Part x1 = Part.builder("x1", "The parameters $x_1$ after step 1:", AnswerShape.vector(2))
                .expected(Answer.vector(one.x()))
                .tolerance(Tolerance.abs(0.005))
                .hint("$m_1 = 0.1\\, g_1$ and $v_1 = 0.001\\, g_1^2$.")
                .hint("After bias correction $\\hat m_1 = g_1$ and $\\hat v_1 = g_1^2$, so each coordinate moves by $\\alpha$ "
                        + "against the sign of its gradient.")
                .explanation("$$x_1 = " + MathText.tuple(one.x()) + "$$")
                .mistake(Answer.vector(rawOne.x()), correction)
                .build();
        Part mHat = Part.builder("m-hat-2", "The bias-corrected first moment $\\hat m_2$:", AnswerShape.vector(2))
                .expected(Answer.vector(mHat2))
                .hint("$m_2 = 0.9\\, m_1 + 0.1\\, g_2 = " + MathText.tuple(two.m()) + "$.")
                .hint("Divide by $1 - \\beta_1^2 = 0.19$.")
                .explanation("$$\\hat m_2 = " + MathText.tuple(two.m()) + " / 0.19 = " + MathText.tuple(mHat2) + "$$")
                .mistake(Answer.vector(two.m()), "That is $m_2$; bias-correct it by dividing by $1 - \\beta_1^2 = 0.19$.")
                .mistake(Answer.vector(corrected(two.m(), BETA1, 1)), "At step 2 divide by $1 - \\beta_1^2 = 0.19$, not $1 - \\beta_1$.")
                .build();
        double[] vHat2 = corrected(two.v(), BETA2, 2);
        Part x2 = Part.builder("x2", "The parameters $x_2$ after step 2:", AnswerShape.vector(2))
                .expected(Answer.vector(two.x()))
                .tolerance(Tolerance.abs(0.005))
                .hint("$v_2 = 0.999\\, v_1 + 0.001\\, g_2^2$ and $\\hat v_2 = v_2 / (1 - 0.999^2)$.")
                .hint("$\\hat v_2 = " + MathText.tuple(vHat2) + "$; step by $\\alpha\\, \\hat m_2 / \\sqrt{\\hat v_2}$ from $x_1$.")
                .explanation("$$x_2 = x_1 - " + lr + "\\cdot " + MathText.tuple(mHat2) + " / \\sqrt{" + MathText.tuple(vHat2) + "} = "
                        + MathText.tuple(two.x()) + "$$")
                .mistake(Answer.vector(rawTwo.x()), correction)
                .build();
        List<Given> givens = List.of(Given.vector("Start $x_0$", p.x0()), Given.vector("Gradient $g_1$", p.g1()),
                Given.vector("Gradient $g_2$", p.g2()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(x1, mHat, x2));
    }
}
