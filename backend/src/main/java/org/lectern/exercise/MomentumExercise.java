package org.lectern.exercise;

import java.util.List;

/**
 * Two steps of SGD with momentum in the CS231n notes' convention, where the velocity carries the
 * learning rate: {@code v <- rho v - lr grad f(x); x <- x + v}. The lecture slide's other form,
 * {@code v <- rho v + grad f(x); x <- x - lr v}, differs when the starting velocity is not zero,
 * so the prompt states the rule and a non-zero v0 is always drawn.
 */
public final class MomentumExercise implements ExerciseGenerator {

    record Problem(double[] x0, double[] v0, int[] curvature, double lr, double rho) {
    }

    /** Position and velocity after a step. */
    record State(double[] x, double[] v) {
    }

    @Override
    public String key() {
        return "sgd-momentum";
    }

    @Override
    public String title() {
        return "SGD with momentum";
    }

    @Override
    public String topic() {
        return "Optimization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static State step(State s, int[] curvature, double lr, double rho) {
        double[] v = Quadratic.plus(Quadratic.scale(rho, s.v()), -lr, Quadratic.gradient(curvature, s.x()));
        return new State(Quadratic.plus(s.x(), 1, v), v);
    }

    /** The slide's form, {@code v <- rho v + grad; x <- x - lr v}: a different velocity, so a distinct slip. */
    static State slideStep(State s, int[] curvature, double lr, double rho) {
        double[] v = Quadratic.plus(Quadratic.scale(rho, s.v()), 1, Quadratic.gradient(curvature, s.x()));
        return new State(Quadratic.plus(s.x(), -lr, v), v);
    }

    static Problem draw(Draw draw) {
        double[] x0 = {draw.nonZeroBetween(-3, 3), draw.nonZeroBetween(-3, 3)};
        double[] v0 = {Quadratic.velocity(draw), Quadratic.velocity(draw)};
        int[] a = {draw.between(1, 4), draw.between(1, 4)};
        return new Problem(x0, v0, a, draw.pickDouble(0.1, 0.2), draw.pickDouble(0.9, 0.5));
    }

    ExerciseInstance instance(Problem p, long seed) {
        State start = new State(p.x0(), p.v0());
        State one = step(start, p.curvature(), p.lr(), p.rho());
        State two = step(one, p.curvature(), p.lr(), p.rho());
        State slideOne = slideStep(start, p.curvature(), p.lr(), p.rho());
        State slideTwo = slideStep(slideOne, p.curvature(), p.lr(), p.rho());
        double[] plainOne = Quadratic.plus(p.x0(), -p.lr(), Quadratic.gradient(p.curvature(), p.x0()));
        double[] wrongSign = Quadratic.plus(Quadratic.scale(p.rho(), p.v0()), p.lr(), Quadratic.gradient(p.curvature(), p.x0()));
        String rho = MathText.number(p.rho());
        String lr = MathText.number(p.lr());
        String prompt = "Minimise $" + Quadratic.loss(p.curvature()) + "$, whose gradient is $" + Quadratic.gradientText(p.curvature())
                + "$, with SGD with momentum, learning rate $\\alpha = " + lr + "$ and momentum $\\rho = " + rho + "$. "
                + "Use this update (the CS231n notes' convention, where the velocity includes the learning rate):\n\n"
                + "$$v_{t+1} = \\rho\\, v_t - \\alpha \\nabla f(x_t), \\qquad x_{t+1} = x_t + v_{t+1}$$\n\n"
                + "Start from $x_0 = " + MathText.tuple(p.x0()) + "$ with velocity $v_0 = " + MathText.tuple(p.v0()) + "$.";
        String convention = "Here the velocity includes the learning rate: $v \\leftarrow \\rho v - \\alpha\\nabla f$, then "
                + "$x \\leftarrow x + v$. The form $v \\leftarrow \\rho v + \\nabla f$, $x \\leftarrow x - \\alpha v$ differs when $v_0 \\ne 0$.";
        double[] g0 = Quadratic.gradient(p.curvature(), p.x0());
        Part v1 = Part.builder("v1", "The velocity $v_1$:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(one.v()))
                .hint("The gradient at $x_0$ is $" + MathText.tuple(g0) + "$.")
                .hint("$v_1 = " + rho + "\\cdot " + MathText.tuple(p.v0()) + " - " + lr + "\\cdot " + MathText.tuple(g0) + "$.")
                .explanation("$$v_1 = " + MathText.tuple(one.v()) + "$$")
                .mistake(Answer.vector(slideOne.v()), convention)
                .mistake(Answer.vector(wrongSign), "Step against the gradient: subtract $\\alpha\\nabla f(x_0)$.")
                .build();
        Part x1 = Part.builder("x1", "The position $x_1$:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(one.x()))
                .hint("$x_1 = x_0 + v_1$.")
                .explanation("$$x_1 = " + MathText.tuple(p.x0()) + " + " + MathText.tuple(one.v()) + " = " + MathText.tuple(one.x()) + "$$")
                .mistake(Answer.vector(slideOne.x()), convention)
                .mistake(Answer.vector(plainOne), "That is a plain SGD step: momentum adds $\\rho v_0$ to the step.")
                .build();
        double[] g1 = Quadratic.gradient(p.curvature(), one.x());
        Part x2 = Part.builder("x2", "The position $x_2$ after the second step:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(two.x()))
                .hint("Take the gradient at $x_1$: $\\nabla f(x_1) = " + MathText.tuple(g1) + "$.")
                .hint("$v_2 = \\rho v_1 - \\alpha \\nabla f(x_1)$, then $x_2 = x_1 + v_2$.")
                .explanation("$$v_2 = " + MathText.tuple(two.v()) + ", \\quad x_2 = " + MathText.tuple(two.x()) + "$$")
                .mistake(Answer.vector(slideTwo.x()), convention)
                .build();
        List<Given> givens = List.of(Given.vector("Start $x_0$", p.x0()), Given.vector("Velocity $v_0$", p.v0()),
                Given.vector("Curvatures $(a_1, a_2)$", p.curvature()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(v1, x1, x2));
    }
}
