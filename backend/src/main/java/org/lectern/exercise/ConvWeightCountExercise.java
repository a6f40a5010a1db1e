package org.lectern.exercise;

import java.util.List;

/**
 * Learnable parameters of a convolutional layer against a fully connected layer with the same input
 * and output sizes: weight sharing in numbers. Stride 1 and "same" padding keep the output's height
 * and width those of the input, so only the channels change.
 */
public final class ConvWeightCountExercise implements ExerciseGenerator {

    record Problem(int side, int inChannels, int filters, int kernel, boolean biases) {
    }

    @Override
    public String key() {
        return "conv-vs-fc-weights";
    }

    @Override
    public String title() {
        return "Weights of a convolutional vs a fully connected layer";
    }

    @Override
    public String topic() {
        return "Convolutional networks";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static Problem draw(Draw draw) {
        return new Problem(draw.pickInt(4, 6, 8, 10, 12, 14, 16, 24, 28, 32), draw.pickInt(1, 2, 3, 3, 4),
                draw.pickInt(2, 4, 6, 8, 10, 12, 16, 32), draw.pickInt(1, 3, 3, 5, 7), draw.coin());
    }

    /** K*K*C_in weights per filter, shared by every position; one bias per filter. */
    static long convParameters(int inChannels, int filters, int kernel, boolean biases) {
        return (long) kernel * kernel * inChannels * filters + (biases ? filters : 0);
    }

    /** One weight per (input value, output value) pair; one bias per output value. */
    static long denseParameters(long inputs, long outputs, boolean biases) {
        return inputs * outputs + (biases ? outputs : 0);
    }

    ExerciseInstance instance(Problem p, long seed) {
        int h = p.side();
        int c = p.inChannels();
        int f = p.filters();
        int k = p.kernel();
        long inputs = (long) h * h * c;
        long outputs = (long) h * h * f;
        long conv = convParameters(c, f, k, p.biases());
        long dense = denseParameters(inputs, outputs, p.biases());
        String shape = h + "\\times " + h + "\\times ";
        String prompt = "An input of size $" + shape + c + "$ (height x width x channels) goes through a convolutional layer with "
                + f + " filters of size $" + k + "\\times " + k + "$, stride 1 and zero padding " + (k - 1) / 2
                + ", so the output is $" + shape + f + "$.\n\n"
                + "Compare it with a fully connected layer that maps the same input, flattened, to an output of the same size.\n\n"
                + (p.biases() ? "Both layers have biases: count them as parameters."
                        : "Neither layer has biases: count weights only.");
        Part convPart = Part.builder("conv", "Learnable parameters of the convolutional layer:", AnswerShape.number())
                .expected(Answer.number(conv))
                .tolerance(Tolerance.EXACT)
                .hint((c == 1 ? "A filter spans the input's one channel" : "A filter spans all " + c + " input channels")
                        + ", and the same filter is used at every position.")
                .hint("Each filter has $" + k + "\\cdot " + k + "\\cdot " + c + " = " + (k * k * c) + "$ weights"
                        + (p.biases() ? " and one bias." : "."))
                .explanation("$$" + f + " \\cdot (" + k + "\\cdot " + k + "\\cdot " + c + (p.biases() ? " + 1" : "") + ") = " + conv + "$$")
                .mistake(Answer.number(convParameters(c, f, k, !p.biases())), p.biases()
                        ? "Each filter also has a bias." : "These layers have no biases: count weights only.")
                .mistake(Answer.number((long) k * k * f + (p.biases() ? f : 0)),
                        "Each filter covers all " + c + " input channels, not one.")
                .build();
        Part densePart = Part.builder("dense", "Learnable parameters of the fully connected layer:", AnswerShape.number())
                .expected(Answer.number(dense))
                .tolerance(Tolerance.EXACT)
                .hint("Flattened, the input has $" + h + "\\cdot " + h + "\\cdot " + c + " = " + inputs + "$ values and the output $"
                        + h + "\\cdot " + h + "\\cdot " + f + " = " + outputs + "$.")
                .hint("Without weight sharing every output value has its own weight for every input value"
                        + (p.biases() ? ", and its own bias." : "."))
                .explanation("$$" + inputs + " \\cdot " + outputs + (p.biases() ? " + " + outputs : "") + " = " + dense + "$$"
                        + "\n\nThat is " + MathText.number((double) dense / conv, 0) + " times as many as the convolution needs.")
                .mistake(Answer.number(denseParameters(inputs, outputs, !p.biases())), p.biases()
                        ? "Each output value also has a bias." : "These layers have no biases: count weights only.")
                .build();
        List<Given> givens = List.of(Given.vector("Input $H, W, C_{in}$", h, h, c), Given.scalar("Filters", f),
                Given.scalar("Kernel size $K$", k));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(convPart, densePart));
    }
}
