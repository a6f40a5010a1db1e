import java.util.Arrays;
import java.util.stream.IntStream;

/** Softmax regression with streams; log-sum-exp for stability. */
public record Classifier(int classes) {

    double logSumExp(double[] row) {
        double max = Arrays.stream(row).max().orElseThrow();
        return max + Math.log(Arrays.stream(row).map(v -> Math.exp(v - max)).sum());
    }

    double meanLoss(double[][] scores, int[] labels) {
        return IntStream.range(0, scores.length)
                .mapToDouble(i -> logSumExp(scores[i]) - scores[i][labels[i]])
                .average()
                .orElse(Double.NaN);
    }

    double[][] gradient(double[][] scores, int[] labels) {
        return IntStream.range(0, scores.length).mapToObj(i -> {
            double lse = logSumExp(scores[i]);
            double[] g = Arrays.stream(scores[i]).map(v -> Math.exp(v - lse) / scores.length).toArray();
            g[labels[i]] -= 1.0 / scores.length;
            return g;
        }).toArray(double[][]::new);
    }

    int[] predict(double[][] scores) {
        return Arrays.stream(scores)
                .mapToInt(row -> IntStream.range(0, row.length).reduce((a, b) -> row[a] >= row[b] ? a : b).orElseThrow())
                .toArray();
    }
}
