package org.lectern.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one visibility group's pytest files against a submission and scores them.
 *
 * <p>Two processes, two sandboxes, two uids. The tests (trusted) run under pytest in a sandbox whose {@code /job}
 * holds only the autograder's files, owned by root and so read-only to them. The student's code runs in a second
 * sandbox over the student's folder, in {@code student_server.py}. A test's {@code import submission} (or any
 * module the student handed in) gives a proxy; each use of it is a request that the {@link Relay} carries from
 * one sandbox's pipes to the other's. Values cross as plain data (JSON, numpy arrays as .npy bytes; never a
 * pickle), other objects as handles. Results travel as before: one JSON line per test to file descriptor 3 of
 * the test process, a host file outside both job folders. No code of the student's runs in the process that
 * writes them, so no code of the student's can write them.
 *
 * <p>Per call, the student's code has {@link #callSeconds()}; past that, or when its process ends, that test
 * fails with a sentence saying so, and the next request starts a fresh process (up to
 * {@link #MAX_STUDENT_PROCESSES} in a run). The whole run is bounded by the wall limit as before.
 *
 * <p>Points: a file's points are split evenly over the tests collected from it. Tests with a
 * {@code @pytest.mark.points(n)} marker weigh n instead of 1 (markers are weights within the file, so the file's
 * total stays fixed; markers that add up to the file's points are exactly the points). A file whose tests could
 * not be collected scores 0, reported as one outcome named after the file.
 */
public final class PytestHarness {

    static final String PYTHON = "/usr/bin/python3";
    static final String ENV = "/usr/bin/env";
    /** Harness files live here inside each job folder; created fresh for every run. */
    static final String HARNESS_DIR = ".lectern";
    /** Where tests find copies of the student's modules ({@code lectern.source()}); not on their import path. */
    public static final String SOURCE_DIR = "/job/" + HARNESS_DIR + "/student";
    /** A request to the student's code may run this long unless the harness is told otherwise. */
    public static final int DEFAULT_CALL_SECONDS = 30;
    /** The student's process is started at most this many times per run (the first start included). */
    public static final int MAX_STUDENT_PROCESSES = 4;
    private static final int LOG_CHARS = 64 * 1024;
    /** The side channel is read up to this size; it is also capped by maxFileBytes inside the sandbox. */
    private static final long MAX_RESULTS_BYTES = 16L << 20;
    private static final long MAX_SOURCE_BYTES = 2L << 20;
    /** The student's sandbox outlives the tests' wall limit a little: the tests' limit is the one that speaks. */
    private static final int STUDENT_WALL_MARGIN_SECONDS = 10;
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,100}");
    private static final Set<PosixFilePermission> READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Sandbox sandbox;
    private final SandboxLimits limits;
    private final int callSeconds;

    public PytestHarness() {
        this(new Sandbox(), SandboxLimits.DEFAULT);
    }

    public PytestHarness(Sandbox sandbox, SandboxLimits limits) {
        this(sandbox, limits, DEFAULT_CALL_SECONDS);
    }

    public PytestHarness(Sandbox sandbox, SandboxLimits limits, int callSeconds) {
        if (callSeconds < 1) {
            throw new IllegalArgumentException("the per-call limit must be at least 1 s");
        }
        this.sandbox = sandbox;
        this.limits = limits;
        this.callSeconds = callSeconds;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** Seconds one request to the student's code may take; not enforced when it is at least the wall limit. */
    public int callSeconds() {
        return callSeconds;
    }

    /** As {@link #run(Path, List, List)} without support files. */
    public GradingReport run(Path jobDir, List<TestFile> tests) throws IOException, InterruptedException {
        return run(jobDir, tests, List.of());
    }

    /**
     * Runs {@code tests} against the student's files in {@code jobDir} and scores them. The tests and the support
     * files for the tests' side go into a folder of their own; support files for the student's side are written
     * into {@code jobDir} (replacing student files of the same name).
     *
     * @throws SandboxException when a sandbox could not start: not the student's fault, retry elsewhere
     */
    public GradingReport run(Path jobDir, List<TestFile> tests, List<SupportFile> support)
            throws IOException, InterruptedException {
        checkNames(tests, support);
        Path results = Files.createTempFile("lectern-results-", ".jsonl"); // host-only: 0600, outside both jobs
        Path testsDir = Files.createTempDirectory("lectern-tests-");
        try {
            List<String> modules = installStudentSide(jobDir, support);
            installTestsSide(testsDir, jobDir, tests, support, modules);
            Relay relay = Relay.start(sandbox, testsDir, command(tests, support), limits, results, jobDir, studentCommand(),
                    limits.withWallSeconds(limits.wallSeconds() + STUDENT_WALL_MARGIN_SECONDS), callSeconds,
                    MAX_STUDENT_PROCESSES);
            SandboxResult result = relay.awaitTests();
            List<PytestResults.Event> events = PytestResults.read(results, MAX_RESULTS_BYTES);
            return Scoring.score(tests, events, result, log(result, relay.studentOutput()));
        } finally {
            Files.deleteIfExists(results);
            JobFolder.delete(testsDir);
        }
    }

    static List<String> command(List<TestFile> tests, List<SupportFile> support) {
        List<String> command = new ArrayList<>(List.of(
                ENV, "HOME=/tmp", PYTHON, "-I", "-B", "/job/" + HARNESS_DIR + "/runner.py",
                "-q", "-p", "no:cacheprovider", "--color=no",
                "--continue-on-collection-errors", // one broken file must not cost the other files' points
                "--rootdir=/job", "-c", "/job/" + HARNESS_DIR + "/pytest.ini",
                "--confcutdir=/job")); // else it is the ini's folder, and /job/conftest.py would be skipped
        if (tests.stream().noneMatch(TestFile::isConftest)
                && support.stream().noneMatch(file -> !file.forStudent() && file.path().equals("conftest.py"))) {
            command.add("--noconftest"); // pytest's own lookup would find nothing else: the folder is the autograder's
        }
        tests.stream().filter(test -> !test.isConftest()).map(TestFile::name).forEach(command::add);
        return command;
    }

    /** -I: no user site, no PYTHON* variables, neither the script's folder nor the working folder on sys.path. */
    static List<String> studentCommand() {
        return List.of(ENV, "HOME=/tmp", PYTHON, "-I", "-B", "/job/" + HARNESS_DIR + "/student_server.py");
    }

    private static void checkNames(List<TestFile> tests, List<SupportFile> support) {
        Set<String> names = new HashSet<>();
        for (TestFile test : tests) {
            if (!names.add(test.name())) {
                throw new IllegalArgumentException("two test files named " + test.name());
            }
            if (test.isConftest() && test.points() != 0) {
                throw new IllegalArgumentException("conftest.py holds fixtures, not tests: give it 0 points");
            }
        }
        Set<String> studentPaths = new HashSet<>();
        for (SupportFile file : support) {
            if (!(file.forStudent() ? studentPaths : names).add(file.path())) {
                throw new IllegalArgumentException("two files at " + file.path());
            }
        }
    }

    /** The student's server and the autograder's files for the student; returns the student's top-level modules. */
    private static List<String> installStudentSide(Path jobDir, List<SupportFile> support) throws IOException {
        for (SupportFile file : support) {
            if (file.forStudent()) {
                write(jobDir, file.path(), file.content());
            }
        }
        Path harness = jobDir.resolve(HARNESS_DIR);
        JobFolder.delete(harness);
        if (Files.exists(harness, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("could not clear " + harness);
        }
        Files.createDirectory(harness);
        Files.write(harness.resolve("student_server.py"), resource("student_server.py"), StandardOpenOption.CREATE_NEW);
        Files.write(harness.resolve("wire.py"), resource("wire.py"), StandardOpenOption.CREATE_NEW);
        Files.createDirectory(harness.resolve("shims"));
        Files.write(harness.resolve("shims/otter.py"), resource("student_shims/otter.py"), StandardOpenOption.CREATE_NEW);
        List<String> modules = new ArrayList<>();
        try (Stream<Path> entries = Files.list(jobDir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".py") && MODULE.matcher(name.substring(0, name.length() - 3)).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    modules.add(name.substring(0, name.length() - 3));
                } else if (MODULE.matcher(name).matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    modules.add(name); // a package, or a namespace package
                }
            }
        }
        return modules;
    }

    /**
     * The tests' folder: test files, support files, the runner, the list of the student's modules, and copies of
     * the student's modules' text. Owned by root (as root) and readable by all, so the test process reads but
     * cannot change it. Written before any code of the student's has run, so the student's folder holds only
     * what was handed in.
     */
    private static void installTestsSide(Path testsDir, Path jobDir, List<TestFile> tests, List<SupportFile> support,
                                         List<String> modules) throws IOException {
        Files.setPosixFilePermissions(testsDir, READABLE_DIR);
        for (TestFile test : tests) {
            write(testsDir, test.name(), test.content());
        }
        for (SupportFile file : support) {
            if (!file.forStudent()) {
                write(testsDir, file.path(), file.content());
            }
        }
        write(testsDir, HARNESS_DIR + "/runner.py", resource("pytest_runner.py"));
        write(testsDir, HARNESS_DIR + "/wire.py", resource("wire.py"));
        byte[] decorators = resource("shims/gradescope_decorators.py");
        write(testsDir, HARNESS_DIR + "/shims/gradescope_utils/__init__.py", new byte[0]);
        write(testsDir, HARNESS_DIR + "/shims/gradescope_utils/autograder_utils/__init__.py", new byte[0]);
        write(testsDir, HARNESS_DIR + "/shims/gradescope_utils/autograder_utils/decorators.py", decorators);
        write(testsDir, HARNESS_DIR + "/shims/lectern_otter.py", resource("shims/lectern_otter.py"));
        // Our own ini, so that no other ini, tox.ini, setup.cfg or pyproject.toml is read.
        write(testsDir, HARNESS_DIR + "/pytest.ini", "[pytest]\n".getBytes(StandardCharsets.UTF_8));
        String list = modules.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(", ", "{\"modules\": [", "]}"));
        write(testsDir, HARNESS_DIR + "/student.json", list.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(testsDir.resolve(HARNESS_DIR + "/student"));
        setReadable(testsDir.resolve(HARNESS_DIR + "/student"), true);
        for (String module : modules) {
            Path file = jobDir.resolve(module + ".py");
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_SOURCE_BYTES) {
                write(testsDir, HARNESS_DIR + "/student/" + module + ".py", Files.readAllBytes(file));
            }
        }
    }

    /** Writes below {@code root}, replacing what is there without following links, readable by the sandbox uids. */
    private static void write(Path root, String relative, byte[] content) throws IOException {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("path outside the job folder: " + relative);
        }
        Path relativePath = root.relativize(target);
        Path dir = root;
        for (int i = 0; i < relativePath.getNameCount() - 1; i++) {
            dir = dir.resolve(relativePath.getName(i));
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                JobFolder.delete(dir); // a student's file or symlink where a support folder goes
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
                setReadable(dir, true);
            }
        }
        JobFolder.delete(target);
        Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        setReadable(target, false);
    }

    private static void setReadable(Path path, boolean dir) throws IOException {
        Files.setPosixFilePermissions(path, dir ? READABLE_DIR : READABLE_FILE);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PytestHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** pytest's report (the test process's output), then what the student's code printed. */
    private static String log(SandboxResult result, String studentOutput) {
        StringBuilder log = new StringBuilder(result.stderr());
        if (result.stderrTruncated()) {
            log.append("\n[output cut at ").append(SandboxLimits.describeBytes(result.limits().maxOutputBytes()))
                    .append("]\n");
        }
        if (!studentOutput.isBlank()) {
            log.append("\n--- output of your code ---\n").append(studentOutput);
        }
        if (log.length() > LOG_CHARS) {
            log.setLength(LOG_CHARS);
            log.append("\n[log cut at ").append(LOG_CHARS / 1024).append(" K characters]\n");
        }
        return log.toString();
    }
}
