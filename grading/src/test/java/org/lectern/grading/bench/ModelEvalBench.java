package org.lectern.grading.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.EvaluationOutcome;
import org.lectern.grading.model.EvaluationResult;
import org.lectern.grading.model.EvaluatorOptions;
import org.lectern.grading.model.IsolatedModelEvaluator;
import org.lectern.grading.model.Layout;
import org.lectern.grading.model.LoadedModel;
import org.lectern.grading.model.Metric;
import org.lectern.grading.model.Metrics;
import org.lectern.grading.model.ModelEvaluator;
import org.lectern.grading.model.ModelSpec;
import org.lectern.grading.model.Normalisation;

/**
 * Model evaluation throughput through Lectern's path ({@link LoadedModel#evaluate}: DJL, the batch-building
 * translator, normalisation, metric) against ONNX Runtime's Java API called directly on the same model, the same
 * data, batch size and intra-op threads (the direct path also normalises and takes the argmax, as any caller
 * must). Rounds alternate between the two so that drift and the other load on the machine hit both alike; each
 * round evaluates the whole evaluation set, and throughput is taken from the median round (also from the totals).
 * Then single-image latency ("live exercise": one request, one image)
 * both ways, and the whole isolated job (sandboxed worker JVM start, load, scores back, scoring) for scale.
 * Prints only; no assertions.
 *
 * <p>Arguments, all optional: {@code --rounds=200 --threads=1,2 --batches=1,64,450 --requests=2000
 * --jobs=5 --model=models/digits-cnn.onnx --data=models/digits-eval}.
 */
public final class ModelEvalBench {

