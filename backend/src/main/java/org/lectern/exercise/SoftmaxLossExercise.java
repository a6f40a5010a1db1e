package org.lectern.exercise;

import java.util.Arrays;
import java.util.List;

/**
 * Softmax probabilities of three class scores and the cross-entropy loss of the correct class,
 * {@code L = -ln p_y} (natural log, as in CS231n and every framework).
 */
public final class SoftmaxLossExercise implements ExerciseGenerator {

    record Problem(double[] scores, int label) {
    }

    static final List<String> CLASSES = List.of("cat", "car", "frog");

    @Override
    public String key() {
        return "softmax-ce";
    }

    @Override
    public String title() {
        return "Softmax and cross-entropy loss";
    }

    @Override
    public String topic() {
        return "Loss functions";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] probabilities(double[] scores) {
        return Mat.softmax(scores);
    }

    static double crossEntropy(double[] scores, int label) {
        return -Math.log(probabilities(scores)[label]);
    }

    static Problem draw(Draw draw) {
        while (true) {
            double[] scores = {draw.tenths(-2, 4), draw.tenths(-2, 4), draw.tenths(-2, 4)};
            int label = draw.below(3);
            // Keep the correct class's probability readable to two decimals, so -ln p is not guesswork.
            if (probabilities(scores)[label] >= 0.05) {
                return new Problem(scores, label);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[] s = p.scores();
        double[] probs = probabilities(s);
        double[] exp = Arrays.stream(s).map(Math::exp).toArray();
        double sumExp = Arrays.stream(exp).sum();
        int y = p.label();
        double loss = -Math.log(probs[y]);
        String prompt = "A classifier gives the scores $s$ below for the classes " + String.join(", ", CLASSES) + ". The correct class is "
                + CLASSES.get(y) + ".\n\n"
                + "$$p_k = \\frac{e^{s_k}}{\\sum_j e^{s_j}} \\qquad L = -\\ln p_{y}$$\n\n"
                + "Use the natural logarithm.";
        Part.Builder probBuilder = Part.builder("probabilities", "The softmax probabilities $p$ (cat, car, frog):", AnswerShape.vector(3))
                .expected(Answer.vector(probs))
                .hint("Exponentiate each score: $e^{s} = " + MathText.tuple(Mat.round(exp, 2)) + "$.")
                .hint("Divide each by their sum, $" + MathText.number(sumExp, 2) + "$; the probabilities add up to 1.")
                .explanation("$$p = " + MathText.tuple(Mat.round(probs, 2)) + "$$")
                .mistake(Answer.vector(exp), "Those are $e^{s_k}$: divide each by their sum.");
        double sum = Arrays.stream(s).sum();
        if (Math.abs(sum) >= 0.1) {
            probBuilder.mistake(Answer.vector(Arrays.stream(s).map(v -> v / sum).toArray()), "Exponentiate the scores before normalising.");
        }
        Part probPart = probBuilder.build();
        int other = y == 0 ? 1 : 0;
        Part lossPart = Part.builder("loss", "The cross-entropy loss $L$:", AnswerShape.number())
                .expected(Answer.number(loss))
                .hint("Only the correct class's probability matters: $L = -\\ln p_{" + CLASSES.get(y) + "}$.")
                .explanation("$$L = -\\ln " + MathText.number(probs[y]) + " = " + MathText.number(loss, 2) + "$$")
                .mistake(Answer.number(-Math.log10(probs[y])), "Use the natural logarithm, not log base 10.")
                .mistake(Answer.number(-Math.log(probs[y]) / Math.log(2)), "Use the natural logarithm, not log base 2.")
                .mistake(Answer.number(-Math.log(probs[Mat.argmax(probs)])), "Use the probability of the correct class, "
                        + CLASSES.get(y) + ", not of the most likely one.")
                .mistake(Answer.number(-Math.log(probs[other])), "Use the probability of the correct class, " + CLASSES.get(y) + ".")
                .build();
        List<Given> givens = List.of(new Given("Scores $s$", NumberGrid.vector(s), CLASSES, List.of()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(probPart, lossPart));
    }
}
