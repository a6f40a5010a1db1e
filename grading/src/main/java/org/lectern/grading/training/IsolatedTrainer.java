package org.lectern.grading.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.lectern.grading.JobFolder;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.WorkerJvm;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.WorkerLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Runs one training job in a worker process of its own ({@link TrainingProcess}) and hands its epochs to the caller
 * while it trains, as model evaluation does for models ({@code IsolatedModelEvaluator}): {@code prlimit --data=…
 * --cpu=… --core=0 -- java -Xmx… … TrainingProcess job.json}, with a cleared environment and the job folder as its
 * temporary directory; a wall-clock limit after which the process is killed (SIGKILL), and a stop check the caller
 * answers (a student pressed Cancel, a quota ran out) that kills it too. The worker reports on standard output, one line per event;
 * {@link Listener} hears them on the calling thread, in order.
 *
 * <p>Deep Java Library runs offline: it unpacks libtorch from the class path into {@code cacheDir} once (about 5 s)
 * and never downloads. Thread-safe: each call has its own job folder and process.
 */
public final class IsolatedTrainer {

    /** Hears a running job, on the thread that called {@link #train}. */
    public interface Listener {
        default void started(TrainingEvent.Started started) {
        }

        default void epoch(EpochMetrics epoch) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IsolatedTrainer.class);
    static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final int LOG_TAIL_LINES = 80;
    private static final long STOP_CHECK_MILLIS = 500;
    private static final Object END = new Object();
    private static volatile boolean warnedNoPrlimit;

    private final TrainingLimits limits;
    private final WorkerLauncher launcher;
    private final Path workRoot;
    private final String cacheDir;
    private final DevicePreference device;

    /**
     * @param launcher how to start the worker JVM ({@code WorkerLauncher.forThisApplication(TrainingProcess.class)})
     * @param workRoot where job folders go (made absolute)
     * @param cacheDir DJL's cache (libtorch unpacked once); null for {@code java.io.tmpdir/lectern-djl}
     */
    public IsolatedTrainer(TrainingLimits limits, WorkerLauncher launcher, Path workRoot, String cacheDir, DevicePreference device) {
        this.limits = limits;
        this.launcher = launcher;
        this.workRoot = workRoot.toAbsolutePath();
        this.cacheDir = cacheDir != null ? cacheDir : Path.of(System.getProperty("java.io.tmpdir"), "lectern-djl").toString();
        this.device = device;
    }

    public TrainingLimits limits() {
        return limits;
    }

    /**
     * Trains in a worker process.
     *
     * @param wallLimit how long this run may take at most (JVM start included); capped at the limits' wall time
     * @param stop      asked about every half second while training; true kills the worker (status {@code CANCELLED})
     * @throws IOException          the job folder cannot be written or the worker cannot start
     * @throws InterruptedException the caller was interrupted; the worker is killed first
     */
    public TrainingOutcome train(String dataset, TrainingConfig config, Duration wallLimit, Listener listener, BooleanSupplier stop)
            throws IOException, InterruptedException {
        Duration wall = wallLimit == null || wallLimit.compareTo(limits.wallTime()) > 0 ? limits.wallTime() : wallLimit;
        Files.createDirectories(workRoot);
        Path job = Files.createTempDirectory(workRoot, "training-");
        try {
            return run(job, new TrainingProcess.Job(dataset, config, device), wall, listener, stop);
        } finally {
            JobFolder.delete(job);
        }
    }

