package org.lectern.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one visibility group's pytest files against a submission in the {@link Sandbox} and scores them.
 *
 * <p>Use a fresh job folder per visibility group: student code can read every file in its sandbox, so private
 * tests must never share a job folder (or a run) with a run whose output the student sees.
 *
 * <p>How results travel: pytest runs under {@code pytest_runner.py} (a resource of this package), whose plugin
 * writes one JSON line per test to file descriptor 3, a host file outside the job folder. This beats parsing
 * pytest's console output or a results file in the job folder, both of which a student prints or writes with
 * one line. It is not proof against a determined student: the tests import the student's code into the same
 * Python process, so that code can find descriptor 3, or patch pytest, and write what it likes. Perfect
 * isolation would need the tests to drive the student's code across a process boundary.
 *
 * <p>Points: a file's points are split evenly over the tests collected from it. Tests with a
 * {@code @pytest.mark.points(n)} marker weigh n instead of 1 (markers are weights within the file, so the file's
 * total stays fixed; markers that add up to the file's points are exactly the points). A file whose tests could
 * not be collected scores 0, reported as one outcome named after the file.
 */
public final class PytestHarness {

    static final String PYTHON = "/usr/bin/python3";
    /** Harness files live here inside the job folder; created fresh for every run. */
    static final String HARNESS_DIR = ".lectern";
    private static final int LOG_CHARS = 64 * 1024;
    /** The side channel is read up to this size; it is also capped by maxFileBytes inside the sandbox. */
    private static final long MAX_RESULTS_BYTES = 16L << 20;

    private final Sandbox sandbox;
    private final SandboxLimits limits;

    public PytestHarness() {
        this(new Sandbox(), SandboxLimits.DEFAULT);
    }

    public PytestHarness(Sandbox sandbox, SandboxLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /**
     * Copies {@code tests} into {@code jobDir} (which holds the student's files), runs them, and scores them.
     * Test files overwrite student files of the same name.
     *
     * @throws SandboxException when the sandbox could not start: not the student's fault, retry elsewhere
     */
    public GradingReport run(Path jobDir, List<TestFile> tests) throws IOException, InterruptedException {
        checkNames(tests);
        Path results = Files.createTempFile("lectern-results-", ".jsonl"); // host-only: 0600, outside the job
        try {
            install(jobDir, tests);
            SandboxResult result = sandbox.run(jobDir, command(tests), limits, results);
            List<PytestResults.Event> events = PytestResults.read(results, MAX_RESULTS_BYTES);
            return Scoring.score(tests, events, result, log(result));
        } finally {
            Files.deleteIfExists(results);
        }
    }

    static List<String> command(List<TestFile> tests) {
        List<String> command = new ArrayList<>(List.of(
                PYTHON, "-P", "-B", "/job/" + HARNESS_DIR + "/runner.py",
                "-q", "-p", "no:cacheprovider", "--color=no",
                "--continue-on-collection-errors", // one broken file must not cost the other files' points
                "--rootdir=/job", "-c", "/job/" + HARNESS_DIR + "/pytest.ini",
                "--confcutdir=/job")); // else it is the ini's folder, and /job/conftest.py would be skipped
        if (tests.stream().noneMatch(TestFile::isConftest)) {
            command.add("--noconftest"); // a conftest.py from the student would be loaded before any test
        }
        tests.stream().filter(test -> !test.isConftest()).map(TestFile::name).forEach(command::add);
        return command;
    }

    private static void checkNames(List<TestFile> tests) {
        Set<String> names = new HashSet<>();
        for (TestFile test : tests) {
            if (!names.add(test.name())) {
                throw new IllegalArgumentException("two test files named " + test.name());
            }
            if (test.isConftest() && test.points() != 0) {
                throw new IllegalArgumentException("conftest.py holds fixtures, not tests: give it 0 points");
            }
        }
    }

    /**
     * Writes the test files and the harness into the job folder. Anything already at those names (the student's
     * upload may hold files, directories or symlinks there) is removed first, without following links.
     */
    private static void install(Path jobDir, List<TestFile> tests) throws IOException {
        for (TestFile test : tests) {
            Path target = jobDir.resolve(test.name());
            JobFolder.delete(target);
            Files.write(target, test.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        Path harness = jobDir.resolve(HARNESS_DIR);
        JobFolder.delete(harness);
        if (Files.exists(harness, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("could not clear " + harness);
        }
        Files.createDirectory(harness);
        Files.write(harness.resolve("runner.py"), resource("pytest_runner.py"), StandardOpenOption.CREATE_NEW);
        // Our own ini, so that a pytest.ini, tox.ini, setup.cfg or pyproject.toml of the student is not read.
        Files.writeString(harness.resolve("pytest.ini"), "[pytest]\n", StandardOpenOption.CREATE_NEW);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PytestHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String log(SandboxResult result) {
        StringBuilder log = new StringBuilder(result.stdout());
        if (result.stdoutTruncated()) {
            log.append("\n[output cut at ").append(SandboxLimits.describeBytes(result.limits().maxOutputBytes()))
                    .append("]\n");
        }
        if (!result.stderr().isBlank()) {
            log.append("\n--- stderr ---\n").append(result.stderr());
        }
        if (log.length() > LOG_CHARS) {
            log.setLength(LOG_CHARS);
            log.append("\n[log cut at ").append(LOG_CHARS / 1024).append(" K characters]\n");
        }
        return log.toString();
    }
}
