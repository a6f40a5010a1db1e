package org.lectern.exercise;

import java.util.List;

/**
 * Batch normalisation's forward pass in training mode on a batch of 4 examples with 2 features:
 * per-feature batch mean and biased variance (divide by N, as the layer does), normalise with
 * epsilon inside the square root, then scale by gamma and shift by beta.
 */
public final class BatchNormExercise implements ExerciseGenerator {

    static final double EPSILON = 1e-5;

    /** Rows are examples, columns features. */
    record Problem(int[][] batch, double[] gamma, double[] beta) {
    }

    @Override
    public String key() {
        return "batchnorm";
    }

    @Override
    public String title() {
        return "Batch normalisation forward pass";
    }

    @Override
    public String topic() {
        return "Normalization";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] mean(double[][] x) {
        double[] mu = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += row[j] / x.length;
            }
        }
        return mu;
    }

    /** Per-feature variance dividing by {@code N - ddof}: 0 for the layer's biased variance. */
    static double[] variance(double[][] x, int ddof) {
        double[] mu = mean(x);
        double[] var = new double[mu.length];
        for (double[] row : x) {
            for (int j = 0; j < mu.length; j++) {
                var[j] += (row[j] - mu[j]) * (row[j] - mu[j]) / (x.length - ddof);
            }
        }
        return var;
    }

    static double[][] forward(double[][] x, double[] gamma, double[] beta, double[] var) {
        double[] mu = mean(x);
        double[][] y = new double[x.length][mu.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mu.length; j++) {
                y[i][j] = gamma[j] * (x[i][j] - mu[j]) / Math.sqrt(var[j] + EPSILON) + beta[j];
            }
        }
        return y;
    }

    static double[][] forward(double[][] x, double[] gamma, double[] beta) {
        return forward(x, gamma, beta, variance(x, 0));
    }

    static Problem draw(Draw draw) {
        while (true) {
            int[][] batch = draw.ints(4, 2, 0, 9);
            double[] var = variance(Mat.of(batch), 0);
            // A feature of near-constant values would normalise to noise.
            if (var[0] >= 1 && var[1] >= 1) {
                double[] gamma = {draw.pickDouble(0.5, 1, 1.5, 2, 3), draw.pickDouble(0.5, 1, 1.5, 2, 3)};
                double[] beta = {draw.tenths(-1, 1), draw.tenths(-1, 1)};
                return new Problem(batch, gamma, beta);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[][] x = Mat.of(p.batch());
        double[] mu = mean(x);
        double[] var = variance(x, 0);
        double[] unbiased = variance(x, 1);
        double[][] y = forward(x, p.gamma(), p.beta());
        double[][] normalised = forward(x, new double[] {1, 1}, new double[] {0, 0});
        String prompt = "A batch-normalisation layer in training mode receives the batch $X$ below: 4 examples (rows), "
                + "2 features (columns). For each feature $j$:\n\n"
                + "$$\\mu_j = \\frac{1}{N}\\sum_i x_{ij}, \\qquad \\sigma_j^2 = \\frac{1}{N}\\sum_i (x_{ij} - \\mu_j)^2, \\qquad "
                + "y_{ij} = \\gamma_j\\, \\frac{x_{ij} - \\mu_j}{\\sqrt{\\sigma_j^2 + \\varepsilon}} + \\beta_j$$\n\n"
                + "with $N = 4$, $\\varepsilon = 10^{-5}$, $\\gamma = " + MathText.tuple(p.gamma()) + "$ and $\\beta = "
                + MathText.tuple(p.beta()) + "$.";
        Part meanPart = Part.builder("mean", "The batch means $(\\mu_1, \\mu_2)$:", AnswerShape.vector(2))
                .expected(Answer.vector(mu))
                .hint("Average each column of $X$.")
                .explanation("$$\\mu = " + MathText.tuple(mu) + "$$")
                .build();
        Part varPart = Part.builder("variance", "The batch variances $(\\sigma_1^2, \\sigma_2^2)$:", AnswerShape.vector(2))
                .expected(Answer.vector(var))
                .hint("Subtract the column's mean from each entry, square, and average over the 4 examples.")
                .explanation("$$\\sigma^2 = " + MathText.tuple(var) + "$$")
                .mistake(Answer.vector(unbiased), "Batch norm uses the biased variance: divide by $N = 4$, not $N - 1$.")
                .mistake(Answer.vector(Math.sqrt(var[0]), Math.sqrt(var[1])), "Those are standard deviations: give the variances.")
                .build();
        Part outPart = Part.builder("output", "The output $Y$:", AnswerShape.matrix(4, 2))
                .expected(Answer.matrix(y))
                .hint("Normalise first: $\\hat x_{ij} = (x_{ij} - \\mu_j)/\\sqrt{\\sigma_j^2 + \\varepsilon}$; each column of $\\hat x$ "
                        + "has mean 0 and variance 1.")
                .hint("$y_{11} = " + MathText.number(p.gamma()[0]) + "\\cdot \\frac{" + MathText.number(x[0][0]) + " - "
                        + MathText.number(mu[0]) + "}{\\sqrt{" + MathText.number(var[0]) + " + 10^{-5}}} + " + MathText.term(p.beta()[0])
                        + " = " + MathText.number(y[0][0], 2) + "$.")
                .explanation("$$\\hat X = " + MathText.matrix(Mat.round(normalised, 2)) + ", \\quad Y = " + MathText.matrix(Mat.round(y, 2)) + "$$")
                .mistake(Answer.matrix(forward(x, p.gamma(), p.beta(), unbiased)),
                        "Batch norm uses the biased variance: divide by $N = 4$, not $N - 1$.")
                .mistake(Answer.matrix(normalised), "That is $\\hat x$: now scale by $\\gamma$ and shift by $\\beta$.")
                .build();
        List<Given> givens = List.of(new Given("Batch $X$", NumberGrid.matrix(p.batch()), List.of(), List.of("feature 1", "feature 2")),
                Given.vector("Scale $\\gamma$", p.gamma()), Given.vector("Shift $\\beta$", p.beta()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(meanPart, varPart, outPart));
    }
}
