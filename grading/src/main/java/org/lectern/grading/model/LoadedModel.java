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

    /** Evaluates every image in batches, scores each split, times single-image latency. */
    public EvaluationResult evaluate(EvaluationData data, Metric metric) throws ModelEvaluationException {
        checkData(data);
        int n = data.size();
        int classes = spec.classes();
        int batchSize = options.batchSize();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        float[] pixels = data.pixels();
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

        double[] latency = ModelEvaluator.latencyMillis(this, data, options.latencySamples());
        double mean = Arrays.stream(latency).average().orElse(Double.NaN);
        double p95 = ModelEvaluator.percentile(latency, 95);

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
        return new EvaluationResult(metric, splitScores, predictions, parameterCount, mean, p95, latency.length,
                n / (evaluationMillis / 1000.0), batchSize, device, executionProvider, loadMillis, evaluationMillis);
    }

    private void checkData(EvaluationData data) throws ModelEvaluationException {
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