    private TrainingOutcome run(Path job, TrainingProcess.Job request, Duration wall, Listener listener, BooleanSupplier stop)
            throws IOException, InterruptedException {
        Path tmp = Files.createDirectory(job.resolve("tmp"));
        Path jobFile = job.resolve("job.json");
        Files.writeString(jobFile, TrainingProcess.JSON.writeValueAsString(request));
        int threads = limits.threads();
        long wallSeconds = Math.max(1, (wall.toMillis() + 999) / 1000);
        ProcessBuilder builder = new ProcessBuilder(command(jobFile, tmp, job, wallSeconds, threads))
                .directory(job.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = WorkerJvm.environment(builder, job, tmp);
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        environment.put("MKL_NUM_THREADS", Integer.toString(threads));

        long start = System.nanoTime();
        long deadline = start + wall.toNanos();
        Process process = builder.start();
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        ArrayDeque<String> tail = new ArrayDeque<>();
        Thread.ofPlatform().daemon().name("lectern-training-out-" + process.pid()).start(() -> read(process, events, tail));

        TrainingEvent.Started started = null;
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingEvent ended = null;
        TrainingOutcome.Status stoppedBy = null;
        long nextStopCheck = start;
        try {
            while (true) {
                long now = System.nanoTime();
                Object item = events.poll(Math.max(1, Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(STOP_CHECK_MILLIS))),
                        TimeUnit.NANOSECONDS);
                if (item == END) {
                    break;
                }
                if (item instanceof TrainingEvent event) {
                    switch (event) {
                        case TrainingEvent.Started s -> {
                            started = s;
                            listener.started(s);
                        }
                        case TrainingEvent.Epoch e -> {
                            epochs.add(e.metrics());
                            listener.epoch(e.metrics());
                        }
                        case TrainingEvent.Finished f -> ended = f;
                        case TrainingEvent.Failed f -> ended = f;
                    }
                }
                now = System.nanoTime();
                if (ended == null && now - deadline >= 0) {
                    stoppedBy = TrainingOutcome.Status.TIME_LIMIT;
                    break;
                }
                if (ended == null && now - nextStopCheck >= 0) {
                    nextStopCheck = now + TimeUnit.MILLISECONDS.toNanos(STOP_CHECK_MILLIS);
                    if (stop.getAsBoolean()) {
                        stoppedBy = TrainingOutcome.Status.CANCELLED;
                        break;
                    }
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            WorkerJvm.kill(process);
            throw e;
        }
        if (stoppedBy != null) {
            WorkerJvm.kill(process);
            // Epochs that ended just before the kill still count: they were trained and paid for.
            for (Object item = events.poll(); item != null && item != END; item = events.poll()) {
                if (item instanceof TrainingEvent.Epoch e) {
                    epochs.add(e.metrics());
                    listener.epoch(e.metrics());
                } else if (item instanceof TrainingEvent.Started s && started == null) {
                    started = s;
                    listener.started(s);
                }
            }
        } else if (!process.waitFor(10, TimeUnit.SECONDS)) {
            WorkerJvm.kill(process);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String workerLog = tail(tail);
        TrainingOutcome outcome = outcome(stoppedBy, ended, process, started, epochs, took, wall, workerLog);
        log.info("training {} on {}: {} after {} epochs, {} ms{}", request.config().architecture().key(), request.dataset(),
                outcome.status(), epochs.size(), took.toMillis(), started == null ? "" : " on " + started.device());
        return outcome;
    }

    private TrainingOutcome outcome(TrainingOutcome.Status stoppedBy, TrainingEvent ended, Process process,
                                    TrainingEvent.Started started, List<EpochMetrics> epochs, Duration took, Duration wall,
                                    String workerLog) {
        if (stoppedBy == TrainingOutcome.Status.TIME_LIMIT) {
            return new TrainingOutcome(stoppedBy, "training exceeded its time limit of " + seconds(wall) + " and was stopped",
                    started, epochs, took, workerLog);
        }
        if (stoppedBy == TrainingOutcome.Status.CANCELLED) {
            return new TrainingOutcome(stoppedBy, "stopped by the caller", started, epochs, took, workerLog);
        }
        if (ended instanceof TrainingEvent.Finished f) {
            return new TrainingOutcome(f.diverged() ? TrainingOutcome.Status.DIVERGED : TrainingOutcome.Status.COMPLETED,
                    f.message(), started, epochs, took, workerLog);
        }
        if (ended instanceof TrainingEvent.Failed f) {
            boolean memory = f.message().contains("heap ran out") || f.message().contains("allocate memory")
                    || f.message().contains("bad_alloc");
            return new TrainingOutcome(memory ? TrainingOutcome.Status.OUT_OF_MEMORY : TrainingOutcome.Status.FAILED,
                    memory ? outOfMemory() : f.message(), started, epochs, took, workerLog);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        if (workerLog.contains("OutOfMemoryError") || workerLog.contains("insufficient memory") || workerLog.contains("bad_alloc")
                || exit == 128 + 9) {
            return new TrainingOutcome(TrainingOutcome.Status.OUT_OF_MEMORY, outOfMemory(), started, epochs, took, workerLog);
        }
        String how = exit > 128 ? "was ended by signal " + (exit - 128) : "exited with code " + exit;
        return new TrainingOutcome(TrainingOutcome.Status.CRASHED, "the training worker " + how + " before it finished",
                started, epochs, took, workerLog);
    }

    private String outOfMemory() {
        return "training ran out of memory (limit " + SandboxLimits.describeBytes(limits.memoryBytes()) + ")";
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Reads the worker's output: marker lines become events, the rest is kept as the last lines of its log. */
    private static void read(Process process, BlockingQueue<Object> events, ArrayDeque<String> tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(TrainingEvent.MARKER)) {
                    try {
                        events.add(TrainingProcess.JSON.readValue(line.substring(TrainingEvent.MARKER.length()), TrainingEvent.class));
                        continue;
                    } catch (JacksonException e) {
                        line = "unreadable event: " + line;
                    }
                }
                synchronized (tail) {
                    tail.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
                    if (tail.size() > LOG_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed under us: what was read stands.
        } finally {
            events.add(END);
        }
    }

    private static String tail(ArrayDeque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    List<String> command(Path jobFile, Path tmp, Path job, long wallSeconds, int threads) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            long cpuSeconds = wallSeconds * (threads + 1) + 10;
            command.addAll(List.of(PRLIMIT.toString(), "--data=" + limits.memoryBytes(), "--cpu=" + cpuSeconds, "--core=0", "--"));
        } else if (!warnedNoPrlimit) {
            warnedNoPrlimit = true;
            log.warn("{} is missing: training runs are limited only in Java heap and wall time", PRLIMIT);
        }
        command.addAll(launcher.javaCommand(limits.heapBytes(), tmp, job, cacheDir, List.of(
                "-XX:TieredStopAtLevel=1",
                "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dai.djl.default_engine=" + NetworkTrainer.ENGINE)));
        command.add(jobFile.toString());
        return command;
    }
}
