package org.lectern.grading.live;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.Failure;
import org.lectern.grading.model.ModelEvaluationException;
import org.lectern.grading.model.ModelEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course CNN loaded once and kept warm, answering live exercises: class probabilities, an occlusion map and
 * the first layer's filters and activations, from one forward pass over a batch of the image and its occluded
 * copies. The model is {@code models/digits-cnn-explained.onnx}: input {@code input} [N,1,8,8] (pixels / 16),
 * outputs {@code logits} [N,10], {@code activations} [N,F,8,8] and {@code filters} [F,1,k,k].
 *
 * <p>Runs in {@link LiveInferenceProcess}, a worker JVM of its own; not thread-safe (one predictor).
 */
public final class DigitExplainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DigitExplainer.class);
    static final int PATCH = 2;
    private static final int POSITIONS = DigitBitmap.SIDE - PATCH + 1;
    private static final float SCALE = 16f;

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final NDManager manager;
    private final String device;

    private DigitExplainer(ZooModel<NDList, NDList> model, String device) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.manager = model.getNDManager().newSubManager();
        this.device = device;
    }

    /** Loads the model on the GPU when there is one (and this build has CUDA), else the CPU; logs which. */
    public static DigitExplainer load(Path onnx, DevicePreference preference, int threads, String cacheDir)
            throws ModelEvaluationException {
        ModelEvaluator.configureDjl(cacheDir);
        ModelEvaluator.onnxRuntimeEngine();
        ModelEvaluator.DeviceChoice choice = ModelEvaluator.chooseDevice(preference);
        Device device = choice.device();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(onnx.toAbsolutePath().getParent())
                .optModelName(onnx.getFileName().toString())
                .optEngine("OnnxRuntime")
                .optDevice(device)
                .optTranslator(new NoopTranslator())
                .optOption("intraOpNumThreads", Integer.toString(threads))
                .optOption("interOpNumThreads", "1")
                .build();
        ZooModel<NDList, NDList> zoo;
        try {
            zoo = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | EngineException e) {
            throw ModelEvaluator.loadFailure(e, onnx);
        }
        String name = device.isGpu() ? "gpu" : "cpu";
        log.info("live exercises run {} on {} ({}), {} intra-op threads", onnx.getFileName(), name, choice.reason(),
                threads);
        DigitExplainer explainer = new DigitExplainer(zoo, name);
        explainer.explain(new float[DigitBitmap.PIXELS]); // ONNX Runtime plans on the first run: not on a student's
        return explainer;
    }

    public String device() {
        return device;
    }

    /** Explains one 8×8 image (values 0..16). */
    public Explanation explain(float[] image) throws ModelEvaluationException {
        if (image.length != DigitBitmap.PIXELS) {
            throw new IllegalArgumentException("an image has " + DigitBitmap.PIXELS + " pixels, not " + image.length);
        }
        int batch = 1 + POSITIONS * POSITIONS;
        float[] input = new float[batch * DigitBitmap.PIXELS];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < DigitBitmap.PIXELS; i++) {
                input[b * DigitBitmap.PIXELS + i] = Math.clamp(image[i], 0f, 16f) / SCALE;
            }
            if (b > 0) { // occluded copy: the patch at (py, px) becomes paper
                int py = (b - 1) / POSITIONS;
                int px = (b - 1) % POSITIONS;
                for (int y = py; y < py + PATCH; y++) {
                    for (int x = px; x < px + PATCH; x++) {
                        input[b * DigitBitmap.PIXELS + y * DigitBitmap.SIDE + x] = 0f;
                    }
                }
            }
        }
        long start = System.nanoTime();
        float[] logits;
        float[] activations;
        float[] filters;
        long[] activationShape;
        long[] filterShape;
        try (NDManager call = manager.newSubManager()) {
            NDArray x = call.create(input, new Shape(batch, 1, DigitBitmap.SIDE, DigitBitmap.SIDE));
            NDList out = predictor.predict(new NDList(x));
            NDArray logitsArray = named(out, "logits", 0);
            NDArray activationArray = named(out, "activations", 1);
            NDArray filterArray = named(out, "filters", 2);
            logits = logitsArray.toFloatArray();
            activationShape = activationArray.getShape().getShape();
            filterShape = filterArray.getShape().getShape();
            float[] all = activationArray.toFloatArray(); // ONNX Runtime's NDArray cannot slice: copy image 0's maps
            activations = java.util.Arrays.copyOf(all, all.length / batch);
            filters = filterArray.toFloatArray();
        } catch (TranslateException | RuntimeException e) {
            throw new ModelEvaluationException(Failure.RUNTIME_ERROR, "the live model failed: "
                    + ModelEvaluator.rootMessage(e));
        }
        double millis = (System.nanoTime() - start) / 1e6;
        int classes = logits.length / batch;
        if (activationShape.length != 4 || filterShape.length != 4 || filterShape[1] != 1) {
            throw new ModelEvaluationException(Failure.INVALID_MODEL, "the live model's activations are "
                    + java.util.Arrays.toString(activationShape) + " and its filters "
                    + java.util.Arrays.toString(filterShape) + "; expected [N,F,8,8] and [F,1,k,k]");
        }
        float[] probabilities = softmax(logits, 0, classes);
        int predicted = argmax(probabilities);
        float[] occlusion = new float[DigitBitmap.PIXELS];
        int[] covering = new int[DigitBitmap.PIXELS];
        for (int p = 0; p < POSITIONS * POSITIONS; p++) {
            float drop = probabilities[predicted] - softmax(logits, (p + 1) * classes, classes)[predicted];
            int py = p / POSITIONS;
            int px = p % POSITIONS;
            for (int y = py; y < py + PATCH; y++) {
                for (int x = px; x < px + PATCH; x++) {
                    occlusion[y * DigitBitmap.SIDE + x] += drop;
                    covering[y * DigitBitmap.SIDE + x]++;
                }
            }
        }
        for (int i = 0; i < occlusion.length; i++) {
            occlusion[i] /= covering[i];
        }
        return new Explanation(image.clone(), probabilities, predicted, occlusion, (int) filterShape[0],
                (int) filterShape[2], filters, activations, millis, device);
    }

    private static NDArray named(NDList out, String name, int fallback) {
        NDArray byName = out.get(name);
        return byName != null ? byName : out.get(fallback);
    }

    static float[] softmax(float[] logits, int from, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < classes; i++) {
            max = Math.max(max, logits[from + i]);
        }
        double sum = 0;
        float[] p = new float[classes];
        for (int i = 0; i < classes; i++) {
            p[i] = (float) Math.exp(logits[from + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < classes; i++) {
            p[i] = (float) (p[i] / sum);
        }
        return p;
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        manager.close();
        predictor.close();
        model.close();
    }
}
