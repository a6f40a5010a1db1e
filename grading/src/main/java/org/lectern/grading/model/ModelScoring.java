package org.lectern.grading.model;

import java.util.ArrayList;
import java.util.List;

/**
 * From a model's scores for every image of the evaluation data to the result: the top class of each image and the
 * assignment's metric per split, against the labels. The one place scores meet labels, whether the model ran in
 * this JVM ({@link LoadedModel#evaluate}) or in the sandbox ({@link IsolatedModelEvaluator}, which gets only the
 * scores back). Pure.
 */
final class ModelScoring {

    /** What running the model cost, as measured where it ran. */
    record Costs(long parameterCount, double latencyMeanMillis, double latencyP95Millis, int latencySamples,
                 int batchSize, String device, String executionProvider, double loadMillis, double evaluationMillis) {
    }

    private ModelScoring() {
    }

    /**
     * @param scores row-major [data.size(), data.classes()], row i for image i
     */
    static EvaluationResult result(EvaluationData data, float[] scores, Metric metric, Costs costs) {
        int n = data.size();
        int classes = data.classes();
        if (scores.length != n * classes) {
            throw new IllegalArgumentException(scores.length + " scores are not " + n + " rows of " + classes);
        }
        int[] predicted = Metrics.predictions(scores, classes);
        List<Prediction> predictions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            predictions.add(new Prediction(i, data.split(i), data.label(i), predicted[i]));
        }
        List<SplitScore> splitScores = new ArrayList<>();
        for (Split split : Split.values()) {
            int[] indices = data.indices(split);
            if (indices.length == 0) {
                continue;
            }
            float[] splitScoresFlat = new float[indices.length * classes];
            int[] labels = new int[indices.length];
            int correct = 0;
            for (int j = 0; j < indices.length; j++) {
                System.arraycopy(scores, indices[j] * classes, splitScoresFlat, j * classes, classes);
                labels[j] = data.label(indices[j]);
                if (predicted[indices[j]] == labels[j]) {
                    correct++;
                }
            }
            splitScores.add(new SplitScore(split, indices.length, correct,
                    metric.score(splitScoresFlat, classes, labels)));
        }
        return new EvaluationResult(metric, splitScores, predictions, costs.parameterCount(),
                costs.latencyMeanMillis(), costs.latencyP95Millis(), costs.latencySamples(),
                n / (costs.evaluationMillis() / 1000.0), costs.batchSize(), costs.device(), costs.executionProvider(),
                costs.loadMillis(), costs.evaluationMillis());
    }
}
