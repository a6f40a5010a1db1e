package org.lectern.grading.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lectern.grading.JobFolder;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxException;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.SandboxResult;
import org.lectern.grading.Termination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a model in a sandboxed process of its own, so that a hostile or broken model (huge, malformed, an
 * operator that loops, a crash in native code, an exploit of ONNX Runtime) fails its own job with a clear message
 * and reaches nothing else.
 *
 * <p>Steps: {@link ModelValidator#validate} here first (pure Java; a model that fails it never starts a process);
 * the evaluation data loaded here, on the trusted side; a job folder holding only the model, the images' stored
 * values ({@code inputs.f32}, every split, in index order: no labels, nothing that tells the splits apart) and a job
 * file; then {@link ModelEvaluationProcess} in a JVM inside the bubblewrap {@link Sandbox}, as student code runs: a
 * pool uid, no network, no host files but {@code /usr}, the JVM's class path and ONNX Runtime's libraries (read-only,
 * {@link SandboxedRuntime}) and the job folder, a fixed environment, the memory and CPU limits, the wall-clock limit
 * from the sandbox's start. The process sends back only the model's scores per image, through file descriptor 3
 * (a host file outside the job folder, size-capped by RLIMIT_FSIZE); they are checked here ({@link ModelOutputs}:
 * rows, shape, finite values, size) and scored against the labels here ({@link ModelScoring}). The job folder is
 * deleted afterwards.
 *
 * <p>Thread-safe: each call has its own job folder, sandbox uid and process, so a worker pool may run several at
 * once (each with {@link EvaluatorOptions#intraOpThreads()} threads of its own).
 *
 * <p>GPU workers: the NVIDIA device nodes are bound into the sandbox when the device preference allows a GPU, and
 * the GPU variables (LD_LIBRARY_PATH, CUDA_VISIBLE_DEVICES…) passed on; CUDA's libraries must be under {@code /usr}
 * (where the NVIDIA container toolkit puts them), since nothing else of the host is bound. ONNX Runtime's GPU build
 * unpacks its CUDA provider (about 580 MB) whenever a process first asks for CUDA; start the worker JVM with
 * {@code -Donnxruntime.native.path=} pointing at an unpacked copy, which is bound read-only and passed on to every
 * evaluation process, so that no job unpacks its own.
 */
public final class IsolatedModelEvaluator {

    private static final Logger log = LoggerFactory.getLogger(IsolatedModelEvaluator.class);
    private static final int LOG_TAIL_BYTES = 8192;
    /** Inside the sandbox: the job folder, its private tmpfs, DJL's cache there. */
    private static final Path JOB = Path.of("/job");
    private static final Path SANDBOX_TMP = Path.of("/tmp");
    private static final String SANDBOX_DJL_CACHE = "/tmp/djl";
    /** JVM, compiler, GC and ONNX Runtime threads all count against the sandbox uid's process limit. */
    private static final int MAX_THREADS = 128;
    private static final long SANDBOX_TMP_BYTES = 64L << 20;
    private static final int SIGXFSZ = 25;
    private static final List<String> GPU_ENVIRONMENT = List.of("LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES",
            "NVIDIA_VISIBLE_DEVICES", "CUDA_HOME");
    private final EvaluationLimits limits;
    private final EvaluatorOptions options;
    private final WorkerLauncher launcher;
    private final Path workRoot;

    /** Workers from this JVM's class path, job folders under {@code java.io.tmpdir/lectern-model-jobs}. */
    public IsolatedModelEvaluator(EvaluationLimits limits, EvaluatorOptions options) {
        this(limits, options, WorkerLauncher.currentJvm(),
                Path.of(System.getProperty("java.io.tmpdir"), "lectern-model-jobs"));
    }

    /**
     * @param workRoot where job folders are made; it and every folder above it must be enterable by others (o+x),
     *                 since the sandbox's uid opens the job folder
     */
    public IsolatedModelEvaluator(EvaluationLimits limits, EvaluatorOptions options, WorkerLauncher launcher,
                                  Path workRoot) {
        this.limits = limits;
        this.options = options;
        this.launcher = launcher;
        this.workRoot = workRoot.toAbsolutePath();
    }

    public EvaluationLimits limits() {
        return limits;
    }

    /**
     * Validates the model, then evaluates it on the data folder ({@link EvaluationData} format) in a sandboxed
     * process.
     *
     * @throws IOException          the model file cannot be read, the job folder cannot be written, or the sandbox
     *                              is not available on this machine ({@link org.lectern.grading.SandboxException})
     * @throws InterruptedException the caller was interrupted; the process is killed first
     */
    public EvaluationOutcome evaluate(Path model, Path dataFolder, ModelSpec spec, Metric metric)
            throws IOException, InterruptedException {
        ValidationReport validation = ModelValidator.validate(model, spec);
        if (!validation.ok()) {
            return new EvaluationOutcome.Failed(Failure.INVALID_MODEL, String.join("; ", validation.problems()),
                    validation.problems(), "");
        }
        EvaluationData data;
        try {
            data = EvaluationData.load(dataFolder);
            LoadedModel.checkData(data, spec);
        } catch (EvaluationDataException e) {
            return new EvaluationOutcome.Failed(Failure.EVALUATION_DATA, "the evaluation data is broken: "
                    + e.getMessage(), List.of(), "");
        } catch (ModelEvaluationException e) {
            return new EvaluationOutcome.Failed(e.failure(), e.getMessage(), List.of(), "");
        }
        if (!Sandbox.available()) {
            throw new SandboxException("models are evaluated only in the sandbox, which is not available here: "
                    + Sandbox.unavailableReason());
        }
        Files.createDirectories(workRoot);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(workRoot);
        if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) { // whatever the umask: the sandbox uid enters
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(workRoot, permissions);
        }
        Path job = Files.createTempDirectory(workRoot, "job-");
        Path outputs = Files.createTempFile("lectern-model-outputs-", ".bin"); // host-only, outside the job
        try {
            return run(job, outputs, model, data, spec, metric, validation.model().parameterCount());
        } finally {
            JobFolder.delete(job);
            Files.deleteIfExists(outputs);
        }
    }

    private EvaluationOutcome run(Path job, Path outputs, Path model, EvaluationData data, ModelSpec spec,
                                  Metric metric, long parameterCount) throws IOException, InterruptedException {
        Files.copy(model, job.resolve("model.onnx"));
        ModelEvaluationProcess.writeInputs(job.resolve("inputs.f32"), data.pixels());
        EvaluatorOptions inside = new EvaluatorOptions(options.batchSize(), options.intraOpThreads(),
                options.device(), options.latencySamples(), SANDBOX_DJL_CACHE);
        ModelEvaluationProcess.Job request = new ModelEvaluationProcess.Job(JOB.resolve("model.onnx").toString(),
                JOB.resolve("inputs.f32").toString(), data.size(), spec, inside);
        Files.writeString(job.resolve("job.json"), ModelEvaluationProcess.JSON.writeValueAsString(request));

        SandboxedRuntime.Prepared runtime = SandboxedRuntime.prepare(launcher);
        Sandbox sandbox = new Sandbox().withReadOnly(runtime.binds());
        if (options.device() != DevicePreference.CPU) {
            sandbox = sandbox.withDevices(Sandbox.NVIDIA_DEVICES);
        }
        int classes = spec.classes();
        SandboxResult result = sandbox.run(job, command(runtime), sandboxLimits(data.size(), classes), outputs);
        String workerLog = tail(result);
        if (result.termination() == Termination.WALL_TIMEOUT) {
            log.info("model evaluation of {} stopped at its {} wall-time limit", model.getFileName(),
                    limits.wallTimeText());
            return new EvaluationOutcome.Failed(Failure.TIME_LIMIT,
                    "evaluation exceeded " + limits.wallTimeText() + " and was stopped", List.of(), workerLog);
        }
        if (result.termination() == Termination.CPU_LIMIT) {
            return new EvaluationOutcome.Failed(Failure.TIME_LIMIT, "evaluation used more than "
                    + result.limits().cpuSeconds() + " s of CPU time and was stopped", List.of(), workerLog);
        }
        long size = Files.size(outputs);
        if (size >= ModelOutputs.maxBytes(data.size(), classes) || result.signal() == SIGXFSZ) {
            return malformed(model, String.format(java.util.Locale.ROOT, "the model's outputs reached the %,d-byte"
                    + " limit; %,d rows of %d float32 scores need %,d", ModelOutputs.maxBytes(data.size(), classes),
                    data.size(), classes, (long) data.size() * classes * Float.BYTES), workerLog);
        }
        if (size > 0) {
            ModelOutputs.Checked checked;
            try {
                checked = ModelOutputs.check(Files.readAllBytes(outputs), data.size(), classes);
            } catch (ModelOutputs.MalformedOutputs e) {
                return malformed(model, e.getMessage(), workerLog);
            }
            ModelOutputs.Header header = checked.header();
            if (checked.failed()) {
                log.info("model evaluation of {} failed: {} {}", model.getFileName(), header.failure(),
                        header.message());
                String message = header.failure() == Failure.OUT_OF_MEMORY ? outOfMemory() : header.message();
                return new EvaluationOutcome.Failed(header.failure(), message, header.problems(), workerLog);
            }
            int samples = header.latencySamples();
            EvaluationResult evaluated = ModelScoring.result(data, checked.scores(), metric, new ModelScoring.Costs(
                    parameterCount, samples == 0 ? Double.NaN : header.latencyMeanMillis(),
                    samples == 0 ? Double.NaN : header.latencyP95Millis(), samples, options.batchSize(),
                    header.device(), header.executionProvider(), header.loadMillis(), header.evaluationMillis()));
            log.info("model evaluation of {}: {} {} on {} ({}), {} images/s, sandboxed worker {} ms",
                    model.getFileName(), evaluated.metric().displayName(), evaluated.scores(), evaluated.device(),
                    evaluated.executionProvider(), Math.round(evaluated.imagesPerSecond()), result.wall().toMillis());
            return new EvaluationOutcome.Evaluated(evaluated, result.wall());
        }
        int exitCode = result.exitCode();
        log.info("model evaluation worker for {} exited with {} and no outputs", model.getFileName(), exitCode);
        if (ModelEvaluator.looksLikeOutOfMemory(workerLog) || workerLog.contains("OutOfMemoryError")
                || workerLog.contains("insufficient memory") || result.memoryExhausted() || exitCode == 128 + 9) {
            return new EvaluationOutcome.Failed(Failure.OUT_OF_MEMORY, outOfMemory(), List.of(), workerLog);
        }
        String how = exitCode > 128 ? "was ended by signal " + (exitCode - 128) : "exited with code " + exitCode;
        return new EvaluationOutcome.Failed(Failure.WORKER_CRASHED,
                "the evaluation worker " + how + " while running the model", List.of(), workerLog);
    }

    private static EvaluationOutcome malformed(Path model, String message, String workerLog) {
        log.info("model evaluation of {}: outputs refused: {}", model.getFileName(), message);
        return new EvaluationOutcome.Failed(Failure.INVALID_MODEL, message, List.of(message), workerLog);
    }

    private String outOfMemory() {
        return "the model ran out of memory (limit " + SandboxLimits.describeBytes(limits.memoryBytes()) + ")";
    }

    /** The evaluation's limits as the sandbox's: memory and wall time as asked, CPU time for every thread. */
    SandboxLimits sandboxLimits(int rows, int classes) {
        int wallSeconds = (int) Math.max(1, (limits.wallTime().toMillis() + 999) / 1000);
        int cpuSeconds = wallSeconds * Math.max(1, options.intraOpThreads()) + 10;
        return new SandboxLimits(cpuSeconds, wallSeconds, limits.memoryBytes(), MAX_THREADS,
                SandboxLimits.DEFAULT.maxOutputBytes(), ModelOutputs.maxBytes(rows, classes), SANDBOX_TMP_BYTES);
    }

    /** The java command line inside the sandbox, GPU variables first when this JVM has them. */
    List<String> command(SandboxedRuntime.Prepared runtime) {
        List<String> command = new ArrayList<>();
        List<String> environment = new ArrayList<>();
        if (options.device() != DevicePreference.CPU) {
            for (String name : GPU_ENVIRONMENT) {
                String value = System.getenv(name);
                if (value != null) {
                    environment.add(name + "=" + value);
                }
            }
        }
        if (!environment.isEmpty()) {
            command.add("/usr/bin/env");
            command.addAll(environment);
        }
        List<String> extra = new ArrayList<>(runtime.jvmOptions());
        extra.add("--add-opens=java.base/java.io=ALL-UNNAMED"); // ModelOutputs.sideChannel: file descriptor 3
        command.addAll(runtime.launcher(launcher).javaCommand(limits.heapBytes(), SANDBOX_TMP, JOB, SANDBOX_DJL_CACHE, extra));
        command.add(JOB.resolve("job.json").toString());
        return command;
    }

    private static String tail(SandboxResult result) {
        String text = result.stdout() + result.stderr();
        return text.length() <= LOG_TAIL_BYTES ? text : text.substring(text.length() - LOG_TAIL_BYTES);
    }
}
