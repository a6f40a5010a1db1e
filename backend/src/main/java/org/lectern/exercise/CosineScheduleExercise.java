package org.lectern.exercise;

import java.util.List;

/**
 * The cosine learning-rate schedule {@code lr_t = lr_min + (lr_max - lr_min)(1 + cos(pi t / T)) / 2}
 * at two steps. Late-schedule rates are small, so the tolerance is relative (1%): an absolute 0.01
 * would accept 0.
 */
public final class CosineScheduleExercise implements ExerciseGenerator {

    static final Tolerance TOLERANCE = Tolerance.rel(0.01, 1e-6);

    record Problem(double lrMax, double lrMin, int totalSteps, int early, int late) {
    }

    @Override
    public String key() {
        return "cosine-lr";
    }

    @Override
    public String title() {
        return "Cosine learning-rate schedule";
    }

    @Override
    public String topic() {
        return "Optimization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double rate(double lrMax, double lrMin, int t, int totalSteps) {
        return lrMin + 0.5 * (lrMax - lrMin) * (1 + Math.cos(Math.PI * t / totalSteps));
    }

    static Problem draw(Draw draw) {
        double lrMax = draw.pickDouble(0.1, 0.2, 0.5, 1.0, 0.05);
        double lrMin = lrMax >= 0.1 && draw.coin() ? 0.01 : 0;
        int total = draw.pickInt(100, 200, 500, 1000, 60, 90);
        int early = draw.between(1, total / 2 - 1);
        int late = draw.between(total / 2 + 1, total - 1);
        return new Problem(lrMax, lrMin, total, early, late);
    }

    ExerciseInstance instance(Problem p, long seed) {
        String max = MathText.number(p.lrMax());
        String min = MathText.number(p.lrMin());
        int total = p.totalSteps();
        String prompt = "Training runs for $T = " + total + "$ steps with a cosine learning-rate schedule from $\\eta_{max} = " + max
                + "$ down to $\\eta_{min} = " + min + "$:\n\n"
                + "$$\\eta_t = \\eta_{min} + \\tfrac{1}{2}(\\eta_{max} - \\eta_{min})\\left(1 + \\cos\\frac{\\pi t}{T}\\right)$$\n\n"
                + "The cosine's argument is in radians. Give each rate to 3 significant digits (1% is accepted).";
        Part early = part("early", p, p.early());
        Part late = part("late", p, p.late());
        List<Given> givens = List.of(Given.scalar("$\\eta_{max}$", p.lrMax()), Given.scalar("$\\eta_{min}$", p.lrMin()),
                Given.scalar("Total steps $T$", total));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(early, late));
    }

    private static Part part(String id, Problem p, int t) {
        double lr = rate(p.lrMax(), p.lrMin(), t, p.totalSteps());
        double angle = Math.PI * t / p.totalSteps();
        double degrees = p.lrMin() + 0.5 * (p.lrMax() - p.lrMin()) * (1 + Math.cos(Math.toRadians(angle)));
        Part.Builder builder = Part.builder(id, "The learning rate at step $t = " + t + "$:", AnswerShape.number())
                .expected(Answer.number(lr))
                .tolerance(TOLERANCE)
                .hint("At $t = 0$ the rate is $\\eta_{max}$, at $t = T/2$ halfway, at $t = T$ it is $\\eta_{min}$.")
                .hint("$\\pi t / T = " + MathText.number(angle, 4) + "$ radians, and $\\cos " + MathText.number(angle, 4) + " = "
                        + MathText.number(Math.cos(angle), 4) + "$.")
                .explanation("$$\\eta_{" + t + "} = " + MathText.number(p.lrMin()) + " + \\tfrac{1}{2}(" + MathText.number(p.lrMax() - p.lrMin())
                        + ")(1 + " + MathText.term(Math.cos(angle)) + ") = " + MathText.number(lr, 5) + "$$")
                .mistake(Answer.number(degrees), "Your calculator is in degrees: $\\pi t / T$ is in radians.");
        if (p.lrMin() > 0) {
            builder.mistake(Answer.number(0.5 * p.lrMax() * (1 + Math.cos(angle))),
                    "Include $\\eta_{min}$: the cosine spans $\\eta_{max} - \\eta_{min}$, then $\\eta_{min}$ is added.");
        }
        return builder.build();
    }
}
