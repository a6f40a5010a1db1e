package org.lectern.grading.model;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A validated model loaded by {@link ModelEvaluator}, ready to classify images: a whole evaluation set in
 * batches, or one image at a time. Not thread-safe (one DJL predictor, one reused input buffer); close it to free
 * ONNX Runtime's session.
 */
public final class LoadedModel implements AutoCloseable {

    private final ZooModel<ImageTranslator.ImageRef, float[]> model;
    private final Predictor<ImageTranslator.ImageRef, float[]> predictor;
    private final ModelSpec spec;
    private final EvaluatorOptions options;
    private final long parameterCount;
    private final String device;
    private final String executionProvider;
    private final double loadMillis;
    private boolean warm;

    LoadedModel(ZooModel<ImageTranslator.ImageRef, float[]> model, ModelSpec spec, EvaluatorOptions options,
                long parameterCount, String device, String executionProvider, double loadMillis) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.spec = spec;
        this.options = options;
        this.parameterCount = parameterCount;
        this.device = device;
        this.executionProvider = executionProvider;
        this.loadMillis = loadMillis;
    }

    /** "cpu" or "gpu". */
    public String device() {
        return device;
    }

    /** "CPUExecutionProvider" or "CUDAExecutionProvider". */
    public String executionProvider() {
        return executionProvider;
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** Validating and loading, in milliseconds. */
    double loadMillis() {
        return loadMillis;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Scores of one image given as stored values, [C, H, W] row-major (normalised here, as for evaluation). */
    public float[] scores(float[] image) throws ModelEvaluationException {
        if (image.length != spec.imageSize()) {
            throw new IllegalArgumentException("an image has " + spec.imageSize() + " values, not " + image.length);
        }
        return scoresAt(image, 0);
    }

    /** The class with the highest score for one image; -1 when every score is NaN. */
    public int classify(float[] image) throws ModelEvaluationException {
        return Metrics.argmax(scores(image), 0, spec.classes());
    }

    float[] scoresAt(float[] pixels, int offset) throws ModelEvaluationException {
        try {
            return predictor.predict(new ImageTranslator.ImageRef(pixels, offset));
        } catch (TranslateException | RuntimeException e) {
            throw runtimeFailure(e, "one image");
        }
    }

    /**
     * Scores of the images {@code indices[from, to)} of {@code pixels} (stored values, C·H·W per image), one
     * batch, written to {@code into} row-major from row {@code from}.
     */
    void scoreBatch(float[] pixels, int[] indices, int from, int to, float[] into) throws ModelEvaluationException {
        int size = spec.imageSize();
        List<ImageTranslator.ImageRef> batch = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            batch.add(new ImageTranslator.ImageRef(pixels, indices[i] * size));
        }
        List<float[]> scores;
        try {
            scores = predictor.batchPredict(batch);
        } catch (TranslateException | RuntimeException e) {
            throw runtimeFailure(e, to - from == 1 ? "image " + indices[from]
                    : "the batch of images " + indices[from] + " to " + indices[to - 1]);
        }
        int classes = spec.classes();
        for (int i = from; i < to; i++) {
            System.arraycopy(scores.get(i - from), 0, into, i * classes, classes);
        }
    }

    /** The model's scores for a set of images, and what computing them cost. */
    record Inference(float[] scores, double evaluationMillis, double[] latencyMillis) {

        double latencyMean() {
            return java.util.Arrays.stream(latencyMillis).average().orElse(Double.NaN);
        }

        double latencyP95() {
            return ModelEvaluator.percentile(latencyMillis, 95);
        }
    }

    /** Evaluates every image in batches, scores each split, times single-image latency. */
    public EvaluationResult evaluate(EvaluationData data, Metric metric) throws ModelEvaluationException {
        checkData(data, spec);
        Inference inference = infer(data.pixels(), data.size());
        return ModelScoring.result(data, inference.scores(), metric, new ModelScoring.Costs(parameterCount,
                inference.latencyMean(), inference.latencyP95(), inference.latencyMillis().length,
                options.batchSize(), device, executionProvider, loadMillis, inference.evaluationMillis()));
    }

    /**
     * Scores {@code n} images given as stored values, C·H·W each, in batches (row i of the result for image i), then
     * times single-image latency on them: all a sandboxed evaluation computes, since it never sees labels.
     */
    Inference infer(float[] pixels, int n) throws ModelEvaluationException {
        int classes = spec.classes();
        int batchSize = options.batchSize();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        float[] scores = new float[n * classes];

        if (!warm) { // ONNX Runtime allocates and plans on the first run: keep that out of the throughput
            scoresAt(pixels, 0);
            warm = true;
        }
        long start = System.nanoTime();
        for (int from = 0; from < n; from += batchSize) {
            scoreBatch(pixels, all, from, Math.min(n, from + batchSize), scores);
        }
        double evaluationMillis = (System.nanoTime() - start) / 1e6;
        double[] latency = ModelEvaluator.latencyMillis(this, pixels, n, options.latencySamples());
        return new Inference(scores, evaluationMillis, latency);
    }

    static void checkData(EvaluationData data, ModelSpec spec) throws ModelEvaluationException {
        if (data.channels() != spec.channels() || data.height() != spec.height() || data.width() != spec.width()) {
            throw new ModelEvaluationException(Failure.EVALUATION_DATA, "the evaluation data holds ["
                    + data.channels() + "," + data.height() + "," + data.width() + "] images; the assignment's"
                    + " input spec says [" + spec.channels() + "," + spec.height() + "," + spec.width() + "]");
        }
        if (data.classes() != spec.classes()) {
            throw new ModelEvaluationException(Failure.EVALUATION_DATA, "the evaluation data has "
                    + data.classes() + " classes; the assignment's spec says " + spec.classes());
        }
        if (data.size() == 0) {
            throw new ModelEvaluationException(Failure.EVALUATION_DATA, "the evaluation data holds no images");
        }
    }

    private static ModelEvaluationException runtimeFailure(Exception e, String what) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ImageTranslator.ModelOutputException output) {
                return new ModelEvaluationException(Failure.INVALID_MODEL, output.getMessage(),
                        List.of(output.getMessage()), e);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        String message = ModelEvaluator.rootMessage(e);
        Failure failure = ModelEvaluator.looksLikeOutOfMemory(message) ? Failure.OUT_OF_MEMORY : Failure.RUNTIME_ERROR;
        return new ModelEvaluationException(failure, "the model failed on " + what + ": " + message, List.of(), e);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
