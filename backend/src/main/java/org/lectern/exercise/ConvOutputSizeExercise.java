package org.lectern.exercise;

import java.util.List;

/**
 * The output width of a convolution, {@code (W - K + 2P)/S + 1}, with parameters drawn so that the
 * stride divides evenly (frameworks floor otherwise, which is a lesson of its own).
 */
public final class ConvOutputSizeExercise implements ExerciseGenerator {

    record Problem(int width, int kernel, int padding, int stride) {
    }

    @Override
    public String key() {
        return "conv-output-size";
    }

    @Override
    public String title() {
        return "Convolution output size";
    }

    @Override
    public String topic() {
        return "Convolutional networks";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    /** Positions of the kernel along one side; the stride must divide {@code W - K + 2P}. */
    static int outputSize(int width, int kernel, int padding, int stride) {
        int span = width - kernel + 2 * padding;
        if (span < 0 || stride < 1 || span % stride != 0) {
            throw new IllegalArgumentException("kernel " + kernel + " with padding " + padding + " and stride " + stride
                    + " does not fit a width of " + width + " evenly");
        }
        return span / stride + 1;
    }

    static Problem draw(Draw draw) {
        while (true) {
            int kernel = draw.pickInt(1, 3, 3, 5, 5, 7, 11);
            int stride = draw.pickInt(1, 1, 2, 2, 3, 4);
            int padding = draw.between(0, kernel / 2);
            int output = draw.between(4, 60);
            // Choosing the output first makes the division exact by construction.
            int width = (output - 1) * stride + kernel - 2 * padding;
            if (width >= kernel && width >= 5 && width <= 256) {
                return new Problem(width, kernel, padding, stride);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        int w = p.width();
        int k = p.kernel();
        int pad = p.padding();
        int s = p.stride();
        int out = outputSize(w, k, pad, s);
        String prompt = "A convolutional layer slides a $K\\times K$ kernel over a $W\\times W$ input that has $P$ zeros of padding "
                + "on each side, moving $S$ cells at a time. For $W = " + w + "$, $K = " + k + "$, $P = " + pad + "$ and $S = " + s
                + "$, how many cells wide is the output?";
        String formula = "(" + w + " - " + k + " + 2\\cdot " + pad + ")/" + s + " + 1";
        Part part = Part.builder("size", "Output width:", AnswerShape.number())
                .expected(Answer.number(out))
                .tolerance(Tolerance.EXACT)
                .hint("With stride 1 the kernel fits in $W + 2P - K + 1$ positions along the padded input.")
                .hint("With stride $S$ only every $S$-th position is used: the output width is $(W - K + 2P)/S + 1$.")
                .hint("Here that is $" + formula + "$.")
                .explanation("$$" + formula + " = " + (w - k + 2 * pad) + "/" + s + " + 1 = " + out + "$$")
                .mistake(Answer.number((double) (w - k) / s + 1), "Did you leave out the padding? It adds $2P$: $P$ on each side.")
                .mistake(Answer.number((double) (w - k + pad) / s + 1), "Padding goes on both sides: add $2P$, not $P$.")
                .mistake(Answer.number(out - 1), "Count the first position too: add 1 after dividing by the stride.")
                .mistake(Answer.number(w - k + 2 * pad + 1), "Divide by the stride: the kernel moves $S$ cells at a time.")
                .build();
        List<Given> givens = List.of(Given.scalar("Input width $W$", w), Given.scalar("Kernel size $K$", k),
                Given.scalar("Padding $P$", pad), Given.scalar("Stride $S$", s));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(part));
    }
}