    private static final ModelSpec SPEC = ModelSpec.of(1, 8, 8, Layout.NCHW, Normalisation.dividedBy(16), 10,
            16L << 20, 10_000_000);

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private ModelEvalBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 200;
        int[] threads = {1, 2};
        int requests = 2000;
        int jobs = 5;
        int[] batches = {1, 64, 450};
        Path model = Path.of("models/digits-cnn.onnx");
        Path dataFolder = Path.of("models/digits-eval");
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(value);
            } else if (arg.startsWith("--threads=")) {
                threads = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (arg.startsWith("--requests=")) {
                requests = Integer.parseInt(value);
            } else if (arg.startsWith("--jobs=")) {
                jobs = Integer.parseInt(value);
            } else if (arg.startsWith("--batches=")) {
                batches = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (arg.startsWith("--model=")) {
                model = Path.of(value);
            } else if (arg.startsWith("--data=")) {
                dataFolder = Path.of(value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException(model + " not found: run from the repository root or pass --model=");
        }
        EvaluationData data = EvaluationData.load(dataFolder);
        ModelEvaluator.onnxRuntimeEngine(); // DJL must create the OrtEnvironment before anyone else does
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        System.out.printf(Locale.ROOT, "model %s, %d images, ONNX Runtime %s, CPU, %d cores, %d rounds per row%n",
                model.getFileName(), data.size(), env.getVersion(), Runtime.getRuntime().availableProcessors(), rounds);

        System.out.println();
        System.out.println("| intra-op threads | batch | Lectern (DJL) images/s | ONNX Runtime direct images/s "
                + "| ratio, median rounds | ratio, all rounds | ratio, calling thread's CPU time |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int threadCount : threads) {
            for (int batch : batches) {
                EvaluatorOptions options = new EvaluatorOptions(batch, threadCount, DevicePreference.CPU, 0, null);
                try (LoadedModel lectern = new ModelEvaluator(options).load(model, SPEC);
                     DirectOrt direct = new DirectOrt(env, model, threadCount)) {
                    double expected = lectern.evaluate(data, Metric.accuracy()).scores().getFirst().value();
                    long correct = direct.correct(data, batch);
                    // Warm both until the JIT is done with them: DJL's path is more Java code, and until C2 has
                    // compiled it about 1 % of its calls stall for milliseconds (for tens of thousands of calls here).
                    long warmUntil = System.nanoTime() + WARM_UP.toNanos();
                    while (System.nanoTime() < warmUntil) {
                        lectern.evaluate(data, Metric.accuracy());
                        direct.correct(data, batch);
                    }
                    long[] lecternNanos = new long[rounds];
                    long[] directNanos = new long[rounds];
                    long lecternCpu = 0;
                    long directCpu = 0;
                    for (int r = 0; r < rounds; r++) {
                        long cpuStart = cpu.getCurrentThreadCpuTime();
                        long start = System.nanoTime();
                        EvaluationResult result = lectern.evaluate(data, Metric.accuracy());
                        lecternNanos[r] = System.nanoTime() - start;
                        long cpuMiddle = cpu.getCurrentThreadCpuTime();
                        start = System.nanoTime();
                        long directCorrect = direct.correct(data, batch);
                        directNanos[r] = System.nanoTime() - start;
                        long cpuEnd = cpu.getCurrentThreadCpuTime();
                        lecternCpu += cpuMiddle - cpuStart;
                        directCpu += cpuEnd - cpuMiddle;
                        if (result.scores().getFirst().value() != expected || directCorrect != correct) {
                            throw new IllegalStateException("results changed between rounds");
                        }
                    }
                    // Medians: the machine is shared, and a round that another process interrupted says nothing.
                    double lecternRate = data.size() / (median(lecternNanos) / 1e9);
                    double directRate = data.size() / (median(directNanos) / 1e9);
                    double allRounds = (double) Arrays.stream(directNanos).sum() / Arrays.stream(lecternNanos).sum();
                    // With one intra-op thread ONNX Runtime computes on the calling thread, so that thread's CPU time
                    // is all the work, whatever else the machine runs; with more, the pool's share is not in it.
                    String cpuRatio = threadCount == 1
                            ? String.format(Locale.ROOT, "%.3f", (double) directCpu / lecternCpu) : "–";
                    System.out.printf(Locale.ROOT, "| %d | %d | %,.0f | %,.0f | **%.3f** | %.3f | %s |%n", threadCount,
                            batch, lecternRate, directRate, lecternRate / directRate, allRounds, cpuRatio);
                }
            }
        }
        int threadsForLatency = threads[threads.length - 1];

        System.out.println();
        System.out.println("Live exercise: one image per request, " + requests + " requests each way, alternating,"
                + " after " + WARM_UP.toSeconds() + " s of warm-up, " + threadsForLatency + " intra-op threads");
        System.out.println("| path | mean ms | p50 ms | p95 ms | p99 ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        EvaluatorOptions single = new EvaluatorOptions(1, threadsForLatency, DevicePreference.CPU, 0, null);
        try (LoadedModel lectern = new ModelEvaluator(single).load(model, SPEC);
             DirectOrt direct = new DirectOrt(env, model, threadsForLatency)) {
            double[] lecternMillis = new double[requests];
            double[] directMillis = new double[requests];
            long warmUntil = System.nanoTime() + WARM_UP.toNanos();
            for (int i = 0; System.nanoTime() < warmUntil; i++) {
                lectern.classify(data.image(i % data.size()));
                direct.classify(data.image(i % data.size()));
            }
            for (int i = 0; i < requests; i++) {
                float[] image = data.image(i % data.size());
                long start = System.nanoTime();
                int a = lectern.classify(image);
                lecternMillis[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                int b = direct.classify(image);
                directMillis[i] = (System.nanoTime() - start) / 1e6;
                if (a != b) {
                    throw new IllegalStateException("the paths disagree on image " + (i % data.size()));
                }
            }
            printLatency("Lectern `LoadedModel.classify`", lecternMillis);
            printLatency("ONNX Runtime direct", directMillis);
        }

        if (jobs > 0) {
            System.out.println();
            IsolatedModelEvaluator isolated = new IsolatedModelEvaluator(
                    EvaluationLimits.of(Duration.ofSeconds(60), 1L << 30),
                    new EvaluatorOptions(64, threadsForLatency, DevicePreference.CPU, 50, null));
            double[] wall = new double[jobs];
            EvaluationResult last = null;
            for (int i = 0; i < jobs; i++) {
                long start = System.nanoTime();
                EvaluationOutcome outcome = isolated.evaluate(model, dataFolder, SPEC, Metric.accuracy());
                wall[i] = (System.nanoTime() - start) / 1e6;
                if (!(outcome instanceof EvaluationOutcome.Evaluated evaluated)) {
                    throw new IllegalStateException("isolated evaluation failed: " + outcome);
                }
                last = evaluated.result();
            }
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "Isolated job (sandboxed worker JVM, validate, load, %d images in batches of 64, "
                            + "50 timed single images): median %.0f ms of %d (min %.0f, max %.0f); inside the worker: "
                            + "load %.0f ms, evaluation %.1f ms (%,.0f images/s), latency mean %.3f ms, p95 %.3f ms%n",
                    data.size(), wall[jobs / 2], jobs, wall[0], wall[jobs - 1], last.loadMillis(),
                    last.evaluationMillis(), last.imagesPerSecond(), last.latencyMeanMillis(), last.latencyP95Millis());
        }
        System.exit(0); // not halt: the sandboxed runtime folder is removed by a shutdown hook
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static void printLatency(String path, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", path,
                Arrays.stream(sorted).average().orElseThrow(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    private static double rank(double[] sorted, double p) {
        return sorted[Math.clamp((int) Math.ceil(p / 100 * sorted.length) - 1, 0, sorted.length - 1)];
    }

    /** ONNX Runtime's Java API, as a caller without Lectern would use it. */
    private static final class DirectOrt implements AutoCloseable {
        private final OrtEnvironment env;
        private final OrtSession session;
        private final String input;
        private FloatBuffer buffer = FloatBuffer.allocate(0);
        private float[] scratch = new float[0];
        private float[] pixels;

        DirectOrt(OrtEnvironment env, Path model, int threads) throws Exception {
            this.env = env;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                this.session = env.createSession(model.toString(), options);
            }
            this.input = session.getInputNames().iterator().next();
        }

        /** Evaluates every image in batches; returns how many it got right. */
        long correct(EvaluationData data, int batch) throws Exception {
            int n = data.size();
            int size = data.imageSize();
            long correct = 0;
            for (int from = 0; from < n; from += batch) {
                int count = Math.min(batch, n - from);
                float[] scores = run(data, from, count, size);
                for (int i = 0; i < count; i++) {
                    if (Metrics.argmax(scores, i * 10, 10) == data.label(from + i)) {
                        correct++;
                    }
                }
            }
            return correct;
        }

        int classify(float[] image) throws Exception {
            ensure(image.length);
            for (int i = 0; i < image.length; i++) {
                scratch[i] = image[i] / 16f;
            }
            return Metrics.argmax(infer(1, image.length), 0, 10);
        }

        private float[] run(EvaluationData data, int from, int count, int size) throws Exception {
            if (pixels == null) { // all stored values in one array, as Lectern holds them
                pixels = new float[data.size() * size];
                for (int i = 0; i < data.size(); i++) {
                    System.arraycopy(data.image(i), 0, pixels, i * size, size);
                }
            }
            ensure(count * size);
            for (int j = 0, offset = from * size; j < count * size; j++) {
                scratch[j] = pixels[offset + j] / 16f;
            }
            return infer(count, count * size);
        }

        private float[] infer(int count, int values) throws Exception {
            buffer.clear();
            buffer.put(scratch, 0, values).flip();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {count, 1, 8, 8});
                 OrtSession.Result result = session.run(Map.of(input, tensor))) {
                FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] scores = new float[out.remaining()];
                out.get(scores);
                return scores;
            }
        }

        private void ensure(int values) {
            if (scratch.length < values) {
                scratch = new float[values];
                buffer = ByteBuffer.allocateDirect(values * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
        }
    }
}
