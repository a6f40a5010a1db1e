package org.lectern.exercise;

import java.util.List;

/**
 * One scaled dot-product attention step, {@code softmax(Q K^T / sqrt(d_k)) V}, for 3 tokens with
 * d_k = 4 (so the scale is exactly 1/2) and d_v = 2. The softmax runs along each row: each query's
 * weights over the keys add up to 1.
 */
public final class SelfAttentionExercise implements ExerciseGenerator {

    static final int TOKENS = 3;
    static final int KEY_DIM = 4;
    static final int VALUE_DIM = 2;

    record Problem(int[][] q, int[][] k, int[][] v) {
    }

    @Override
    public String key() {
        return "self-attention";
    }

    @Override
    public String title() {
        return "Scaled dot-product self-attention";
    }

    @Override
    public String topic() {
        return "Attention and transformers";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[][] scores(int[][] q, int[][] k, boolean scaled) {
        double[][] raw = Mat.multiply(Mat.of(q), Mat.transpose(Mat.of(k)));
        return scaled ? Mat.scale(raw, 1 / Math.sqrt(q[0].length)) : raw;
    }

    static double[][] weights(int[][] q, int[][] k) {
        return Mat.softmaxRows(scores(q, k, true));
    }

    static double[][] attend(double[][] weights, int[][] v) {
        return Mat.multiply(weights, Mat.of(v));
    }

    static Problem draw(Draw draw) {
        return new Problem(draw.ints(TOKENS, KEY_DIM, -1, 1), draw.ints(TOKENS, KEY_DIM, -1, 1), draw.ints(TOKENS, VALUE_DIM, -2, 4));
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[][] s = scores(p.q(), p.k(), true);
        double[][] unscaled = scores(p.q(), p.k(), false);
        double[][] a = weights(p.q(), p.k());
        double[][] columnSoftmax = Mat.transpose(Mat.softmaxRows(Mat.transpose(s)));
        double[][] out = attend(a, p.v());
        String prompt = "A self-attention layer has computed queries $Q$, keys $K$ and values $V$ for " + TOKENS
                + " tokens (one row per token), with $d_k = " + KEY_DIM + "$. Compute one attention step:\n\n"
                + "$$S = \\frac{Q K^\\top}{\\sqrt{d_k}}, \\qquad A = \\operatorname{softmax}(S), \\qquad O = A V$$\n\n"
                + "where the softmax runs along each row of $S$ (each query's weights over the keys add up to 1).";
        Part scoresPart = Part.builder("scores", "The scaled scores $S$:", AnswerShape.matrix(TOKENS, TOKENS))
                .expected(Answer.matrix(s))
                .hint("$S_{ij}$ is the dot product of query $i$ (row $i$ of $Q$) with key $j$ (row $j$ of $K$), divided by $\\sqrt{"
                        + KEY_DIM + "} = 2$.")
                .explanation("$$S = " + MathText.matrix(s) + "$$")
                .mistake(Answer.matrix(unscaled), "Divide by $\\sqrt{d_k} = 2$.")
                .build();
        Part weightsPart = Part.builder("weights", "The attention weights $A$:", AnswerShape.matrix(TOKENS, TOKENS))
                .expected(Answer.matrix(a))
                .hint("Each row of $A$ is the softmax of that row of $S$: $A_{ij} = e^{S_{ij}} / \\sum_k e^{S_{ik}}$.")
                .hint("Check: every row of $A$ adds up to 1.")
                .explanation("$$A = " + MathText.matrix(Mat.round(a, 2)) + "$$")
                .mistake(Answer.matrix(columnSoftmax), "The softmax runs along each row (over the keys), not down the columns.")
                .mistake(Answer.matrix(Mat.softmaxRows(unscaled)), "Scale the scores by $1/\\sqrt{d_k}$ before the softmax.")
                .build();
        Part outputPart = Part.builder("output", "The output $O = AV$:", AnswerShape.matrix(TOKENS, VALUE_DIM))
                .expected(Answer.matrix(out))
                .hint("Row $i$ of $O$ is the average of the rows of $V$ weighted by row $i$ of $A$.")
                .explanation("$$O = " + MathText.matrix(Mat.round(out, 2)) + "$$")
                .mistake(Answer.matrix(attend(Mat.softmaxRows(unscaled), p.v())), "Scale the scores by $1/\\sqrt{d_k}$ before the softmax.")
                .mistake(Answer.matrix(attend(columnSoftmax, p.v())), "The softmax runs along each row (over the keys), not down the columns.")
                .build();
        List<Given> givens = List.of(Given.matrix("Queries $Q$", p.q()), Given.matrix("Keys $K$", p.k()), Given.matrix("Values $V$", p.v()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(scoresPart, weightsPart, outputPart));
    }
}
