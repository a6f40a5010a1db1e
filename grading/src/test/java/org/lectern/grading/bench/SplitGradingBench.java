package org.lectern.grading.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.grading.GradingReport;
import org.lectern.grading.JobFolder;
import org.lectern.grading.PytestHarness;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.SandboxResult;
import org.lectern.grading.TestFile;

/**
 * What splitting tests and student code into two sandboxes costs: a numpy-heavy kNN autograder (20 tests, each
 * calling the student's functions with 500×3072 float64 arrays, 12 MB each) graded by {@link PytestHarness} (split)
 * and by the in-process runner Lectern used before (tests and student code in one pytest process, kept in this
 * bench's resources only), interleaved, medians. Then the p50 of one proxied call carrying a 12 MB array there and
 * back, timed inside the test process. Prints only; run with an optional round count (default 3).
 */
public final class SplitGradingBench {

    private static final String SUBMISSION = """
            import numpy as np

            def compute_distances(X_train, X_test):
                sq = (X_test ** 2).sum(axis=1)[:, None] + (X_train ** 2).sum(axis=1)[None, :]
                return np.sqrt(np.maximum(sq - 2.0 * X_test @ X_train.T, 0.0))

            def predict_labels(dists, y_train, k=1):
                nearest = np.argsort(dists, axis=1)[:, :k]
                votes = y_train[nearest]
                return np.array([np.bincount(v, minlength=10).argmax() for v in votes])

            def echo(x):
                return x
            """;

    private static final String TESTS = """
            import numpy as np
            import pytest
            from submission import compute_distances, predict_labels

            RNG = np.random.default_rng(7)
            X_TRAIN = RNG.standard_normal((500, 3072))
            Y_TRAIN = RNG.integers(0, 10, 500)

            @pytest.mark.parametrize("case", range(20))
            def test_knn(case):
                x_test = np.random.default_rng(case).standard_normal((500, 3072))
                dists = compute_distances(X_TRAIN, x_test)
                assert dists.shape == (500, 500)
                assert np.all(dists >= 0)
                labels = predict_labels(dists, Y_TRAIN, k=1 + case % 5)
                assert labels.shape == (500,)
            """;

    private static final String ECHO_TEST = """
            import sys, time
            import numpy as np
            from submission import echo

            def test_echo():
                x = np.random.default_rng(0).standard_normal((500, 3072))
                times = []
                for _ in range(31):
                    start = time.perf_counter()
                    y = echo(x)
                    times.append(time.perf_counter() - start)
                    assert y.shape == x.shape
                times.sort()
                assert False, "ECHO_P50_MS %.2f" % (1000 * times[len(times) // 2])  # the figure travels as the message
            """;

    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(300).withCpuSeconds(240)
            .withMemoryBytes(4L << 30);

    private SplitGradingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (!Sandbox.available()) {
            System.out.println("sandbox unavailable: " + Sandbox.unavailableReason());
            return;
        }
        Sandbox sandbox = new Sandbox();
        PytestHarness harness = new PytestHarness(sandbox, LIMITS);
        List<TestFile> tests = List.of(new TestFile("test_knn.py", TESTS.getBytes(StandardCharsets.UTF_8), 20));
        byte[] runner = resource("inprocess_runner.py");

        split(harness, tests); // warm the page cache and numpy's first import on both paths
        inProcess(sandbox, runner);
        List<Double> splitSeconds = new ArrayList<>();
        List<Double> oldSeconds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            splitSeconds.add(split(harness, tests));
            oldSeconds.add(inProcess(sandbox, runner));
        }
        double splitMedian = median(splitSeconds);
        double oldMedian = median(oldSeconds);
        System.out.printf(Locale.ROOT, "kNN autograder, 20 tests, %d rounds: in-process median %.2f s %s, split median %.2f s %s, ratio %.2f%n",
                rounds, oldMedian, oldSeconds, splitMedian, splitSeconds, splitMedian / oldMedian);

        Path job = Files.createTempDirectory("lectern-bench-echo-");
        try {
            Files.writeString(job.resolve("submission.py"), SUBMISSION);
            GradingReport report = harness.run(job, List.of(new TestFile("test_echo.py",
                    ECHO_TEST.getBytes(StandardCharsets.UTF_8), 1)));
            Matcher m = Pattern.compile("ECHO_P50_MS ([0-9.]+)").matcher(report.tests().getFirst().message());
            System.out.println(m.find() ? "proxied call with a 12 MB array there and back: p50 " + m.group(1) + " ms (31 calls)"
                    : "echo test did not report: " + report.problem() + "\n" + report.log());
        } finally {
            JobFolder.delete(job);
        }
    }

    private static double split(PytestHarness harness, List<TestFile> tests) throws Exception {
        Path job = Files.createTempDirectory("lectern-bench-split-");
        try {
            Files.writeString(job.resolve("submission.py"), SUBMISSION);
            long start = System.nanoTime();
            GradingReport report = harness.run(job, tests);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.earned() != 20) {
                throw new IllegalStateException("split run earned " + report.earned() + ": " + report.problem() + "\n" + report.log());
            }
            return seconds;
        } finally {
            JobFolder.delete(job);
        }
    }

    /** The path before the split: tests, harness and student code in one job folder and one pytest process. */
    private static double inProcess(Sandbox sandbox, byte[] runner) throws Exception {
        Path job = Files.createTempDirectory("lectern-bench-old-");
        Path results = Files.createTempFile("lectern-bench-results-", ".jsonl");
        try {
            Files.writeString(job.resolve("submission.py"), SUBMISSION);
            Files.writeString(job.resolve("test_knn.py"), TESTS);
            Files.createDirectory(job.resolve(".lectern"));
            Files.write(job.resolve(".lectern/runner.py"), runner);
            Files.writeString(job.resolve(".lectern/pytest.ini"), "[pytest]\n");
            long start = System.nanoTime();
            SandboxResult result = sandbox.run(job, List.of("/usr/bin/python3", "-P", "-B", "/job/.lectern/runner.py",
                    "-q", "-p", "no:cacheprovider", "--color=no", "--continue-on-collection-errors", "--rootdir=/job",
                    "-c", "/job/.lectern/pytest.ini", "--confcutdir=/job", "--noconftest", "test_knn.py"), LIMITS, results);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.exitCode() != 0 || !result.stdout().contains("20 passed")) {
                throw new IllegalStateException("in-process run failed: " + result.stdout() + result.stderr());
            }
            return seconds;
        } finally {
            Files.deleteIfExists(results);
            JobFolder.delete(job);
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = SplitGradingBench.class.getResourceAsStream("/org/lectern/grading/bench/" + name)) {
            return in.readAllBytes();
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
