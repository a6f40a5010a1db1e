package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lectern.grading.model.OnnxWriter.FLOAT;
import static org.lectern.grading.model.OnnxWriter.floatTensor;
import static org.lectern.grading.model.OnnxWriter.graph;
import static org.lectern.grading.model.OnnxWriter.int64Tensor;
import static org.lectern.grading.model.OnnxWriter.intAttribute;
import static org.lectern.grading.model.OnnxWriter.node;
import static org.lectern.grading.model.OnnxWriter.valueInfo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.grading.Sandbox;
import org.junit.jupiter.api.io.TempDir;

/** Each evaluation here starts a JVM: about a second each on two cores, plus the time limit for the loop. */
class IsolatedModelEvaluatorTest {

    private static final EvaluatorOptions OPTIONS = new EvaluatorOptions(64, 2, DevicePreference.CPU, 5, null);
    private static final EvaluationLimits LIMITS = new EvaluationLimits(Duration.ofSeconds(6), 512L << 20, 128L << 20);
    /**
     * The same memory limits with time to spare: on a loaded machine a worker JVM can take most of 6 s to
     * start, and a memory hog must then still be stopped by its memory limit, not by the clock.
     */
    private static final EvaluationLimits MEMORY_LIMITS = new EvaluationLimits(Duration.ofSeconds(120), 512L << 20, 128L << 20);

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    /** The sandbox's uid must be able to enter the folders above each job folder. */
    @BeforeEach
    void letTheSandboxUidEnter() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
    }

    private IsolatedModelEvaluator evaluator(EvaluationLimits limits) {
        return new IsolatedModelEvaluator(limits, OPTIONS, WorkerLauncher.currentJvm(), tmp.resolve("jobs"));
    }

    private static EvaluationResult evaluated(EvaluationOutcome outcome) {
        assertThat(outcome).isInstanceOf(EvaluationOutcome.Evaluated.class);
        return ((EvaluationOutcome.Evaluated) outcome).result();
    }

    private static EvaluationOutcome.Failed failed(EvaluationOutcome outcome) {
        assertThat(outcome).isInstanceOf(EvaluationOutcome.Failed.class);
        return (EvaluationOutcome.Failed) outcome;
    }

    /** Flatten → Gemm for the logits, plus a ConstantOfShape of 2^30 floats (4 GiB) summed into them. */
    private Path memoryHog() throws IOException {
        return OnnxWriter.write(tmp, "hog.onnx", OnnxWriter.model(graph("hog",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("Gemm", List.of("flat", "w", "b"), List.of("scores")),
                        node("ConstantOfShape", List.of("big"), List.of("zeros")),
                        node("ReduceSum", List.of("zeros"), List.of("total"), intAttribute("keepdims", 0)),
                        node("Add", List.of("scores", "total"), List.of("logits"))),
                List.of(floatTensor("w", new long[] {64, 10}), floatTensor("b", new long[] {10}),
                        int64Tensor("big", new long[] {1}, 1L << 30)),
                List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)), List.of(valueInfo("logits", FLOAT, "N", 10L)))));
    }

    private Path unknownOperator() throws IOException {
        return OnnxWriter.write(tmp, "unknown-op.onnx", OnnxWriter.model(graph("g",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("Frobnicate", List.of("flat"), List.of("logits"))),
                List.of(), List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)),
                List.of(valueInfo("logits", FLOAT, "N", 10L)))));
    }

    private Path tooLarge() throws IOException {
        return OnnxWriter.write(tmp, "huge.onnx", OnnxWriter.model(graph("wide",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("MatMul", List.of("flat", "w1"), List.of("hidden")),
                        node("MatMul", List.of("hidden", "w2"), List.of("logits"))),
                List.of(floatTensor("w1", new long[] {64, 20_000}), floatTensor("w2", new long[] {20_000, 10})),
                List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)), List.of(valueInfo("logits", FLOAT, "N", 10L)))));
    }

    @Test
    void hostileModelsFailOnTheirOwnAndTheNextEvaluationSucceeds() throws Exception {
        IsolatedModelEvaluator isolated = evaluator(LIMITS);
        Path data = Fixtures.evalData();

        long start = System.nanoTime();
        EvaluationOutcome.Failed loop = failed(isolated.evaluate(Fixtures.fixture("endless-loop.onnx"), data,
                Fixtures.DIGITS, Metric.accuracy()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(loop.failure()).isEqualTo(Failure.TIME_LIMIT);
        assertThat(loop.message()).isEqualTo("evaluation exceeded 6 s and was stopped");
        assertThat(seconds).isGreaterThanOrEqualTo(6.0);
        assertThat(ProcessHandle.current().children()).isEmpty();

        isolated = evaluator(MEMORY_LIMITS);
        EvaluationOutcome.Failed hog = failed(isolated.evaluate(memoryHog(), data, Fixtures.DIGITS,
                Metric.accuracy()));
        assertThat(hog.failure()).isEqualTo(Failure.OUT_OF_MEMORY);
        assertThat(hog.message()).isEqualTo("the model ran out of memory (limit 512 MiB)");

        EvaluationOutcome.Failed unknown = failed(isolated.evaluate(unknownOperator(), data, Fixtures.DIGITS,
                Metric.accuracy()));
        assertThat(unknown.failure()).isEqualTo(Failure.LOAD_FAILED);
        assertThat(unknown.message()).startsWith("the model could not be loaded: ").contains("Frobnicate");

        EvaluationOutcome.Failed random = failed(isolated.evaluate(Fixtures.fixture("random-bytes.onnx"), data,
                Fixtures.DIGITS, Metric.accuracy()));
        assertThat(random.failure()).isEqualTo(Failure.INVALID_MODEL);
        assertThat(random.message()).startsWith("the file is not an ONNX model: ");
        assertThat(random.workerLog()).isEmpty(); // refused before any process started

        EvaluationOutcome.Failed huge = failed(isolated.evaluate(tooLarge(), data, Fixtures.DIGITS,
                Metric.accuracy()));
        assertThat(huge.failure()).isEqualTo(Failure.INVALID_MODEL);
        assertThat(huge.problems()).containsExactly("the file is 5.6 MiB; the limit is 1 MiB",
                "1,480,000 parameters exceed the limit of 1,000,000");

        EvaluationResult good = evaluated(isolated.evaluate(Fixtures.model("digits-cnn.onnx"), data,
                Fixtures.DIGITS, Metric.accuracy()));
        assertThat(good.predictions().stream().filter(Prediction::correct).count()).isEqualTo(439);

        try (Stream<Path> left = Files.list(tmp.resolve("jobs"))) {
            assertThat(left).as("job folders left behind").isEmpty();
        }
    }

    @Test
    void theWorkersResultIsTheInProcessResult() throws Exception {
        EvaluationOutcome outcome = evaluator(EvaluationLimits.of(Duration.ofSeconds(60), 1L << 30))
                .evaluate(Fixtures.model("digits-mlp.onnx"), Fixtures.evalData(), Fixtures.DIGITS, Metric.macroF1());
        EvaluationResult isolated = evaluated(outcome);
        EvaluationResult local = new ModelEvaluator(OPTIONS).evaluate(Fixtures.model("digits-mlp.onnx"),
                EvaluationData.load(Fixtures.evalData()), Fixtures.DIGITS, Metric.macroF1());

        assertThat(isolated.metric()).isEqualTo(Metric.macroF1());
        assertThat(isolated.scores()).isEqualTo(local.scores());
        assertThat(isolated.predictions()).isEqualTo(local.predictions());
        assertThat(isolated.parameterCount()).isEqualTo(1_210);
        assertThat(isolated.device()).isEqualTo("cpu");
        assertThat(((EvaluationOutcome.Evaluated) outcome).wallTime()).isPositive();
    }

    /** Bug: a relative work root (the app's default data dir is relative) made the worker, started inside its job folder, miss job.json. */
    @Test
    void aRelativeWorkRootStillWorks() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(tmp.resolve("relative-jobs"));
        assertThat(relative.isAbsolute()).isFalse();
        EvaluationOutcome outcome = new IsolatedModelEvaluator(EvaluationLimits.of(Duration.ofSeconds(60), 1L << 30), OPTIONS,
                WorkerLauncher.currentJvm(), relative)
                .evaluate(Fixtures.model("digits-mlp.onnx"), Fixtures.evalData(), Fixtures.DIGITS, Metric.accuracy());
        assertThat(evaluated(outcome).parameterCount()).isEqualTo(1_210);
    }

    @Test
    void brokenEvaluationDataIsTheInstructorsProblem() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-data"));

        EvaluationOutcome.Failed outcome = failed(evaluator(LIMITS).evaluate(Fixtures.model("digits-cnn.onnx"), empty,
                Fixtures.DIGITS, Metric.accuracy()));

        assertThat(outcome.failure()).isEqualTo(Failure.EVALUATION_DATA);
        assertThat(outcome.message()).isEqualTo("the evaluation data is broken: data.json is missing in " + empty);
    }

    @Test
    void aWorkerThatCannotStartIsReported() throws Exception {
        WorkerLauncher current = WorkerLauncher.currentJvm();
        WorkerLauncher broken = new WorkerLauncher(current.java(), current.classpath(), List.of(), "org.lectern.NoSuchMain");

        EvaluationOutcome.Failed outcome = failed(new IsolatedModelEvaluator(LIMITS, OPTIONS, broken, tmp.resolve("jobs"))
                .evaluate(Fixtures.model("digits-cnn.onnx"), Fixtures.evalData(), Fixtures.DIGITS, Metric.accuracy()));

        assertThat(outcome.failure()).isEqualTo(Failure.WORKER_CRASHED);
        assertThat(outcome.message()).isEqualTo("the evaluation worker exited with code 1 while running the model");
        assertThat(outcome.workerLog()).contains("org.lectern.NoSuchMain");
    }

    private IsolatedModelEvaluator evaluatorRunning(Class<?> main, String... jvmOptions) {
        WorkerLauncher current = WorkerLauncher.currentJvm();
        return new IsolatedModelEvaluator(LIMITS, OPTIONS,
                new WorkerLauncher(current.java(), current.classpath(), List.of(jvmOptions), main.getName()),
                tmp.resolve("jobs"));
    }

    /**
     * Bug: the model ran in a JVM beside the private labels, the data folder and the network. The process the
     * evaluator starts now sees only its job folder (model, input values, job file), and nothing says which images
     * are private.
     */
    @Test
    void theModelProcessSeesNeitherLabelsNorDataNorNetworkNorSecrets() throws Exception {
        Path labels = Fixtures.evalData().resolve("labels.csv");
        Path canary = Files.writeString(tmp.resolve("canary.txt"), "where the old worker could read");
        Files.setPosixFilePermissions(canary, PosixFilePermissions.fromString("rw-r--r--"));
        try (ServerSocket database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EvaluationOutcome.Failed outcome = failed(evaluatorRunning(SandboxProbeProcess.class,
                    "-Dprobe.read=" + labels + "," + Fixtures.evalData().resolve("images.f32") + "," + canary
                            + ",/job/model.onnx",
                    "-Dprobe.port=" + database.getLocalPort())
                    .evaluate(Fixtures.model("digits-mlp.onnx"), Fixtures.evalData(), Fixtures.DIGITS,
                            Metric.accuracy()));

            assertThat(outcome.failure()).isEqualTo(Failure.WORKER_CRASHED);
            assertThat(outcome.message()).isEqualTo("the evaluation worker exited with code 3 while running the model");
            String seen = outcome.workerLog();
            assertThat(seen).contains("read " + labels + ": NoSuchFileException",
                    "read " + Fixtures.evalData().resolve("images.f32") + ": NoSuchFileException",
                    "read " + canary + ": NoSuchFileException",
                    "read /job/model.onnx: ok",
                    "job folder: [inputs.f32, job.json, model.onnx]");
            assertThat(seen).containsPattern("connect: (ConnectException|SocketException|NoRouteToHostException) ")
                    .doesNotContain("connect: ok")
                    .doesNotContain("LECTERN_TEST_SECRET");
            String jobFile = seen.lines().filter(line -> line.startsWith("job file: ")).findFirst().orElseThrow();
            assertThat(jobFile).doesNotContainIgnoringCase("private").doesNotContainIgnoringCase("public")
                    .doesNotContain("label").doesNotContain(Fixtures.evalData().toString());
            database.setSoTimeout(1);
            assertThatThrownBy(database::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** A subverted model process cannot make up a grade: its outputs are checked, and a malformed one scores nothing. */
    @Test
    void malformedOutputsAreRefusedWithAClearMessage() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("nan", "the model's score for image 5, class 3 is NaN; scores must be finite numbers");
        expected.put("rows", "the model returned scores for 449 images; 450 were given");
        expected.put("shape", "the model's outputs hold 16,200 bytes of scores; [450,10] float32 scores take 18,000");
        expected.put("garbage", "the evaluation returned no outputs in the expected format");
        expected.put("flood", "the model's outputs reached the 83,562-byte limit; 450 rows of 10 float32 scores need"
                + " 18,000");
        for (Map.Entry<String, String> mode : expected.entrySet()) {
            EvaluationOutcome.Failed outcome = failed(evaluatorRunning(HostileOutputProcess.class,
                    "-Dhostile.mode=" + mode.getKey())
                    .evaluate(Fixtures.model("digits-mlp.onnx"), Fixtures.evalData(), Fixtures.DIGITS,
                            Metric.accuracy()));
            assertThat(outcome.failure()).as(mode.getKey()).isEqualTo(Failure.INVALID_MODEL);
            assertThat(outcome.message()).as(mode.getKey()).isEqualTo(mode.getValue());
        }
    }
}
