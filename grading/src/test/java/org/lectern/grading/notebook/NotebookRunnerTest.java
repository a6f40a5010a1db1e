package org.lectern.grading.notebook;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;

/** A notebook run in the real sandbox: outputs cell by cell, and a hostile notebook held by the limits. */
class NotebookRunnerTest {

    static final SandboxLimits LIMITS = new SandboxLimits(10, 15, 512L << 20, 16, 1 << 20, 16L << 20, 16L << 20, 16L << 20);

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    private NotebookRunner.Result run(List<String> cells, List<NotebookRunner.CellOutput> seen) throws Exception {
        return new NotebookRunner(new Sandbox(), LIMITS).run(cells, seen::add);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void cellsRunTopToBottomInOneNamespaceAndEachReportsAsItEnds() throws Exception {
        List<NotebookRunner.CellOutput> seen = new ArrayList<>();
        var r = run(List.of("x = 6 * 7\nprint('first')", "import sys\nprint(x)\nprint('warn', file=sys.stderr)",
                "import os\nos.write(1, b'{\"event\": \"cell\", \"cell\": 99, \"stdout\": \"forged\"}\\n')\nprint('third')"), seen);
        assertThat(r.completed()).as(r.problem()).isTrue();
        assertThat(seen).extracting(NotebookRunner.CellOutput::cell).startsWith(0, 1);
        assertThat(r.cells().get(0).stdout()).isEqualTo("first\n");
        assertThat(r.cells().get(1).stdout()).isEqualTo("42\n");
        assertThat(r.cells().get(1).stderr()).isEqualTo("warn\n");
        assertThat(r.packages()).first().asString().startsWith("python 3.");
        // a line the notebook writes to the real stdout is its own output at most, never another run's
        assertThat(r.cells()).extracting(NotebookRunner.CellOutput::stdout).contains("third\n");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void anErrorStopsTheRunAtItsCell() throws Exception {
        var r = run(List.of("print(1)", "1 / 0", "print('never')"), new ArrayList<>());
        assertThat(r.cells()).hasSize(2);
        assertThat(r.cells().get(1).error()).contains("ZeroDivisionError");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void anInfiniteLoopIsStoppedByTheTimeLimitAndTheCellsBeforeItAreKept() throws Exception {
        var r = run(List.of("print('before')", "while True:\n    pass"), new ArrayList<>());
        assertThat(r.completed()).isFalse();
        assertThat(r.problem()).containsAnyOf("CPU time", "wall-time");
        assertThat(r.cells()).extracting(NotebookRunner.CellOutput::stdout).containsExactly("before\n");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void aForkBombHitsTheProcessLimit() throws Exception {
        var r = run(List.of("""
                import os
                n = 0
                try:
                    for _ in range(1000):
                        if os.fork() == 0:
                            import time
                            time.sleep(30)
                            os._exit(0)
                        n += 1
                except OSError as e:
                    print('refused after', n)
                """), new ArrayList<>());
        assertThat(r.cells()).hasSize(1);
        assertThat(r.cells().getFirst().stdout()).startsWith("refused after");
        int forks = Integer.parseInt(r.cells().getFirst().stdout().strip().split(" ")[2]);
        assertThat(forks).isLessThan(LIMITS.maxProcesses());
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void otherFilesOnTheWorkerAreNotThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path elsewhere) throws Exception {
        // another team's notebook on the same worker, outside this run's job folder
        java.nio.file.Path secret = elsewhere.resolve("other-team.ipynb");
        java.nio.file.Files.writeString(secret, "SECRET-OF-ANOTHER-TEAM");
        var r = run(List.of("""
                import glob, os
                for p in ['/etc/shadow', '/root', '/home', '%s']:
                    try:
                        print(p, 'read', len(open(p, 'rb').read()) if not os.path.isdir(p) else os.listdir(p))
                    except Exception as e:
                        print(p, type(e).__name__)
                env = b''
                for p in glob.glob('/proc/*/environ'):
                    try:
                        env += open(p, 'rb').read()
                    except Exception:
                        pass
                print('host environment visible:', b'JAVA_HOME' in env or b'MAVEN' in env)
                print(sorted(os.listdir('/job')))
                """.formatted(secret)), new ArrayList<>());
        String out = r.cells().getFirst().stdout();
        assertThat(out).doesNotContain(" read ").doesNotContain("SECRET");
        assertThat(out).contains("host environment visible: False");
        assertThat(out).contains("['cells.json', 'runner.py']");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void aRunningCellsLinesArriveBeforeItEndsAndAStopEndsTheRun() throws Exception {
        List<String> lines = new ArrayList<>();
        List<NotebookRunner.CellOutput> finished = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        // the cell prints one line, then waits far longer than the test may take: only a streamed line can be seen
        var r = new NotebookRunner(new Sandbox(), LIMITS).run(List.of("import time\nprint('epoch 1 loss 0.5')\ntime.sleep(600)"),
                new NotebookRunner.Listener() {
                    @Override
                    public void lines(int cell, String stream, String text) {
                        lines.add(cell + " " + stream + ": " + text);
                        cancel.set(true);
                    }

                    @Override
                    public void cell(NotebookRunner.CellOutput output) {
                        finished.add(output);
                    }
                }, cancel::get);
        assertThat(lines).containsExactly("0 stdout: epoch 1 loss 0.5\n");
        assertThat(finished).isEmpty();
        assertThat(r.stopped()).isTrue();
        assertThat(r.completed()).isFalse();
        assertThat(r.problem()).isEqualTo("Stopped before the end.");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void aStoppedRunKeepsTheCellsThatFinished() throws Exception {
        List<NotebookRunner.CellOutput> finished = new java.util.concurrent.CopyOnWriteArrayList<>();
        var r = new NotebookRunner(new Sandbox(), LIMITS).run(List.of("print('before')", "while True:\n    pass"),
                finished::add, () -> !finished.isEmpty());
        assertThat(r.stopped()).isTrue();
        assertThat(r.cells()).extracting(NotebookRunner.CellOutput::stdout).containsExactly("before\n");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void aMillionPrintsAreAFewReportsNotAMillion() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        var r = new NotebookRunner(new Sandbox(), LIMITS).run(List.of("for i in range(1_000_000):\n    print(i)"),
                new NotebookRunner.Listener() {
                    @Override
                    public void lines(int cell, String stream, String text) {
                        lines.add(text);
                    }

                    @Override
                    public void cell(NotebookRunner.CellOutput output) {
                    }
                }, () -> false);
        assertThat(r.completed()).as(r.problem()).isTrue();
        // each report holds whole lines only; the finished cell keeps the last 200,000 characters
        assertThat(lines).allSatisfy(t -> assertThat(t).endsWith("\n"));
        assertThat(r.cells().getFirst().stdout()).endsWith("999999\n").hasSizeLessThanOrEqualTo(200_000);
    }
}
