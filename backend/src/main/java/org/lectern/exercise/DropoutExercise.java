package org.lectern.exercise;

import java.util.Arrays;
import java.util.List;

/**
 * Inverted dropout in training: {@code h = x * mask / p} with p the probability of keeping a unit
 * (CS231n's convention; PyTorch's {@code nn.Dropout(p)} uses p for dropping, so the prompt says
 * which). Also the expected value of an output unit and what happens at test time.
 */
public final class DropoutExercise implements ExerciseGenerator {

    static final List<String> TEST_TIME_OPTIONS = List.of(
            "Leave the activations unchanged",
            "Multiply the activations by $p$",
            "Divide the activations by $p$",
            "Drop units at random, as in training");

    record Problem(double[] x, int[] mask, double keep, int unit, List<String> options) {
    }

    @Override
    public String key() {
        return "inverted-dropout";
    }

    @Override
    public String title() {
        return "Inverted dropout";
    }

    @Override
    public String topic() {
        return "Regularization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] forward(double[] x, int[] mask, double keep) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = x[i] * mask[i] / keep;
        }
        return h;
    }

    /** Kept with probability p and then divided by p: the mean is x itself. */
    static double expectedOutput(double x, double keep) {
        return keep * (x / keep) + (1 - keep) * 0;
    }

    static Problem draw(Draw draw) {
        double keep = draw.pickDouble(0.5, 0.8, 0.75, 0.4, 0.25, 0.9);
        double[] x = new double[6];
        for (int i = 0; i < x.length; i++) {
            x[i] = draw.nonZeroBetween(-10, 20) / 10.0;
        }
        int[] mask = new int[x.length];
        do {
            // Each unit kept with probability p, as the layer would.
            for (int i = 0; i < mask.length; i++) {
                mask[i] = draw.below(100) < Math.round(keep * 100) ? 1 : 0;
            }
        } while (Arrays.stream(mask).distinct().count() < 2);
        return new Problem(x, mask, keep, draw.below(6), draw.shuffled(TEST_TIME_OPTIONS));
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[] h = forward(p.x(), p.mask(), p.keep());
        double[] masked = forward(p.x(), p.mask(), 1);
        double[] timesP = Quadratic.scale(p.keep() * p.keep(), h);
        String keep = MathText.number(p.keep());
        int j = p.unit();
        double xj = p.x()[j];
        String prompt = "A layer applies inverted dropout during training with keep probability $p = " + keep
                + "$: each unit is kept with probability $p$ (dropped with probability $1 - p$; note that PyTorch's "
                + "`nn.Dropout(p)` uses $p$ for dropping). For activations $x$ and a random 0/1 mask $m$,\n\n"
                + "$$h = \\frac{x \\odot m}{p}$$";
        Part output = Part.builder("output", "The output $h$ for the mask shown:", AnswerShape.vector(6))
                .expected(Answer.vector(h))
                .hint("Zero the units whose mask is 0.")
                .hint("Divide the kept units by $p = " + keep + "$, so that they get larger.")
                .explanation("$$h = " + MathText.rowVector(h) + "$$")
                .mistake(Answer.vector(masked), "You applied the mask; now scale the kept units by $1/p$.")
                .mistake(Answer.vector(timesP), "Inverted dropout divides by $p$ during training; multiplying by $p$ is for test "
                        + "time in the original, non-inverted dropout.")
                .build();
        Part expected = Part.builder("expected", "Over random masks, the expected value of unit " + (j + 1) + " of $h$ (where $x_{"
                        + (j + 1) + "} = " + MathText.number(xj) + "$):", AnswerShape.number())
                .expected(Answer.number(expectedOutput(xj, p.keep())))
                .hint("The unit is $x/p$ with probability $p$ and $0$ otherwise.")
                .explanation("$$\\mathbb{E}[h] = p \\cdot \\frac{x}{p} + (1 - p)\\cdot 0 = x = " + MathText.number(xj) + "$$: "
                        + "this is why inverted dropout needs no change at test time.")
                .mistake(Answer.number(xj / p.keep()), "That is its value when kept; weigh it by the probability $p$ of being kept.")
                .mistake(Answer.number(xj * p.keep()), "The kept value is already divided by $p$: $p \\cdot x/p = x$.")
                .build();
        Part testTime = Part.builder("test-time", "At test time, inverted dropout:", AnswerShape.choice(p.options()))
                .expected(Answer.choice(p.options().indexOf(TEST_TIME_OPTIONS.getFirst())))
                .hint("Compare the expected output in training with the input.")
                .explanation("Training already keeps the expected activation equal to $x$, so test time uses the activations as they are.")
                .build();
        List<Given> givens = List.of(Given.vector("Activations $x$", p.x()), Given.vector("Mask $m$", p.mask()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(output, expected, testTime));
    }
}
