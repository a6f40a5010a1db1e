/** Softmax classifier. */
public final class SoftmaxClassifier {

    private SoftmaxClassifier() {
    }

    static int[] argmax(double[][] logits) {
        int[] result = new int[logits.length];
        for (int row = 0; row < logits.length; row++) {
            int arg = 0;
            for (int k = 1; k < logits[row].length; k++) {
                if (logits[row][k] > logits[row][arg]) {
                    arg = k;
                }
            }
            result[row] = arg;
        }
        return result;
    }

    static double[][] softmax(double[][] logits) {
        double[][] p = new double[logits.length][];
        for (int row = 0; row < logits.length; row++) {
            double top = Double.NEGATIVE_INFINITY;
            for (double v : logits[row]) {
                top = Math.max(top, v);
            }
            double total = 0;
            p[row] = new double[logits[row].length];
            for (int k = 0; k < logits[row].length; k++) {
                p[row][k] = Math.exp(logits[row][k] - top);
                total += p[row][k];
            }
            for (int k = 0; k < logits[row].length; k++) {
                p[row][k] /= total;
            }
        }
        return p;
    }

    static double crossEntropy(double[][] logits, int[] targets, double[][] grad) {
        double[][] p = softmax(logits);
        double total = 0;
        for (int row = 0; row < logits.length; row++) {
            total -= Math.log(p[row][targets[row]]);
            for (int k = 0; k < p[row].length; k++) {
                double hit = k == targets[row] ? 1.0 : 0.0;
                grad[row][k] = (p[row][k] - hit) / logits.length;
            }
        }
        return total / logits.length;
    }
}
