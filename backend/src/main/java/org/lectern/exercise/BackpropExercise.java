package org.lectern.exercise;

import java.util.List;

/**
 * Backpropagation through a small computational graph, the two CS231n examples: {@code f = (x + y) z}
 * and a sigmoid neuron {@code f = sigma(w0 x0 + w1 x1 + w2)}. The answer is the forward value and
 * the gradient of f with respect to every input.
 */
public final class BackpropExercise implements ExerciseGenerator {

    sealed interface Problem permits SumProduct, SigmoidNeuron {
    }

    record SumProduct(int x, int y, int z) implements Problem {
    }

    /** Weights {@code w0, w1, w2} (w2 is the bias) and inputs {@code x0, x1}. */
    record SigmoidNeuron(int[] w, int[] x) implements Problem {
    }

    @Override
    public String key() {
        return "backprop";
    }

    @Override
    public String title() {
        return "Backpropagation through a computational graph";
    }

    @Override
    public String topic() {
        return "Backpropagation";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    /** (df/dx, df/dy, df/dz): the add gate passes z on to both inputs; the multiply gate swaps. */
    static double[] sumProductGradient(int x, int y, int z) {
        return new double[] {z, z, x + y};
    }

    static double neuronInput(int[] w, int[] x) {
        return w[0] * x[0] + w[1] * x[1] + w[2];
    }

    static double neuronValue(int[] w, int[] x) {
        return Mat.sigmoid(neuronInput(w, x));
    }

    /** (df/dw0, df/dw1, df/dw2, df/dx0, df/dx1), each through the sigmoid's local gradient s(1 - s). */
    static double[] neuronGradient(int[] w, int[] x) {
        double s = neuronValue(w, x);
        double local = s * (1 - s);
        return new double[] {x[0] * local, x[1] * local, local, w[0] * local, w[1] * local};
    }

    static Problem draw(Draw draw) {
        if (draw.coin()) {
            while (true) {
                int x = draw.nonZeroBetween(-5, 5);
                int y = draw.nonZeroBetween(-5, 5);
                int z = draw.nonZeroBetween(-5, 5);
                if (x + y != 0) {
                    return new SumProduct(x, y, z);
                }
            }
        }
        while (true) {
            int[] w = {draw.nonZeroBetween(-3, 3), draw.nonZeroBetween(-3, 3), draw.between(-3, 3)};
            int[] x = {draw.nonZeroBetween(-2, 2), draw.nonZeroBetween(-2, 2)};
            // Away from saturation, where every gradient would round to 0.
            if (Math.abs(neuronInput(w, x)) <= 2) {
                return new SigmoidNeuron(w, x);
            }
        }
    }

    ExerciseInstance instance(Problem problem, long seed) {
        return switch (problem) {
            case SumProduct p -> sumProduct(p, seed);
            case SigmoidNeuron p -> sigmoidNeuron(p, seed);
        };
    }

    private ExerciseInstance sumProduct(SumProduct p, long seed) {
        int q = p.x() + p.y();
        int f = q * p.z();
        double[] gradient = sumProductGradient(p.x(), p.y(), p.z());
        String prompt = "Consider $f(x, y, z) = (x + y)\\,z$ at $x = " + p.x() + "$, $y = " + p.y() + "$, $z = " + p.z()
                + "$, as the graph $q = x + y$, $f = q\\,z$.\n\n"
                + "Run the forward pass, then backpropagate from $\\partial f/\\partial f = 1$.";
        Part value = Part.builder("value", "The value $f$:", AnswerShape.number())
                .expected(Answer.number(f))
                .tolerance(Tolerance.EXACT)
                .hint("First $q = x + y$, then $f = q\\,z$.")
                .explanation("$$q = " + p.x() + " + " + MathText.term(p.y()) + " = " + q + ", \\quad f = " + MathText.term(q) + "\\cdot "
                        + MathText.term(p.z()) + " = " + f + "$$")
                .build();
        Part grad = Part.builder("gradient", "The gradient $\\left(\\frac{\\partial f}{\\partial x}, \\frac{\\partial f}{\\partial y}, "
                        + "\\frac{\\partial f}{\\partial z}\\right)$:", AnswerShape.vector(3))
                .expected(Answer.vector(gradient))
                .tolerance(Tolerance.EXACT)
                .hint("At the multiply gate: $\\partial f/\\partial q = z$ and $\\partial f/\\partial z = q$.")
                .hint("The add gate has local gradient 1 for both inputs, so it passes $\\partial f/\\partial q$ on unchanged.")
                .explanation("$$\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q}\\cdot 1 = " + p.z()
                        + ", \\quad \\frac{\\partial f}{\\partial y} = " + p.z() + ", \\quad \\frac{\\partial f}{\\partial z} = q = " + q + "$$")
                .mistake(Answer.vector(1, 1, q), "The add gate's local gradient 1 still has to be multiplied by the upstream "
                        + "gradient $\\partial f/\\partial q = z$ (chain rule).")
                .mistake(Answer.vector(q, q, p.z()), "The multiply gate swaps its inputs: $\\partial f/\\partial q = z$ and "
                        + "$\\partial f/\\partial z = q$.")
                .build();
        return new ExerciseInstance(key(), seed, prompt, List.of(Given.vector("$(x, y, z)$", p.x(), p.y(), p.z())), List.of(value, grad));
    }

    private ExerciseInstance sigmoidNeuron(SigmoidNeuron p, long seed) {
        int[] w = p.w();
        int[] x = p.x();
        double a = neuronInput(w, x);
        double s = neuronValue(w, x);
        double local = s * (1 - s);
        double[] gradient = neuronGradient(w, x);
        String prompt = "A neuron computes $f(w, x) = \\sigma(w_0 x_0 + w_1 x_1 + w_2)$ with $\\sigma(a) = \\dfrac{1}{1 + e^{-a}}$, at $w = "
                + MathText.tuple(w[0], w[1], w[2]) + "$ and $x = " + MathText.tuple(x[0], x[1]) + "$.\n\n"
                + "Run the forward pass, then backpropagate. Recall $\\sigma'(a) = \\sigma(a)\\,(1 - \\sigma(a))$.";
        Part value = Part.builder("value", "The output $f$:", AnswerShape.number())
                .expected(Answer.number(s))
                .hint("First the weighted sum $a = w_0 x_0 + w_1 x_1 + w_2 = " + MathText.number(a) + "$, then $\\sigma(a)$.")
                .explanation("$$a = " + MathText.number(a) + ", \\quad f = \\sigma(" + MathText.number(a) + ") = " + MathText.number(s, 3) + "$$")
                .build();
        Part grad = Part.builder("gradient", "The gradient with respect to $(w_0, w_1, w_2, x_0, x_1)$:", AnswerShape.vector(5))
                .expected(Answer.vector(gradient))
                .hint("The sigmoid's local gradient is $\\sigma(a)(1 - \\sigma(a)) = " + MathText.number(local, 3) + "$; every input's "
                        + "gradient goes through it.")
                .hint("In a product $w_i x_i$, the gradient for $w_i$ is the upstream gradient times $x_i$, and for $x_i$ it is "
                        + "times $w_i$; the bias $w_2$ gets the upstream gradient itself.")
                .explanation("$$\\frac{\\partial f}{\\partial a} = " + MathText.number(local, 3) + ", \\quad \\nabla f = "
                        + MathText.tuple(Mat.round(gradient, 3)) + "$$")
                .mistake(Answer.vector(x[0], x[1], 1, w[0], w[1]),
                        "Multiply by the sigmoid's local gradient $\\sigma(a)(1 - \\sigma(a))$ (chain rule).")
                .mistake(Answer.vector(w[0] * local, w[1] * local, local, x[0] * local, x[1] * local),
                        "The gradient for $w_i$ is times $x_i$, the other input of the product, and the other way round.")
                .build();
        List<Given> givens = List.of(Given.vector("Weights $w$", w), Given.vector("Inputs $x$", x));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(value, grad));
    }
}
