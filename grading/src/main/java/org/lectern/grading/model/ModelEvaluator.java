package org.lectern.grading.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.ValueInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates ONNX models with Deep Java Library on ONNX Runtime, on the GPU when there is one and this build's
 * ONNX Runtime has the CUDA provider (the grading module's {@code gpu} Maven profile), otherwise on the CPU: the
 * same code either way. Logs which execution provider it uses.
 *
 * <p>Runs the model in this JVM: workers call it through {@link IsolatedModelEvaluator}, which starts a separate
 * process inside the sandbox, with time and memory limits, that gets the input values only. Loading:
 * <ol>
 *   <li>{@link ModelValidator#validate} on the file (again: the worker does not trust the web app's check);</li>
 *   <li>an ONNX Runtime session without graph optimisations, only to cross-check the input and output that
 *       ONNX Runtime reports against the spec, and to report a load failure in ONNX Runtime's own words
 *       (DJL does not expose its session);</li>
 *   <li>the model through DJL's {@link Criteria} with an {@link ImageTranslator}, offline: DJL is told
 *       {@code ai.djl.offline=true} and given a cache folder, so it never reaches the network.</li>
 * </ol>
 */
public final class ModelEvaluator {

    private static final Logger log = LoggerFactory.getLogger(ModelEvaluator.class);
    private static final int LATENCY_WARMUP = 3;

    private final EvaluatorOptions options;

    public ModelEvaluator(EvaluatorOptions options) {
        this.options = options;
    }

    public EvaluatorOptions options() {
        return options;
    }

    /** Loads, evaluates every split, closes. */
    public EvaluationResult evaluate(Path model, EvaluationData data, ModelSpec spec, Metric metric)
            throws ModelEvaluationException {
        try (LoadedModel loaded = load(model, spec)) {
            return loaded.evaluate(data, metric);
        }
    }

    /** Validates and loads a model for repeated use (a live exercise classifying images one at a time). */
    public LoadedModel load(Path model, ModelSpec spec) throws ModelEvaluationException {
        long start = System.nanoTime();
        configureDjl(options.cacheDir());
        onnxRuntimeEngine();
        ValidationReport report;
        try {
            report = ModelValidator.validate(model, spec);
        } catch (IOException e) {
            throw new ModelEvaluationException(Failure.LOAD_FAILED, "the model file could not be read: "
                    + e.getMessage());
        }
        if (!report.ok()) {
            throw new ModelEvaluationException(Failure.INVALID_MODEL, String.join("; ", report.problems()),
                    report.problems(), null);
        }
        crossCheckWithOnnxRuntime(model, spec);

        DeviceChoice choice = chooseDevice(options.device());
        ZooModel<ImageTranslator.ImageRef, float[]> zooModel;
        try {
            zooModel = loadWithDjl(model, spec, choice.device());
        } catch (ModelEvaluationException e) {
            if (options.device() != DevicePreference.AUTO || !choice.device().isGpu()) {
                throw e;
            }
            log.warn("loading {} on the GPU failed ({}); falling back to the CPU", model.getFileName(), e.getMessage());
            choice = new DeviceChoice(Device.cpu(), "the GPU could not be used: " + e.getMessage());
            zooModel = loadWithDjl(model, spec, choice.device());
        }
        String provider = choice.device().isGpu() ? "CUDAExecutionProvider" : "CPUExecutionProvider";
        String device = choice.device().isGpu() ? "gpu" : "cpu";
        log.info("ONNX Runtime {} runs {} on {} with {} ({}), {} intra-op threads", onnxRuntimeVersion(),
                model.getFileName(), device, provider, choice.reason(), options.intraOpThreads());
        double loadMillis = (System.nanoTime() - start) / 1e6;
        return new LoadedModel(zooModel, spec, options, report.model().parameterCount(), device, provider,
                loadMillis);
    }

    /** The device a preference resolves to on this machine, and why. */
    public record DeviceChoice(Device device, String reason) {
    }

    public static DeviceChoice chooseDevice(DevicePreference preference) throws ModelEvaluationException {
        boolean cudaProvider = cudaProviderAvailable();
        boolean nvidiaDevice = Files.exists(Path.of("/dev/nvidia0"));
        return switch (preference) {
            case CPU -> new DeviceChoice(Device.cpu(), "CPU requested");
            case GPU -> {
                if (!cudaProvider) {
                    throw new ModelEvaluationException(Failure.LOAD_FAILED, "a GPU was requested but this build's"
                            + " ONNX Runtime has no CUDA provider (build the worker with mvn -P gpu)");
                }
                yield new DeviceChoice(Device.gpu(), "GPU requested");
            }
            case AUTO -> {
                if (cudaProvider && nvidiaDevice) {
                    yield new DeviceChoice(Device.gpu(), "CUDA provider and /dev/nvidia0 present");
                }
                yield new DeviceChoice(Device.cpu(), cudaProvider
                        ? "no GPU: /dev/nvidia0 is missing"
                        : "this ONNX Runtime build has no CUDA provider");
            }
        };
    }

    /**
     * Starts DJL's ONNX Runtime engine, which creates the process's one {@link OrtEnvironment} with its own
     * threading options: anything that calls {@link OrtEnvironment#getEnvironment()} first makes DJL fail.
     */
    public static void onnxRuntimeEngine() throws ModelEvaluationException {
        try {
            Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException | LinkageError e) {
            throw new ModelEvaluationException(Failure.LOAD_FAILED, "ONNX Runtime could not be started: "
                    + rootMessage(e), List.of(), e);
        }
    }

    static boolean cudaProviderAvailable() {
        try {
            return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static String onnxRuntimeVersion() {
        try {
            return OrtEnvironment.getEnvironment().getVersion();
        } catch (RuntimeException | LinkageError e) {
            return "(version unknown)";
        }
    }

    /**
     * Points DJL at a cache folder and keeps it offline, unless the caller already set these: DJL otherwise looks
     * for engines and model zoos on the network and sends telemetry.
     */
    public static void configureDjl(String cacheDir) {
        String dir = cacheDir != null ? cacheDir
                : Path.of(System.getProperty("java.io.tmpdir"), "lectern-djl").toString();
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("DJL_CACHE_DIR", dir);
        setIfAbsent("ENGINE_CACHE_DIR", dir);
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static void crossCheckWithOnnxRuntime(Path model, ModelSpec spec) throws ModelEvaluationException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            sessionOptions.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toString(), sessionOptions)) {
                List<String> problems = ModelValidator.checkSignature(describe(session.getInputInfo()),
                        describe(session.getOutputInfo()), spec);
                if (!problems.isEmpty()) {
                    throw new ModelEvaluationException(Failure.INVALID_MODEL, String.join("; ", problems), problems,
                            null);
                }
            }
        } catch (OrtException e) {
            throw loadFailure(e, model);
        }
    }

    /** A load failure in ONNX Runtime's words, with the model's host path reduced to its file name. */
    public static ModelEvaluationException loadFailure(Throwable e, Path model) {
        String message = rootMessage(e).replace(model.toAbsolutePath().toString(), model.getFileName().toString())
                .replace(model.toString(), model.getFileName().toString());
        Failure failure = looksLikeOutOfMemory(message) ? Failure.OUT_OF_MEMORY : Failure.LOAD_FAILED;
        return new ModelEvaluationException(failure, "the model could not be loaded: " + message, List.of(), e);
    }

    static boolean looksLikeOutOfMemory(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("bad_alloc") || lower.contains("failed to allocate")
                || lower.contains("cannot allocate memory") || lower.contains("out of memory");
    }

    /** The innermost cause's message: ONNX Runtime's own words, not DJL's wrapper. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }

    private static List<TensorInfo> describe(Map<String, NodeInfo> nodes) {
        List<TensorInfo> result = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof ai.onnxruntime.TensorInfo tensor) {
                List<Dim> dims = new ArrayList<>();
                String[] names = tensor.getDimensionNames();
                long[] shape = tensor.getShape();
                for (int i = 0; i < shape.length; i++) {
                    String name = names != null && i < names.length && !names[i].isEmpty() ? names[i] : null;
                    dims.add(shape[i] >= 0 ? Dim.of(shape[i]) : new Dim(-1, name));
                }
                result.add(new TensorInfo(node.getName(), typeName(tensor.type), true, true, dims));
            } else {
                String kind = info.getClass().getSimpleName().replace("Info", "").toLowerCase(Locale.ROOT);
                result.add(new TensorInfo(node.getName(), kind, false, false, List.of()));
            }
        }
        return result;
    }

    private static String typeName(ai.onnxruntime.OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            case BFLOAT16 -> "bfloat16";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case BOOL -> "bool";
            case STRING -> "string";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private ZooModel<ImageTranslator.ImageRef, float[]> loadWithDjl(Path model, ModelSpec spec, Device device)
            throws ModelEvaluationException {
        Criteria<ImageTranslator.ImageRef, float[]> criteria = Criteria.builder()
                .setTypes(ImageTranslator.ImageRef.class, float[].class)
                .optModelPath(model.toAbsolutePath().getParent())
                .optModelName(model.getFileName().toString())
                .optEngine("OnnxRuntime")
                .optDevice(device)
                .optTranslator(new ImageTranslator(spec))
                .optOption("intraOpNumThreads", Integer.toString(options.intraOpThreads()))
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | EngineException e) {
            throw loadFailure(e, model);
        }
    }

    static double percentile(double[] sortedValues, double p) {
        if (sortedValues.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedValues.length) - 1;
        return sortedValues[Math.clamp(rank, 0, sortedValues.length - 1)];
    }

    /** Times {@code samples} single images, cycling through the {@code n} images after a short warm-up. */
    static double[] latencyMillis(LoadedModel model, float[] pixels, int n, int samples)
            throws ModelEvaluationException {
        if (samples == 0 || n == 0) {
            return new double[0];
        }
        int size = pixels.length / n;
        for (int i = 0; i < LATENCY_WARMUP; i++) {
            model.scoresAt(pixels, (i % n) * size);
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            model.scoresAt(pixels, (i % n) * size);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
