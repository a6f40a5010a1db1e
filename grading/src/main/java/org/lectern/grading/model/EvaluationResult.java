package org.lectern.grading.model;

import java.util.List;

/**
 * A model's scores on an assignment's evaluation data, and what running it cost.
 *
 * @param metric            the assignment's metric
 * @param scores            the metric per split, public first; a split without images is left out
 * @param predictions       the top class for every image, by id
 * @param parameterCount    stored parameters (see {@link OnnxModelInfo#parameterCount()})
 * @param latencyMeanMillis mean time to classify one image on its own (a batch of one, pre- and
 *                          post-processing included), over {@link #latencySamples} images after a warm-up
 * @param latencyP95Millis  95th percentile of the same
 * @param latencySamples    how many single-image runs were timed
 * @param imagesPerSecond   throughput of the evaluation itself, in batches of {@link #batchSize}
 * @param batchSize         images per batch
 * @param device            "cpu" or "gpu"
 * @param executionProvider ONNX Runtime's execution provider: "CPUExecutionProvider" or "CUDAExecutionProvider"
 * @param loadMillis        validating and loading the model
 * @param evaluationMillis  running all batches
 */
public record EvaluationResult(Metric metric, List<SplitScore> scores, List<Prediction> predictions,
                               long parameterCount, double latencyMeanMillis, double latencyP95Millis,
                               int latencySamples, double imagesPerSecond, int batchSize, String device,
                               String executionProvider, double loadMillis, double evaluationMillis) {

    public EvaluationResult {
        scores = List.copyOf(scores);
        predictions = List.copyOf(predictions);
    }

    /** The metric on one split; NaN when the data has no image of that split. */
    public double score(Split split) {
        return scores.stream().filter(s -> s.split() == split).mapToDouble(SplitScore::value).findFirst()
                .orElse(Double.NaN);
    }
}
