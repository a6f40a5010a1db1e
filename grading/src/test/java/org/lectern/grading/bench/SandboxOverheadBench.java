package org.lectern.grading.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lectern.grading.GradingReport;
import org.lectern.grading.PytestHarness;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.TestFile;

/**
 * What the sandbox and harness cost per grading run: median wall time of pytest on a three-test file run
 * directly vs. through {@link PytestHarness}. Prints only; no assertions. Run with {@code java -cp ...} and an
 * optional run count (default 20).
 */
public final class SandboxOverheadBench {

    private static final String SUBMISSION = """
            def add(a, b):
                return a + b
            """;
    private static final String TESTS = """
            from submission import add

            def test_one():
                assert add(1, 2) == 3

            def test_two():
                assert add(-1, 1) == 0

            def test_three():
                assert add(2, 2) == 4
            """;

    private SandboxOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (!Sandbox.available()) {
            System.out.println("sandbox unavailable: " + Sandbox.unavailableReason());
            return;
        }
        Path bareDir = Files.createTempDirectory("lectern-bench-bare-");
        Path jobDir = Files.createTempDirectory("lectern-bench-job-");
        try {
            Files.writeString(bareDir.resolve("submission.py"), SUBMISSION);
            Files.writeString(bareDir.resolve("test_three.py"), TESTS);
            Files.writeString(jobDir.resolve("submission.py"), SUBMISSION);
            PytestHarness harness = new PytestHarness(new Sandbox(), SandboxLimits.DEFAULT);
            List<TestFile> tests = List.of(new TestFile("test_three.py", TESTS.getBytes(StandardCharsets.UTF_8), 3));

            bare(bareDir); // warm the page cache for both before timing
            harness.run(jobDir, tests);

            List<Long> bareNanos = new ArrayList<>();
            List<Long> harnessNanos = new ArrayList<>();
            for (int i = 0; i < runs; i++) { // interleaved, so that drift hits both alike
                long start = System.nanoTime();
                bare(bareDir);
                bareNanos.add(System.nanoTime() - start);

                start = System.nanoTime();
                GradingReport report = harness.run(jobDir, tests);
                harnessNanos.add(System.nanoTime() - start);
                if (report.earned() != 3.0) {
                    throw new IllegalStateException("harness run went wrong: " + report.problem() + "\n" + report.log());
                }
            }
            double bare = median(bareNanos) / 1e6;
            double sandboxed = median(harnessNanos) / 1e6;
            System.out.printf(Locale.ROOT, "runs: %d, cpus: %d%n", runs, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "bare pytest (no sandbox)  median %.1f ms%n", bare);
            System.out.printf(Locale.ROOT, "PytestHarness (sandboxed) median %.1f ms%n", sandboxed);
            System.out.printf(Locale.ROOT, "ratio %.2f, overhead %.1f ms%n", sandboxed / bare, sandboxed - bare);
        } finally {
            delete(bareDir);
            delete(jobDir);
        }
    }

    private static void bare(Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                "test_three.py")
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(java.util.Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
                "PYTHONDONTWRITEBYTECODE", "1"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("bare pytest exited with " + exit);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static void delete(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
