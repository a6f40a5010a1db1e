package org.lectern.exercise;

import java.util.List;

/**
 * One step of Nesterov momentum in the CS231n lecture's look-ahead form: the gradient is taken at
 * {@code x + rho v}, not at {@code x}: {@code v <- rho v - lr grad f(x + rho v); x <- x + v}.
 */
public final class NesterovExercise implements ExerciseGenerator {

    record Problem(double[] x0, double[] v0, int[] curvature, double lr, double rho) {
    }

    @Override
    public String key() {
        return "nesterov";
    }

    @Override
    public String title() {
        return "Nesterov momentum";
    }

    @Override
    public String topic() {
        return "Optimization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] lookAhead(double[] x, double[] v, double rho) {
        return Quadratic.plus(x, rho, v);
    }

    static MomentumExercise.State step(MomentumExercise.State s, int[] curvature, double lr, double rho) {
        double[] g = Quadratic.gradient(curvature, lookAhead(s.x(), s.v(), rho));
        double[] v = Quadratic.plus(Quadratic.scale(rho, s.v()), -lr, g);
        return new MomentumExercise.State(Quadratic.plus(s.x(), 1, v), v);
    }

    static Problem draw(Draw draw) {
        double[] x0 = {draw.nonZeroBetween(-3, 3), draw.nonZeroBetween(-3, 3)};
        double[] v0 = {Quadratic.velocity(draw), Quadratic.velocity(draw)};
        int[] a = {draw.between(1, 4), draw.between(1, 4)};
        return new Problem(x0, v0, a, draw.pickDouble(0.1, 0.2), draw.pickDouble(0.9, 0.5));
    }

    ExerciseInstance instance(Problem p, long seed) {
        MomentumExercise.State start = new MomentumExercise.State(p.x0(), p.v0());
        double[] ahead = lookAhead(p.x0(), p.v0(), p.rho());
        MomentumExercise.State one = step(start, p.curvature(), p.lr(), p.rho());
        MomentumExercise.State classic = MomentumExercise.step(start, p.curvature(), p.lr(), p.rho());
        String rho = MathText.number(p.rho());
        String lr = MathText.number(p.lr());
        String prompt = "Minimise $" + Quadratic.loss(p.curvature()) + "$, whose gradient is $" + Quadratic.gradientText(p.curvature())
                + "$, with Nesterov momentum, learning rate $\\alpha = " + lr + "$ and momentum $\\rho = " + rho + "$. "
                + "Use this update (CS231n's look-ahead form):\n\n"
                + "$$v_{t+1} = \\rho\\, v_t - \\alpha \\nabla f(x_t + \\rho\\, v_t), \\qquad x_{t+1} = x_t + v_{t+1}$$\n\n"
                + "Start from $x_0 = " + MathText.tuple(p.x0()) + "$ with velocity $v_0 = " + MathText.tuple(p.v0()) + "$.";
        String atLookAhead = "Take the gradient at the look-ahead point $x_0 + \\rho v_0$, not at $x_0$: that is what makes it Nesterov.";
        double[] g = Quadratic.gradient(p.curvature(), ahead);
        Part lookAheadPart = Part.builder("look-ahead", "The look-ahead point $x_0 + \\rho v_0$:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(ahead))
                .hint("$x_0 + " + rho + "\\cdot " + MathText.tuple(p.v0()) + "$.")
                .explanation("$$x_0 + \\rho v_0 = " + MathText.tuple(ahead) + "$$")
                .mistake(Answer.vector(Quadratic.plus(p.x0(), 1, p.v0())), "Scale the velocity by $\\rho = " + rho + "$ first.")
                .build();
        Part v1 = Part.builder("v1", "The velocity $v_1$:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(one.v()))
                .hint("The gradient at the look-ahead point is $" + MathText.tuple(g) + "$.")
                .hint("$v_1 = " + rho + "\\cdot " + MathText.tuple(p.v0()) + " - " + lr + "\\cdot " + MathText.tuple(g) + "$.")
                .explanation("$$v_1 = " + MathText.tuple(one.v()) + "$$")
                .mistake(Answer.vector(classic.v()), atLookAhead)
                .build();
        Part x1 = Part.builder("x1", "The position $x_1$:", AnswerShape.vector(2))
                .tolerance(Quadratic.TOLERANCE)
                .expected(Answer.vector(one.x()))
                .hint("$x_1 = x_0 + v_1$: the step starts from $x_0$, not from the look-ahead point.")
                .explanation("$$x_1 = " + MathText.tuple(p.x0()) + " + " + MathText.tuple(one.v()) + " = " + MathText.tuple(one.x()) + "$$")
                .mistake(Answer.vector(classic.x()), atLookAhead)
                .mistake(Answer.vector(Quadratic.plus(ahead, 1, one.v())), "Add $v_1$ to $x_0$, not to the look-ahead point.")
                .build();
        List<Given> givens = List.of(Given.vector("Start $x_0$", p.x0()), Given.vector("Velocity $v_0$", p.v0()),
                Given.vector("Curvatures $(a_1, a_2)$", p.curvature()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(lookAheadPart, v1, x1));
    }
}
