package org.lectern.grading.live;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.lectern.grading.WorkerJvm;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.WorkerLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The parent's side of a warm {@link LiveInferenceProcess}: starts it (memory-limited with {@code prlimit} and
 * {@code -Xmx}, a cleared environment), sends one request at a time and waits for its answer up to a deadline.
 * A late answer kills the process; a dead process is started again on the next request. Starting takes a JVM's
 * start and a model load (about 1 to 2 s); an answer then takes milliseconds, which is why live exercises do not
 * use the one-process-per-job evaluator.
 *
 * <p>Thread-safe: callers queue on a fair lock for at most the answer deadline, so a burst of requests is answered
 * in order or refused as busy, never piled up without bound.
 */
public final class LiveInferenceWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveInferenceWorker.class);
    private static final String END = "\u0000end";
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    /** What the worker is doing, for status pages. */
    public enum State { STOPPED, STARTING, READY, FAILED }

    private final Path model;
    private final EvaluationLimits limits;
    private final Duration answerTimeout;
    private final WorkerLauncher launcher;
    private final Path workDir;
    private final String cacheDir;
    private final DevicePreference device;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicLong ids = new AtomicLong();

    private volatile State state = State.STOPPED;
    private volatile String lastError;
    private volatile String runningOn;
    private Process process;
    private BufferedWriter requests;
    private BlockingQueue<String> answers;

    /**
     * @param limits        wallTime: how long a start (JVM and model load) may take; memory and heap: the
     *                      process's limits
     * @param answerTimeout how long one answer may take, queueing included
     */
    public LiveInferenceWorker(Path model, EvaluationLimits limits, Duration answerTimeout, DevicePreference device,
                               WorkerLauncher launcher, Path workDir, String cacheDir) {
        this.model = model.toAbsolutePath();
        this.limits = limits;
        this.answerTimeout = answerTimeout;
        this.device = device;
        this.launcher = launcher;
        this.workDir = workDir.toAbsolutePath();
        this.cacheDir = cacheDir;
    }

    public State state() {
        return state;
    }

    /** Why the last start or answer failed, or null. */
    public String lastError() {
        return lastError;
    }

    /** "cpu" or "gpu" once started. */
    public String device() {
        return runningOn;
    }

    /** The running process, if any (tests kill it to check the restart). */
    java.util.Optional<ProcessHandle> process() {
        Process p = process;
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.toHandle());
    }

    /** Starts the process now (if it is not running), so that the first student does not wait for it. */
    public void start() throws LiveInferenceException, InterruptedException {
        lock.lockInterruptibly();
        try {
            ensureStarted();
        } finally {
            lock.unlock();
        }
    }

    /** Explains one 8×8 image (values 0..16). */
    public Explanation explain(float[] image) throws LiveInferenceException, InterruptedException {
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        if (!lock.tryLock(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new LiveInferenceException("the model is busy with other students' drawings; try again in a moment");
        }
        try {
            ensureStarted();
            long id = ids.incrementAndGet();
            try {
                requests.write(LiveInferenceProcess.JSON.writeValueAsString(new LiveInferenceProcess.Request(id, image)));
                requests.newLine();
                requests.flush();
            } catch (IOException e) {
                stop("the worker stopped reading: " + e.getMessage());
                throw new LiveInferenceException("the model worker stopped; it restarts with the next drawing");
            }
            // At least the full deadline once started: a slow start must not eat the answer's time.
            long wait = Math.max(deadline - System.nanoTime(), answerTimeout.toNanos());
            while (true) {
                String line = answers.poll(wait, TimeUnit.NANOSECONDS);
                if (line == null) {
                    stop("no answer within " + answerTimeout.toMillis() + " ms");
                    throw new LiveInferenceException("the model did not answer within " + answerTimeout.toMillis()
                            + " ms and was restarted");
                }
                if (line.equals(END)) {
                    String tail = tail();
                    stop("the worker exited");
                    log.warn("live inference worker exited while answering:\n{}", tail);
                    throw new LiveInferenceException("the model worker stopped while answering; it restarts with the"
                            + " next drawing");
                }
                LiveInferenceProcess.Response response = LiveInferenceProcess.JSON.readValue(line,
                        LiveInferenceProcess.Response.class);
                if (response.id() != id) {
                    continue; // an answer to a request that timed out before a restart cannot arrive; skip strays
                }
                if (response.error() != null) {
                    throw new LiveInferenceException(response.error());
                }
                return response.explanation();
            }
        } catch (JacksonException e) {
            stop("unreadable answer: " + e.getOriginalMessage());
            throw new LiveInferenceException("the model worker answered nonsense and was restarted");
        } finally {
            lock.unlock();
        }
    }

    private void ensureStarted() throws LiveInferenceException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        state = State.STARTING;
        long start = System.nanoTime();
        try {
            Files.createDirectories(workDir);
            Path tmp = Files.createDirectories(workDir.resolve("tmp"));
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(PRLIMIT)) {
                command.addAll(List.of(PRLIMIT.toString(), "--data=" + limits.memoryBytes(), "--core=0", "--"));
            }
            command.addAll(launcher.javaCommand(limits.heapBytes(), tmp, workDir, cacheDir, List.of()));
            command.addAll(List.of(model.toString(), "1", device.name(), cacheDir));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(workDir.resolve("worker.log").toFile());
            WorkerJvm.environment(builder, workDir, tmp);
            process = builder.start();
        } catch (IOException e) {
            fail("the model worker could not be started: " + e.getMessage());
        }
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        answers = queue;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("live-inference-reader").start(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // the process went away: END below says so
            }
            queue.add(END);
        });
        String first = queue.poll(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
        if (first == null || first.equals(END)) {
            String tail = tail();
            stop(first == null ? "start timed out" : "exited at start");
            log.warn("live inference worker did not start:\n{}", tail);
            fail(first == null ? "the model worker did not start within " + limits.wallTime().toSeconds() + " s"
                    : "the model worker exited while starting");
        }
        LiveInferenceProcess.Ready ready = LiveInferenceProcess.JSON.readValue(first, LiveInferenceProcess.Ready.class);
        if (!ready.ready()) {
            stop(ready.error());
            fail("the live model could not be loaded: " + ready.error());
        }
        runningOn = ready.device();
        state = State.READY;
        lastError = null;
        log.info("live inference worker {} ready on {} in {} ms (model load {} ms)", process.pid(), ready.device(),
                (System.nanoTime() - start) / 1_000_000, Math.round(ready.loadMillis()));
    }

    private void fail(String message) throws LiveInferenceException {
        state = State.FAILED;
        lastError = message;
        throw new LiveInferenceException(message);
    }

    private void stop(String why) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            log.info("live inference worker {} stopped: {}", process.pid(), why);
        }
        process = null;
        state = State.FAILED;
        lastError = why;
    }

    private String tail() {
        return WorkerJvm.logTail(workDir.resolve("worker.log"), 4096);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
            state = State.STOPPED;
        } finally {
            lock.unlock();
        }
    }
}
