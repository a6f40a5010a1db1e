package org.lectern.grading.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lectern.grading.JobFolder;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.WorkerJvm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Evaluates a model in a worker process of its own, so that a hostile or broken model (huge, malformed, an
 * operator that loops, a crash in native code) fails its own job with a clear message and nothing else.
 *
 * <p>Steps: {@link ModelValidator#validate} here first (pure Java; a model that fails it never starts a
 * process); then a job folder with a job file; then {@code prlimit --data=… --cpu=… --core=0 -- java -Xmx… …
 * ModelEvaluationProcess job.json} with a cleared environment and the job folder as its temporary directory; a
 * wall-clock limit from the process's start, after which it is killed with SIGKILL; the report file read back;
 * the job folder deleted. Without {@code /usr/bin/prlimit} only the Java heap is limited (logged once).
 *
 * <p>Thread-safe: each call has its own job folder and process, so a worker pool may run several at once (each
 * with {@link EvaluatorOptions#intraOpThreads()} threads of its own).
 *
 * <p>GPU workers: ONNX Runtime's GPU build unpacks its CUDA provider (about 580 MB) into the temporary directory
 * whenever a process first asks for CUDA; start the worker JVM with {@code -Donnxruntime.native.path=} pointing at
 * an unpacked copy, which is passed on to every evaluation process, so that no job unpacks its own.
 *
 * <p>The process limits are resource limits, not a sandbox: the worker runs with the caller's user and file
 * access. ONNX models cannot run code of their choosing (no custom operator libraries are loaded, tensors in
 * external files are refused), so resource exhaustion is the threat these limits address.
 */
public final class IsolatedModelEvaluator {

    private static final Logger log = LoggerFactory.getLogger(IsolatedModelEvaluator.class);
    static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final int LOG_TAIL_BYTES = 8192;
    private static volatile boolean warnedNoPrlimit;

    private final EvaluationLimits limits;
    private final EvaluatorOptions options;
    private final WorkerLauncher launcher;
    private final Path workRoot;

    /** Workers from this JVM's class path, job folders under {@code java.io.tmpdir/lectern-model-jobs}. */
    public IsolatedModelEvaluator(EvaluationLimits limits, EvaluatorOptions options) {
        this(limits, options, WorkerLauncher.currentJvm(),
                Path.of(System.getProperty("java.io.tmpdir"), "lectern-model-jobs"));
    }

    public IsolatedModelEvaluator(EvaluationLimits limits, EvaluatorOptions options, WorkerLauncher launcher,
                                  Path workRoot) {
        this.limits = limits;
        this.options = options;
        this.launcher = launcher;
        this.workRoot = workRoot.toAbsolutePath(); // the worker runs inside its job folder: a relative root would not resolve there
    }

    public EvaluationLimits limits() {
        return limits;
    }

    /**
     * Validates the model, then evaluates it on the data folder ({@link EvaluationData} format) in a worker
     * process.
     *
     * @throws IOException          the model file cannot be read, or the job folder cannot be written
     * @throws InterruptedException the caller was interrupted; the worker is killed first
     */
    public EvaluationOutcome evaluate(Path model, Path dataFolder, ModelSpec spec, Metric metric)
            throws IOException, InterruptedException {
        ValidationReport validation = ModelValidator.validate(model, spec);
        if (!validation.ok()) {
            return new EvaluationOutcome.Failed(Failure.INVALID_MODEL, String.join("; ", validation.problems()),
                    validation.problems(), "");
        }
        Files.createDirectories(workRoot);
        Path job = Files.createTempDirectory(workRoot, "job-");
        try {
            return run(job, model, dataFolder, spec, metric);
        } finally {
            JobFolder.delete(job);
        }
    }

    private EvaluationOutcome run(Path job, Path model, Path dataFolder, ModelSpec spec, Metric metric)
            throws IOException, InterruptedException {
        Path tmp = Files.createDirectory(job.resolve("tmp"));
        Path jobFile = job.resolve("job.json");
        Path reportFile = job.resolve("report.json");
        Path logFile = job.resolve("worker.log");
        String cacheDir = options.cacheDir() != null ? options.cacheDir()
                : Path.of(System.getProperty("java.io.tmpdir"), "lectern-djl").toString();
        EvaluatorOptions workerOptions = new EvaluatorOptions(options.batchSize(), options.intraOpThreads(),
                options.device(), options.latencySamples(), cacheDir);
        ModelEvaluationProcess.Job request = new ModelEvaluationProcess.Job(model.toAbsolutePath().toString(),
                dataFolder.toAbsolutePath().toString(), spec, metric, workerOptions, reportFile.toString());
        Files.writeString(jobFile, ModelEvaluationProcess.JSON.writeValueAsString(request));

        ProcessBuilder builder = new ProcessBuilder(command(jobFile, tmp, job, cacheDir))
                .directory(job.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        WorkerJvm.environment(builder, job, tmp);

        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            WorkerJvm.kill(process);
            throw e;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            WorkerJvm.kill(process);
            log.info("model evaluation of {} stopped at its {} wall-time limit", model.getFileName(),
                    limits.wallTimeText());
            return new EvaluationOutcome.Failed(Failure.TIME_LIMIT,
                    "evaluation exceeded " + limits.wallTimeText() + " and was stopped", List.of(), tail(logFile));
        }
        int exitCode = process.exitValue();
        String workerLog = tail(logFile);
        if (Files.isRegularFile(reportFile)) {
            ModelEvaluationProcess.Report report;
            try {
                report = ModelEvaluationProcess.JSON.readValue(Files.readString(reportFile),
                        ModelEvaluationProcess.Report.class);
            } catch (JacksonException e) {
                return new EvaluationOutcome.Failed(Failure.WORKER_CRASHED, "the evaluation worker wrote an"
                        + " unreadable report", List.of(), workerLog);
            }
            if (report.result() != null) {
                EvaluationResult result = report.result();
                log.info("model evaluation of {}: {} {} on {} ({}), {} images/s, worker {} ms", model.getFileName(),
                        result.metric().displayName(), result.scores(), result.device(), result.executionProvider(),
                        Math.round(result.imagesPerSecond()), wall.toMillis());
                return new EvaluationOutcome.Evaluated(result, wall);
            }
            log.info("model evaluation of {} failed: {} {}", model.getFileName(), report.failure(), report.message());
            String message = report.failure() == Failure.OUT_OF_MEMORY ? outOfMemory() : report.message();
            return new EvaluationOutcome.Failed(report.failure(), message, report.problems(), workerLog);
        }
        log.info("model evaluation worker for {} exited with {} and no report", model.getFileName(), exitCode);
        if (ModelEvaluator.looksLikeOutOfMemory(workerLog) || workerLog.contains("OutOfMemoryError")
                || workerLog.contains("insufficient memory") || exitCode == 128 + 9) {
            return new EvaluationOutcome.Failed(Failure.OUT_OF_MEMORY, outOfMemory(), List.of(), workerLog);
        }
        String how = exitCode > 128 ? "was ended by signal " + (exitCode - 128) : "exited with code " + exitCode;
        return new EvaluationOutcome.Failed(Failure.WORKER_CRASHED,
                "the evaluation worker " + how + " while running the model", List.of(), workerLog);
    }

    private String outOfMemory() {
        return "the model ran out of memory (limit " + SandboxLimits.describeBytes(limits.memoryBytes()) + ")";
    }

    List<String> command(Path jobFile, Path tmp, Path job, String cacheDir) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            long cpuSeconds = limits.wallTime().toSeconds() * Math.max(1, options.intraOpThreads()) + 10;
            command.addAll(List.of(PRLIMIT.toString(), "--data=" + limits.memoryBytes(), "--cpu=" + cpuSeconds,
                    "--core=0", "--"));
        } else if (!warnedNoPrlimit) {
            warnedNoPrlimit = true;
            log.warn("{} is missing: model evaluations are limited only in Java heap and wall time", PRLIMIT);
        }
        command.addAll(launcher.javaCommand(limits.heapBytes(), tmp, job, cacheDir, List.of()));
        command.add(jobFile.toString());
        return command;
    }

    private static String tail(Path logFile) {
        return WorkerJvm.logTail(logFile, LOG_TAIL_BYTES);
    }
}
