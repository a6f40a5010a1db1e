package org.lectern.grading.notebook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.lectern.grading.JobFolder;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.SandboxResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a notebook's code cells top to bottom on a worker, inside the bubblewrap {@link Sandbox} with its limits, by a
 * small kernel-less Python runner (no Jupyter kernel to install on workers): one process execs each cell in one
 * namespace and reports each cell's stdout, stderr, matplotlib figures and error as a JSON line the moment it ends.
 * While a cell runs, its whole lines of output come through {@link Listener#lines} (the runner sends them at most every
 * quarter second), and each finished cell through {@link Listener#cell}. Reading is capped ({@link #MAX_LINE},
 * {@link #MAX_TOTAL}); a line that is not ours is ignored. A run can be stopped from outside ({@code stop}, asked every
 * {@link #STOP_POLL_MILLIS} ms): the sandbox is killed and the cells that finished are kept.
 */
public final class NotebookRunner {

    public static final int MAX_LINE = 2 << 20;
    public static final long MAX_TOTAL = 32L << 20;

    /** One executed cell (index among the code cells). */
    public record CellOutput(int cell, String stdout, String stderr, List<String> pngBase64, String error) {
    }

    /** How the run ended: the cells reported, the packages seen by the runner, the sandbox's word if it was stopped, and
     * whether {@code stop} stopped it. */
    public record Result(List<CellOutput> cells, List<String> packages, boolean completed, String problem, boolean stopped) {
    }

    /** What the run reports as it goes. */
    public interface Listener {
        /** Whole lines a running cell wrote on {@code stream} ("stdout" or "stderr") since its last report. */
        default void lines(int cell, String stream, String text) {
        }

        /** A cell that finished. */
        void cell(CellOutput output);
    }

    static final long STOP_POLL_MILLIS = 250;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PYTHON = "/usr/bin/python3";

    private final Sandbox sandbox;
    private final SandboxLimits limits;

    public NotebookRunner(Sandbox sandbox, SandboxLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    public Result run(List<String> codeCells, Consumer<CellOutput> onCell) throws IOException, InterruptedException {
        return run(codeCells, onCell::accept, () -> false);
    }

    /** Runs the cells; {@code stop} is asked now and then whether to stop the run (a cancel). */
    public Result run(List<String> codeCells, Listener listener, BooleanSupplier stop) throws IOException, InterruptedException {
        Path job = Files.createTempDirectory("notebook-run-");
        try {
            Files.setPosixFilePermissions(job, PosixFilePermissions.fromString("rwx--x--x"));
            Files.writeString(job.resolve("cells.json"), JSON.writeValueAsString(codeCells));
            try (InputStream runner = NotebookRunner.class.getResourceAsStream("notebook_runner.py")) {
                Files.write(job.resolve("runner.py"), runner.readAllBytes());
            }
            Sandbox.Started started = sandbox.start(job, List.of(PYTHON, "-I", "/job/runner.py"), limits, null, false);
            started.stdin().close();
            AtomicBoolean stopped = new AtomicBoolean();
            Thread watcher = Thread.ofVirtual().start(() -> {
                try {
                    while (!started.exited(STOP_POLL_MILLIS)) {
                        if (stop.getAsBoolean()) {
                            stopped.set(true);
                            started.kill();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // asking failed (the database, say): the run goes on to its own limits
                }
            });
            List<CellOutput> cells = new ArrayList<>();
            List<String> packages = new ArrayList<>();
            long total = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(started.stdout(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) {
                    total += line.length();
                    if (total > MAX_TOTAL) {
                        started.kill();
                        break;
                    }
                    if (line.length() > MAX_LINE || !line.startsWith("{")) {
                        continue;
                    }
                    JsonNode n;
                    try {
                        n = JSON.readTree(line);
                    } catch (JacksonException e) {
                        continue;
                    }
                    String event = n.path("event").asString();
                    if (event.equals("cell")) {
                        List<String> images = new ArrayList<>();
                        n.path("images").forEach(i -> images.add(i.asString()));
                        CellOutput c = new CellOutput(n.path("cell").asInt(), n.path("stdout").asString(""), n.path("stderr").asString(""),
                                images, n.path("error").isNull() || n.path("error").isMissingNode() ? null : n.path("error").asString());
                        cells.add(c);
                        listener.cell(c);
                    } else if (event.equals("out")) {
                        String stream = n.path("stream").asString("");
                        if (stream.equals("stdout") || stream.equals("stderr")) {
                            listener.lines(n.path("cell").asInt(), stream, n.path("text").asString(""));
                        }
                    } else if (event.equals("packages")) {
                        n.path("packages").forEach(p -> packages.add(p.asString()));
                    }
                }
            }
            SandboxResult result = started.await();
            watcher.interrupt();
            watcher.join();
            boolean completed = !stopped.get() && result.exitCode() == 0 && !packages.isEmpty() && total <= MAX_TOTAL;
            String problem = completed ? null : stopped.get() ? "Stopped before the end."
                    : total > MAX_TOTAL ? "The notebook wrote more than " + (MAX_TOTAL >> 20) + " MB of output." : result.explanation();
            return new Result(cells, packages, completed, problem, stopped.get());
        } finally {
            JobFolder.delete(job);
        }
    }
}
