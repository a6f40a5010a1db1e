package org.lectern.exercise;

import java.util.Arrays;
import java.util.List;

/**
 * The multiclass SVM (hinge) loss with margin 1 on three examples, CS231n style: per example
 * {@code L_i = sum over j != y_i of max(0, s_j - s_{y_i} + 1)}, then the mean.
 */
public final class SvmLossExercise implements ExerciseGenerator {

    /** Scores: one column per example, one row per class (as on the CS231n slide). */
    record Problem(double[][] scores, int[] labels) {
    }

    static final List<String> CLASSES = List.of("cat", "car", "frog");

    @Override
    public String key() {
        return "svm-loss";
    }

    @Override
    public String title() {
        return "Multiclass SVM loss";
    }

    @Override
    public String topic() {
        return "Loss functions";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    /** The hinge loss of one example's scores with the right class at {@code label}. */
    static double hinge(double[] scores, int label, double margin) {
        double loss = 0;
        for (int j = 0; j < scores.length; j++) {
            if (j != label) {
                loss += Math.max(0, scores[j] - scores[label] + margin);
            }
        }
        return loss;
    }

    static double[] column(double[][] m, int col) {
        double[] out = new double[m.length];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r][col];
        }
        return out;
    }

    static double[] losses(double[][] scores, int[] labels) {
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = hinge(column(scores, i), labels[i], 1);
        }
        return out;
    }

    static Problem draw(Draw draw) {
        while (true) {
            double[][] scores = new double[3][3];
            for (double[] row : scores) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = draw.tenths(-3, 6);
                }
            }
            // Each class is right once, as in the CS231n example.
            int[] labels = draw.shuffled(List.of(0, 1, 2)).stream().mapToInt(Integer::intValue).toArray();
            double[] losses = losses(scores, labels);
            // At least one example with zero loss and one with loss: both cases of the max get used.
            boolean someZero = false;
            boolean somePositive = false;
            for (double l : losses) {
                someZero |= l == 0;
                somePositive |= l > 0;
            }
            if (someZero && somePositive) {
                return new Problem(scores, labels);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[] losses = losses(p.scores(), p.labels());
        double mean = Arrays.stream(losses).average().orElseThrow();
        double[] withSelf = losses.clone();
        for (int i = 0; i < withSelf.length; i++) {
            withSelf[i] += 1;
        }
        double[] first = column(p.scores(), 0);
        int y = p.labels()[0];
        StringBuilder terms = new StringBuilder();
        for (int j = 0; j < 3; j++) {
            if (j != y) {
                terms.append(terms.isEmpty() ? "" : " + ").append("\\max(0, ").append(MathText.number(first[j])).append(" - ")
                        .append(MathText.term(first[y])).append(" + 1)");
            }
        }
        String prompt = "A linear classifier gives the scores below for three images (one column per image, one row per class: "
                + String.join(", ", CLASSES) + "). The correct classes are " + className(p, 0) + ", " + className(p, 1) + " and "
                + className(p, 2) + ".\n\n"
                + "The multiclass SVM loss with margin 1 for image $i$ with correct class $y_i$ is\n\n"
                + "$$L_i = \\sum_{j \\ne y_i} \\max(0,\\; s_j - s_{y_i} + 1)$$\n\n"
                + "and the loss over the data is the mean of the $L_i$ (no regularisation).";
        Part perImage = Part.builder("losses", "$L_1, L_2, L_3$ (one per image):", AnswerShape.vector(3))
                .expected(Answer.vector(losses))
                .hint("For each image, compare every wrong class's score with the correct class's score.")
                .hint("Image 1: $" + terms + " = " + MathText.number(losses[0]) + "$.")
                .explanation("$$L = " + MathText.rowVector(losses) + "$$")
                .mistake(Answer.vector(withSelf), "Leave out $j = y_i$: that term is always $\\max(0, 1) = 1$.")
                .build();
        Part meanPart = Part.builder("mean", "The mean loss $L$:", AnswerShape.number())
                .expected(Answer.number(mean))
                .hint("Average the three per-image losses.")
                .explanation("$$L = \\tfrac{1}{3}(" + MathText.number(losses[0]) + " + " + MathText.number(losses[1]) + " + "
                        + MathText.number(losses[2]) + ") = " + MathText.number(mean, 2) + "$$")
                .mistake(Answer.number(mean + 1), "Leave out $j = y_i$: that term is always $\\max(0, 1) = 1$.")
                .mistake(Answer.number(mean * 3), "That is the sum; take the mean over the three images.")
                .build();
        List<Given> givens = List.of(new Given("Scores", NumberGrid.matrix(p.scores()), CLASSES, List.of("image 1", "image 2", "image 3")));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(perImage, meanPart));
    }

    private static String className(Problem p, int image) {
        return CLASSES.get(p.labels()[image]);
    }
}
