package org.lectern.grading.model;

/**
 * Classification metrics over a model's scores, pure functions.
 *
 * <p>Ranking: a higher score ranks first; equal scores rank by class index, lower first, as {@code numpy.argmax}
 * picks the first maximum (scikit-learn's {@code top_k_accuracy_score} leaves ties to its sort order). So the
 * predicted class is the first highest score, top-1 accuracy equals accuracy, and a constant output scores only
 * what always guessing the first classes scores. NaN never wins: a row of only NaN predicts nothing ({@code -1}),
 * which is wrong for every label, and a label whose score is NaN is never in the top k.
 */
public final class Metrics {

    private Metrics() {
    }

    /** The first index of the highest non-NaN score in {@code scores[offset, offset + classes)}; -1 if all are NaN. */
    public static int argmax(float[] scores, int offset, int classes) {
        int best = -1;
        float bestScore = 0;
        for (int c = 0; c < classes; c++) {
            float score = scores[offset + c];
            if (!Float.isNaN(score) && (best < 0 || score > bestScore)) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** {@link #argmax} of each row of a row-major [n, classes] array. */
    public static int[] predictions(float[] scores, int classes) {
        checkShape(scores, classes);
        int[] predicted = new int[scores.length / classes];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = argmax(scores, i * classes, classes);
        }
        return predicted;
    }

    /** The fraction of predictions equal to their label. */
    public static double accuracy(int[] predicted, int[] labels) {
        checkLengths(predicted.length, labels.length);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /**
     * The fraction of rows whose label is among the k best-ranked classes: fewer than k classes score higher, or
     * equal with a lower index (see the class comment).
     */
    public static double topKAccuracy(float[] scores, int classes, int[] labels, int k) {
        checkShape(scores, classes);
        checkLengths(scores.length / classes, labels.length);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int offset = i * classes;
            int label = labels[i];
            checkLabel(label, classes);
            float own = scores[offset + label];
            if (Float.isNaN(own)) {
                continue;
            }
            int ahead = 0;
            for (int c = 0; c < classes && ahead < k; c++) {
                float score = scores[offset + c];
                if (score > own || (score == own && c < label)) {
                    ahead++;
                }
            }
            if (ahead < k) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /**
     * The unweighted mean over classes of F1 = 2·TP / (2·TP + FP + FN), over the classes that occur among the
     * labels or the predictions (as scikit-learn's {@code f1_score(average='macro')} does by default); a class with
     * no true positive scores 0. A prediction of -1 (no prediction) is a false negative for its label only.
     */
    public static double macroF1(int[] predicted, int[] labels, int classes) {
        checkLengths(predicted.length, labels.length);
        long[] truePositives = new long[classes];
        long[] falsePositives = new long[classes];
        long[] falseNegatives = new long[classes];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            int guess = predicted[i];
            checkLabel(label, classes);
            if (guess < -1 || guess >= classes) {
                throw new IllegalArgumentException("prediction " + guess + " is outside 0.." + (classes - 1));
            }
            if (guess == label) {
                truePositives[label]++;
            } else {
                falseNegatives[label]++;
                if (guess >= 0) {
                    falsePositives[guess]++;
                }
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            long denominator = 2 * truePositives[c] + falsePositives[c] + falseNegatives[c];
            if (denominator > 0) {
                sum += 2.0 * truePositives[c] / denominator;
                present++;
            }
        }
        return sum / present;
    }

    private static void checkShape(float[] scores, int classes) {
        if (classes < 1 || scores.length % classes != 0) {
            throw new IllegalArgumentException(scores.length + " scores are not rows of " + classes);
        }
    }

    private static void checkLengths(int predictions, int labels) {
        if (predictions != labels) {
            throw new IllegalArgumentException(predictions + " predictions for " + labels + " labels");
        }
        if (labels == 0) {
            throw new IllegalArgumentException("no images to score");
        }
    }

    private static void checkLabel(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
        }
    }
}
