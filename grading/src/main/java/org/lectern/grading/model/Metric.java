package org.lectern.grading.model;

/**
 * How an assignment scores predictions: accuracy, top-k accuracy, or macro-averaged F1.
 *
 * @param kind which metric
 * @param k    for {@link Kind#TOP_K}: how many of the highest scores may hold the label; 1 otherwise
 */
public record Metric(Kind kind, int k) {

    public enum Kind { ACCURACY, TOP_K, MACRO_F1 }

    public Metric {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (k < 1 || (kind != Kind.TOP_K && k != 1)) {
            throw new IllegalArgumentException("k must be 1, or at least 1 for top-k");
        }
    }

    public static Metric accuracy() {
        return new Metric(Kind.ACCURACY, 1);
    }

    public static Metric topK(int k) {
        return new Metric(Kind.TOP_K, k);
    }

    public static Metric macroF1() {
        return new Metric(Kind.MACRO_F1, 1);
    }

    /** "accuracy", "top-5 accuracy", "macro-F1" */
    public String displayName() {
        return switch (kind) {
            case ACCURACY -> "accuracy";
            case TOP_K -> "top-" + k + " accuracy";
            case MACRO_F1 -> "macro-F1";
        };
    }

    /**
     * Scores a set of images.
     *
     * @param scores  row-major [n, classes] model outputs
     * @param classes number of classes
     * @param labels  the n true classes
     */
    public double score(float[] scores, int classes, int[] labels) {
        return switch (kind) {
            case ACCURACY -> Metrics.accuracy(Metrics.predictions(scores, classes), labels);
            case TOP_K -> Metrics.topKAccuracy(scores, classes, labels, k);
            case MACRO_F1 -> Metrics.macroF1(Metrics.predictions(scores, classes), labels, classes);
        };
    }
}
