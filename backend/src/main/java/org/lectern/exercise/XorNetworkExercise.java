package org.lectern.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-layer ReLU network on XOR's four inputs: {@code h = ReLU(W x + c)}, {@code y = u . h}. The
 * hidden layer is a scaled version of the Deep Learning book's solution (one unit counts the ones,
 * the other fires only for (1, 1)); the student computes the hidden activations and outputs for the
 * output weights shown, then picks the output weights that make y exactly XOR.
 */
public final class XorNetworkExercise implements ExerciseGenerator {

    static final int[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /**
     * @param countScale scale of the unit {@code ReLU(a(x1 + x2))}
     * @param andScale   scale of the unit {@code ReLU(b(x1 + x2) - b)}
     * @param andFirst   whether the "and" unit is hidden unit 1
     * @param options    candidate output weights (hidden-unit order), one of which computes XOR
     * @param shown      the index of the option used as the network's output weights
     */
    record Problem(int countScale, int andScale, boolean andFirst, List<double[]> options, int shown) {
    }

    @Override
    public String key() {
        return "relu-xor";
    }

    @Override
    public String title() {
        return "A two-layer ReLU network for XOR";
    }

    @Override
    public String topic() {
        return "Neural networks";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[][] hiddenWeights(Problem p) {
        double[] count = {p.countScale(), p.countScale()};
        double[] and = {p.andScale(), p.andScale()};
        return p.andFirst() ? new double[][] {and, count} : new double[][] {count, and};
    }

    static double[] hiddenBias(Problem p) {
        return p.andFirst() ? new double[] {-p.andScale(), 0} : new double[] {0, -p.andScale()};
    }

    /** Hidden activations for each of the four inputs (one row per input); ReLU optional for the slip. */
    static double[][] hidden(double[][] w, double[] c, boolean relu) {
        double[][] h = new double[INPUTS.length][];
        for (int i = 0; i < INPUTS.length; i++) {
            double[] pre = Mat.multiply(w, Mat.of(INPUTS[i]));
            for (int j = 0; j < pre.length; j++) {
                pre[j] += c[j];
                pre[j] = relu ? Math.max(0, pre[j]) : pre[j];
            }
            h[i] = pre;
        }
        return h;
    }

    static double[] outputs(double[][] hidden, double[] u) {
        return Mat.multiply(hidden, u);
    }

    /** Output weights in (count unit, and unit) order, the XOR one first. */
    static List<double[]> candidates(int a, int b) {
        return List.of(new double[] {1.0 / a, -2.0 / b}, new double[] {1.0 / a, -1.0 / b}, new double[] {2.0 / a, -2.0 / b},
                new double[] {-2.0 / b, 1.0 / a});
    }

    static Problem draw(Draw draw) {
        int a = draw.pickInt(1, 2, 4);
        int b = draw.pickInt(1, 2, 4);
        boolean andFirst = draw.coin();
        List<double[]> options = new ArrayList<>();
        for (double[] u : draw.shuffled(candidates(a, b))) {
            options.add(andFirst ? new double[] {u[1], u[0]} : u);
        }
        return new Problem(a, b, andFirst, options, draw.below(options.size()));
    }

    static boolean isXor(double[] y) {
        return Math.abs(y[0]) < 1e-9 && Math.abs(y[1] - 1) < 1e-9 && Math.abs(y[2] - 1) < 1e-9 && Math.abs(y[3]) < 1e-9;
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[][] w = hiddenWeights(p);
        double[] c = hiddenBias(p);
        double[][] h = hidden(w, c, true);
        double[][] pre = hidden(w, c, false);
        double[] u = p.options().get(p.shown());
        double[] y = outputs(h, u);
        List<String> optionTexts = p.options().stream().map(o -> "$u = " + MathText.tuple(o) + "$").toList();
        int xor = 0;
        while (!isXor(outputs(h, p.options().get(xor)))) {
            xor++;
        }
        String prompt = "A network with two ReLU hidden units computes\n\n"
                + "$$h = \\operatorname{ReLU}(W x + c), \\qquad y = u^\\top h$$\n\n"
                + "for the four inputs $x = (0, 0), (0, 1), (1, 0), (1, 1)$, in that order. Row $j$ of $W$ and entry $j$ of $c$ "
                + "belong to hidden unit $j$. XOR of the inputs is $0, 1, 1, 0$.";
        Part hiddenPart = Part.builder("hidden", "The hidden activations $h$ (one row per input, one column per hidden unit):",
                        AnswerShape.matrix(4, 2))
                .expected(Answer.matrix(h))
                .tolerance(Tolerance.EXACT)
                .hint("For $x = (1, 1)$: $W x + c = " + MathText.tuple(pre[3]) + "$.")
                .hint("ReLU replaces negative pre-activations by 0.")
                .explanation("$$h = " + MathText.matrix(h) + "$$")
                .mistake(Answer.matrix(pre), "Apply the ReLU: negative pre-activations become 0.")
                .build();
        Part outputPart = Part.builder("outputs", "The outputs $y$ for the four inputs, with $u = " + MathText.tuple(u) + "$:",
                        AnswerShape.vector(4))
                .expected(Answer.vector(y))
                .tolerance(Tolerance.EXACT)
                .hint("Each output is the dot product of $u$ with that input's row of $h$.")
                .explanation("$$y = " + MathText.tuple(y) + "$$" + (isXor(y) ? ": exactly XOR." : ": not XOR."))
                .mistake(Answer.vector(outputs(pre, u)), "Apply the ReLU to the hidden layer before the output weights.")
                .build();
        Part choicePart = Part.builder("xor-weights", "Which output weights $u$ make $y$ exactly XOR, with this hidden layer?",
                        AnswerShape.choice(optionTexts))
                .expected(Answer.choice(xor))
                .hint("Input $(0, 1)$ must give 1: look at the one hidden unit that is active there.")
                .hint("Input $(1, 1)$ must give 0: the second unit has to cancel the first.")
                .explanation("With " + optionTexts.get(xor) + " the outputs are $0, 1, 1, 0$.")
                .build();
        List<Given> givens = List.of(
                new Given("Hidden weights $W$", NumberGrid.matrix(w), List.of("$h_1$", "$h_2$"), List.of("$x_1$", "$x_2$")),
                new Given("Hidden biases $c$", NumberGrid.vector(c), List.of("$h_1$", "$h_2$"), List.of()),
                new Given("Output weights $u$", NumberGrid.vector(u), List.of("$h_1$", "$h_2$"), List.of()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(hiddenPart, outputPart, choicePart));
    }
}
