package org.lectern.exercise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * k-nearest neighbours on a handful of 2-D points: the distances to a query under L1 and L2, and
 * the class each metric predicts. Draws avoid ties at the k-th neighbour (so the answer is well
 * defined) and, when a few tries allow, make the two metrics disagree, which is the point of asking
 * for both. Two classes and an odd k rule out tied votes.
 */
public final class KnnExercise implements ExerciseGenerator {

    record Problem(int[][] points, int[] labels, int[] query, int k, List<String> classes) {
    }

    private static final List<List<String>> CLASS_NAMES = List.of(
            List.of("cat", "dog"), List.of("red", "blue"), List.of("circle", "cross"), List.of("plane", "ship"));
    private static final int POINTS = 6;
    private static final double TIE = 1e-9;

    @Override
    public String key() {
        return "knn";
    }

    @Override
    public String title() {
        return "k-nearest neighbours with L1 and L2 distance";
    }

    @Override
    public String topic() {
        return "Image classification";
    }

    @Override
    public ExerciseInstance generate(long seed) {
        return instance(draw(new Draw(seed)), seed);
    }

    static double[] l1(int[][] points, int[] query) {
        return IntStream.range(0, points.length)
                .mapToDouble(i -> Math.abs(points[i][0] - query[0]) + Math.abs(points[i][1] - query[1])).toArray();
    }

    static double[] l2(int[][] points, int[] query) {
        return IntStream.range(0, points.length)
                .mapToDouble(i -> Math.hypot(points[i][0] - query[0], points[i][1] - query[1])).toArray();
    }

    /** The indices of the points from nearest to farthest (equal distances by index). */
    static int[] nearest(double[] distances) {
        return IntStream.range(0, distances.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> distances[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The majority class among the k nearest; with two classes and odd k there is always one. */
    static int predict(double[] distances, int[] labels, int k) {
        int[] order = nearest(distances);
        int[] votes = new int[2];
        for (int i = 0; i < k; i++) {
            votes[labels[order[i]]]++;
        }
        return votes[1] > votes[0] ? 1 : 0;
    }

    /** Whether the k-th and (k+1)-th nearest are equally far, so the k nearest are not well defined. */
    static boolean tiedAtK(double[] distances, int k) {
        int[] order = nearest(distances);
        return k < order.length && Math.abs(distances[order[k - 1]] - distances[order[k]]) < TIE;
    }

    static Problem draw(Draw draw) {
        List<String> classes = draw.pick(CLASS_NAMES);
        for (int attempt = 0; ; attempt++) {
            int k = draw.pickInt(1, 3, 3);
            List<List<Integer>> taken = new ArrayList<>();
            int[][] points = new int[POINTS][];
            for (int i = 0; i < POINTS; i++) {
                int[] p;
                do {
                    p = draw.ints(2, 0, 6);
                } while (taken.contains(List.of(p[0], p[1])));
                taken.add(List.of(p[0], p[1]));
                points[i] = p;
            }
            int[] query;
            do {
                query = draw.ints(2, 0, 6);
            } while (taken.contains(List.of(query[0], query[1])));
            int[] labels = draw.ints(POINTS, 0, 1);
            if (IntStream.of(labels).distinct().count() < 2) {
                continue;
            }
            double[] d1 = l1(points, query);
            double[] d2 = l2(points, query);
            if (tiedAtK(d1, k) || tiedAtK(d2, k)) {
                continue;
            }
            if (predict(d1, labels, k) != predict(d2, labels, k) || attempt >= 30) {
                return new Problem(points, labels, query, k, classes);
            }
        }
    }

    ExerciseInstance instance(Problem p, long seed) {
        double[] d1 = l1(p.points(), p.query());
        double[] d2 = l2(p.points(), p.query());
        int n = p.points().length;
        double[] squared = new double[n];
        for (int i = 0; i < n; i++) {
            squared[i] = d2[i] * d2[i];
        }
        int k = p.k();
        String q = MathText.tuple(p.query()[0], p.query()[1]);
        String prompt = "Classify the query point $q = " + q + "$ with the " + (k == 1 ? "nearest neighbour ($k = 1$)" : "$k = " + k
                + "$ nearest neighbours (majority vote)") + ", using the " + n + " training points below; each row is a point "
                + "and its class.\n\n"
                + "- $L_1$ (Manhattan) distance: $d_1(p, q) = |p_1 - q_1| + |p_2 - q_2|$\n"
                + "- $L_2$ (Euclidean) distance: $d_2(p, q) = \\sqrt{(p_1 - q_1)^2 + (p_2 - q_2)^2}$\n\n"
                + "Give the distances in the order of the points.";
        List<String> rowLabels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rowLabels.add((i + 1) + ": " + p.classes().get(p.labels()[i]));
        }
        int[] p0 = p.points()[0];
        String dx = MathText.term(p0[0] - p.query()[0]);
        String dy = MathText.term(p0[1] - p.query()[1]);
        Part l1 = Part.builder("l1", "$L_1$ distance from each training point to $q$:", AnswerShape.vector(n))
                .expected(Answer.vector(d1))
                .tolerance(Tolerance.EXACT)
                .hint("Point 1: $|" + p0[0] + " - " + p.query()[0] + "| + |" + p0[1] + " - " + p.query()[1] + "| = " + MathText.number(d1[0]) + "$.")
                .explanation("$$d_1 = " + MathText.rowVector(d1) + "$$")
                .mistake(Answer.vector(d2), "Those are $L_2$ distances; $L_1$ adds the absolute differences.")
                .build();
        Part l2 = Part.builder("l2", "$L_2$ distance from each training point to $q$:", AnswerShape.vector(n))
                .expected(Answer.vector(d2))
                .hint("Point 1: $\\sqrt{" + dx + "^2 + " + dy + "^2} = " + MathText.number(d2[0], 2) + "$.")
                .explanation("$$d_2 = " + MathText.rowVector(d2) + "$$")
                .mistake(Answer.vector(squared), "Those are squared distances: take the square root.")
                .mistake(Answer.vector(d1), "Those are $L_1$ distances; $L_2$ is the square root of the sum of squares.")
                .build();
        String voteHint = k == 1 ? "Take the class of the single nearest point." : "Take the " + k + " smallest distances and let their classes vote.";
        Part predictL1 = Part.builder("predict-l1", "Predicted class with $L_1$:", AnswerShape.choice(p.classes()))
                .expected(Answer.choice(predict(d1, p.labels(), k)))
                .hint(voteHint)
                .explanation(neighbours("L_1", d1, p, k))
                .build();
        Part predictL2 = Part.builder("predict-l2", "Predicted class with $L_2$:", AnswerShape.choice(p.classes()))
                .expected(Answer.choice(predict(d2, p.labels(), k)))
                .hint(voteHint)
                .explanation(neighbours("L_2", d2, p, k))
                .build();
        List<Given> givens = List.of(
                new Given("Training points", NumberGrid.matrix(p.points()), rowLabels, List.of("$x_1$", "$x_2$")),
                Given.vector("Query point $q$", p.query()));
        return new ExerciseInstance(key(), seed, prompt, givens, List.of(l1, l2, predictL1, predictL2));
    }

    private static String neighbours(String metric, double[] distances, Problem p, int k) {
        int[] order = nearest(distances);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("point " + (order[i] + 1) + " (" + p.classes().get(p.labels()[order[i]]) + ", $" + MathText.number(distances[order[i]], 2) + "$)");
        }
        return "Nearest under $" + metric + "$: " + String.join(", ", names) + ", so the prediction is "
                + p.classes().get(predict(distances, p.labels(), k)) + ".";
    }
}
