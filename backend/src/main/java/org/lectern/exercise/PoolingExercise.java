package org.lectern.exercise;

import java.util.List;

/** Max and average pooling of a small integer feature map, no padding. */
public final class PoolingExercise implements ExerciseGenerator {

    record Problem(int[][] image, int window, int stride) {
    }

    /** {image side, window, stride}: the lecture's 2x2/2 on 4x4, plus overlapping windows. */
    private static final List<int[]> SETTINGS = List.of(
            new int[] {4, 2, 2}, new int[] {4, 2, 2}, new int[] {6, 2, 2}, new int[] {4, 2, 1}, new int[] {4, 3, 1},
            new int[] {5, 3, 2});

    @Override
    public String key() {
        return "pooling";
    }

    @Override
    public String title() {
        return "Max and average pooling";
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
        int[] setting = draw.pick(SETTINGS);
        return new Problem(draw.ints(setting[0], setting[0], 0, 9), setting[1], setting[2]);
    }

    static double[][] maxPool(int[][] image, int window, int stride) {
        return pool(image, window, stride, true);
    }

    static double[][] averagePool(int[][] image, int window, int stride) {
        return pool(image, window, stride, false);
    }

    private static double[][] pool(int[][] image, int window, int stride, boolean max) {
        int out = ConvOutputSizeExercise.outputSize(image.length, window, 0, stride);
        double[][] result = new double[out][out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                double best = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (int a = 0; a < window; a++) {
                    for (int b = 0; b < window; b++) {
                        int v = image[i * stride + a][j * stride + b];
                        best = Math.max(best, v);
                        sum += v;
                    }
                }
                result[i][j] = max ? best : sum / (window * window);
            }
        }
        return result;
    }

    ExerciseInstance instance(Problem p, long seed) {
        int n = p.image().length;
        int w = p.window();
        int s = p.stride();
        int out = ConvOutputSizeExercise.outputSize(n, w, 0, s);
        double[][] max = maxPool(p.image(), w, s);
        double[][] avg = averagePool(p.image(), w, s);
        String prompt = "Pool the " + n + "x" + n + " feature map $X$ with a $" + w + "\\times " + w + "$ window and stride " + s
                + ", without padding" + (s < w ? " (the windows overlap)" : "")
                + ". Max pooling keeps each window's largest value; average pooling its mean.";
        String sizeHint = "The output is $(" + n + " - " + w + ")/" + s + " + 1 = " + out + "$ cells wide.";
        String firstWindow = "The first window is the top-left $" + w + "\\times " + w + "$ block; the next starts " + s
                + (s == 1 ? " column" : " columns") + " to the right.";
        Part maxPart = Part.builder("max", "Max pooling:", AnswerShape.matrix(out, out))
                .expected(Answer.matrix(max))
                .tolerance(Tolerance.EXACT)
                .hint(sizeHint)
                .hint(firstWindow)
                .explanation("$$" + MathText.matrix(max) + "$$")
                .mistake(Answer.matrix(avg), "That is average pooling; here take each window's maximum.")
                .build();
        double[][] sums = Mat.scale(avg, w * w);
        Part avgPart = Part.builder("average", "Average pooling:", AnswerShape.matrix(out, out))
                .expected(Answer.matrix(avg))
                .hint(sizeHint)
                .hint(firstWindow + " Divide each window's sum by " + (w * w) + ".")
                .explanation("$$" + MathText.matrix(avg) + "$$")
                .mistake(Answer.matrix(sums), "Those are the windows' sums: divide each by " + (w * w) + ".")
                .mistake(Answer.matrix(max), "That is max pooling; here take each window's mean.")
                .build();
        return new ExerciseInstance(key(), seed, prompt, List.of(Given.matrix("Feature map $X$", p.image())), List.of(maxPart, avgPart));
    }
}
