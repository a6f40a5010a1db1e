package org.lectern.exercise;

import java.util.List;

/**
 * Class scores of a linear classifier, {@code s = Wx + b}, for a four-pixel image and three classes
 * (CS231n's cat/dog/ship picture), and the class it predicts.
 */
public final class LinearScoreExercise implements ExerciseGenerator {

    record Problem(double[][] weights, int[] pixels, double[] bias) {
    }

    static final List<String> CLASSES = List.of("cat", "dog", "ship");

    @Override
    public String key() {
        return "linear-scores";
    }

    @Override
    public String title() {
        return "Linear classifier scores";
    }

    @Override
    public String topic() {
        return "Linear classifiers";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] scores(double[][] weights, double[] x, double[] bias) {
        double[] s = Mat.multiply(weights, x);
        for (int i = 0; i < s.length; i++) {
            s[i] += bias[i];
        }
        return s;
    }

    static Problem draw(Draw draw) {
        while (true) {
            double[][] w = new double[3][4];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = draw.tenths(-1, 2);
                }
            }
            int[] x = draw.ints(4, 0, 9);
            double[] b = {draw.tenths(-2, 2), draw.tenths(-2, 2), draw.tenths(-2, 2)};
            // A clear winner, so that rounding on the way cannot change the predicted class.
            if (Mat.clearMax(scores(w, Mat.of(x), b), 0.5)) {
                return new Problem(w, x, b);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[] x = Mat.of(p.pixels());
        double[] s = scores(p.weights(), x, p.bias());
        double[] noBias = Mat.multiply(p.weights(), x);
        StringBuilder first = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            first.append(j == 0 ? "" : " + ").append(MathText.term(p.weights()[0][j])).append("\\cdot ").append(MathText.number(x[j]));
        }
        first.append(" + ").append(MathText.term(p.bias()[0]));
        String prompt = "A linear classifier scores an image with pixel values $x$ (flattened to a column) for the classes "
                + String.join(", ", CLASSES) + " (in that order):\n\n$$s = Wx + b$$\n\n"
                + "Row $i$ of $W$ and entry $i$ of $b$ belong to class $i$.";
        Part scores = Part.builder("scores", "The scores $s$ (cat, dog, ship):", AnswerShape.vector(3))
                .expected(Answer.vector(s))
                .hint("Each score is the dot product of one row of $W$ with $x$, plus that class's bias.")
                .hint("The cat score is $" + first + " = " + MathText.number(s[0]) + "$.")
                .explanation("$$s = " + MathText.matrix(p.weights()) + MathText.columnVector(x) + " + " + MathText.columnVector(p.bias())
                        + " = " + MathText.columnVector(s) + "$$")
                .mistake(Answer.vector(noBias), "You have $Wx$; add the bias $b$.")
                .build();
        Part predicted = Part.builder("class", "The predicted class:", AnswerShape.choice(CLASSES))
                .expected(Answer.choice(Mat.argmax(s)))
                .hint("The prediction is the class with the highest score.")
                .explanation("The highest score, $" + MathText.number(s[Mat.argmax(s)]) + "$, is " + CLASSES.get(Mat.argmax(s)) + "'s.")
                .build();
        List<Given> givens = List.of(
                new Given("Weights $W$", NumberGrid.matrix(p.weights()), CLASSES, List.of()),
                Given.vector("Pixels $x$", p.pixels()),
                new Given("Biases $b$", NumberGrid.vector(p.bias()), CLASSES, List.of()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(scores, predicted));
    }
}
