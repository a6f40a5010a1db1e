package org.lectern.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.notebook.NotebookRunner;
import org.lectern.notebooks.Notebook;
import org.lectern.platform.blob.BlobStore;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.lectern.workspace.internal.WorkspaceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "notebook-run" job, caller-less: runs the notebook's code cells in the sandbox ({@link NotebookRunner}), stores
 * each cell's output in its own transaction with a NOTIFY (pages follow it), then stores the executed notebook as a new
 * version of the file and ends the run with its time and the worker's packages. Nothing here is graded.
 */
@Component
class NotebookRunWorker {

    private static final Logger log = LoggerFactory.getLogger(NotebookRunWorker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotebookRunRepository runs;
    private final WorkspaceRepository files;
    private final BlobStore blobs;
    private final TransactionTemplate tx;
    private final Sandbox sandbox = new Sandbox();

    NotebookRunWorker(NotebookRunRepository runs, WorkspaceRepository files, BlobStore blobs, TransactionTemplate tx) {
        this.runs = runs;
        this.files = files;
        this.blobs = blobs;
        this.tx = tx;
    }

    void run(long runId, String worker) {
        var run = tx.execute(s -> runs.begin(runId, worker) ? runs.run(runId).orElse(null) : null);
        if (run == null) {
            return; // ended already (cancelled, given up)
        }
        var file = files.file(run.fileId()).orElse(null);
        byte[] original = file == null ? null : blobs.get(file.sha256()).orElse(null);
        if (original == null) {
            giveUp(runId, "The notebook's file is gone.");
            return;
        }
        List<String> cells = ExecutedNotebook.codeCells(Notebook.parse(original));
        SandboxLimits limits = SandboxLimits.DEFAULT.withCpuSeconds(run.estimateSeconds()).withWallSeconds(run.estimateSeconds());
        // placed on the GPU environment: the device nodes this node has are bound in (none on a CPU node)
        Sandbox box = NotebookRunQueue.GPU_ENVIRONMENT.equals(run.environment()) ? sandbox.withDevices(Sandbox.NVIDIA_DEVICES) : sandbox;
        List<ExecutedNotebook.Output> outputs = new ArrayList<>();
        long start = System.nanoTime();
        NotebookRunner.Result result;
        try {
            result = new NotebookRunner(box, limits).run(cells, new NotebookRunner.Listener() {
                @Override
                public void lines(int cell, String stream, String text) {
                    tx.executeWithoutResult(s -> {
                        runs.appendLines(runId, cell, stream.equals("stderr"), text(text));
                        runs.notifyRun(runId);
                    });
                }

                @Override
                public void cell(NotebookRunner.CellOutput c) {
                    var out = new ExecutedNotebook.Output(c.cell(), text(c.stdout()), text(c.stderr()), c.pngBase64(), text(c.error()));
                    outputs.add(out);
                    tx.executeWithoutResult(s -> {
                        runs.putCell(runId, new NotebookRunRepository.CellRow(out.cell(), out.stdout(), out.stderr(),
                                JSON.writeValueAsString(out.pngBase64()), out.error()));
                        runs.notifyRun(runId);
                    });
                }
            }, () -> runs.cancelledBy(runId).isPresent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the sandbox could not start: the pool retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        byte[] executed = ExecutedNotebook.withOutputs(original, outputs);
        tx.executeWithoutResult(s -> {
            long version = files.insertFile(run.teamId(), file.name(), blobs.put(executed), executed.length, startedById(run));
            boolean failed = !result.completed() || outputs.stream().anyMatch(o -> o.error() != null);
            String problem = result.stopped()
                    ? "Cancelled by " + runs.cancelledBy(runId).orElse("someone") + " after " + outputs.size() + " of " + cells.size()
                            + " cells; their outputs are kept."
                    : !result.completed() ? result.problem()
                    : failed ? "A cell raised an error; the cells after it did not run." : null;
            String status = result.stopped() ? "CANCELLED" : result.completed() ? "FINISHED" : "FAILED";
            runs.end(runId, status, seconds, problem, String.join("\n", result.packages()), version);
            runs.notifyRun(runId);
        });
        log.info("notebook run {}: {} cells in {} s", runId, outputs.size(), Math.round(seconds));
    }

    void giveUp(long runId, String reason) {
        tx.executeWithoutResult(s -> {
            runs.end(runId, "FAILED", 0.0, reason, "", null);
            runs.notifyRun(runId);
        });
    }

    private Long startedById(NotebookRunRepository.RunRow run) {
        return runs.startedById(run.id());
    }

    /** PostgreSQL text holds no NUL character; a notebook may print one. */
    private static String text(String s) {
        return s == null ? null : s.replace("\u0000", "");
    }

    static ExecutedNotebook.Output output(NotebookRunRepository.CellRow c) {
        List<String> images = new ArrayList<>();
        JSON.readTree(c.imagesJson()).forEach(n -> images.add(n.asString()));
        return new ExecutedNotebook.Output(c.cell(), c.stdout(), c.stderr(), images, c.error());
    }
}
