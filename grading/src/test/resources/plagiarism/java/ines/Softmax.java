/** Softmax classifier on plain arrays: loss, gradient and prediction. */
public final class Softmax {

    private Softmax() {
    }

    /** Row-wise softmax, shifted by the row maximum so that exp() cannot overflow. */
    static double[][] probabilities(double[][] scores) {
        double[][] probs = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double s : scores[i]) {
                max = Math.max(max, s);
            }
            double sum = 0;
            probs[i] = new double[scores[i].length];
            for (int c = 0; c < scores[i].length; c++) {
                probs[i][c] = Math.exp(scores[i][c] - max);
                sum += probs[i][c];
            }
            for (int c = 0; c < scores[i].length; c++) {
                probs[i][c] /= sum;
            }
        }
        return probs;
    }

    /** Mean cross-entropy loss; writes the gradient with respect to the scores into dscores. */
    static double loss(double[][] scores, int[] labels, double[][] dscores) {
        double[][] probs = probabilities(scores);
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            loss -= Math.log(probs[i][labels[i]]);
            for (int c = 0; c < probs[i].length; c++) {
                double indicator = c == labels[i] ? 1.0 : 0.0;
                dscores[i][c] = (probs[i][c] - indicator) / scores.length;
            }
        }
        return loss / scores.length;
    }

    static int[] predict(double[][] scores) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) {
                if (scores[i][c] > scores[i][best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }
}
