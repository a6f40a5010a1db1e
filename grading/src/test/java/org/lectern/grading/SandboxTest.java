package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Against the real bubblewrap sandbox: every test runs actual code in it. */
class SandboxTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(20).withCpuSeconds(10);

    private final Sandbox sandbox = new Sandbox();

    @TempDir
    Path job;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    private SandboxResult python(SandboxLimits limits, String code) throws Exception {
        return sandbox.run(job, List.of(PYTHON, "-c", code), limits);
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void sleepingForeverIsStoppedByTheWallLimit() throws Exception {
        SandboxResult result = python(LIMITS.withWallSeconds(3), "import time\nwhile True: time.sleep(1)");

        assertThat(result.termination()).isEqualTo(Termination.WALL_TIMEOUT);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.wall()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
        assertThat(result.explanation()).isEqualTo("Your code ran longer than the 3 s wall-time limit and was stopped.");
    }

    @Test
    @Timeout(value = 40, unit = SECONDS)
    void cpuSpinIsStoppedByTheCpuLimitEvenWhenItIgnoresSigxcpu() throws Exception {
        SandboxLimits limits = LIMITS.withCpuSeconds(2).withWallSeconds(30);

        SandboxResult spin = python(limits, "while True: pass");
        assertThat(spin.termination()).isEqualTo(Termination.CPU_LIMIT);
        assertThat(spin.exitCode()).isEqualTo(128 + 24); // SIGXCPU at the soft limit
        assertThat(spin.timedOut()).isFalse();
        assertThat(spin.wall()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20)); // well before the 30 s wall limit
        assertThat(spin.explanation()).isEqualTo("Your code used more than 2 s of CPU time and was stopped.");

        SandboxResult stubborn = python(limits,
                "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True: pass");
        assertThat(stubborn.termination()).isEqualTo(Termination.CPU_LIMIT);
        assertThat(stubborn.exitCode()).isEqualTo(128 + 9); // SIGKILL at the hard limit, one second later
        assertThat(stubborn.wall()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
    }

    @Test
    @Timeout(value = 40, unit = SECONDS)
    void forkLoopStopsAtTheProcessLimitAndLeavesNothingBehind() throws Exception {
        SandboxLimits limits = LIMITS.withMaxProcesses(32).withWallSeconds(10);
        SandboxResult counted = python(limits, """
                import os, time
                forked, error = 0, None
                for _ in range(1000):
                    try:
                        pid = os.fork()
                    except OSError as e:
                        error = type(e).__name__
                        break
                    if pid == 0:
                        time.sleep(60)
                        os._exit(0)
                    forked += 1
                print(forked, error)
                """);
        assertThat(counted.termination()).isEqualTo(Termination.NORMAL);
        String[] printed = counted.stdout().strip().split(" ");
        // 32 processes of the uid, less the two bwrap processes and Python itself.
        assertThat(Integer.parseInt(printed[0])).isBetween(25, 29);
        assertThat(printed[1]).isEqualTo("BlockingIOError");
        // The sleeping children died with the sandbox's pid namespace instead of holding the run open for 60 s.
        assertThat(counted.wall()).isLessThan(Duration.ofSeconds(10));
        if (Sandbox.currentUid() == 0) { // as another user, the uid is the JVM's own
            assertThat(Sandbox.processesOf(counted.uid())).isEmpty(); // gone before run() returned
        }

        SandboxResult bomb = python(limits.withWallSeconds(3), """
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """);
        assertThat(bomb.termination()).isEqualTo(Termination.WALL_TIMEOUT);
        if (Sandbox.currentUid() == 0) {
            assertThat(Sandbox.processesOf(bomb.uid())).isEmpty();
        }

        // The JVM (uid 0 or the worker's user) can still start processes.
        Process alive = new ProcessBuilder("/bin/true").start();
        assertThat(alive.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(alive.exitValue()).isZero();
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void twoGigabyteAllocationFailsUnderA256MiBCap() throws Exception {
        SandboxResult result = python(LIMITS.withMemoryBytes(256L << 20), """
                small = bytearray(64 * 1024 * 1024)
                print("64 MiB ok", flush=True)
                big = bytearray(2 * 1024 ** 3)
                print("2 GiB ok")
                """);

        assertThat(result.stdout()).isEqualTo("64 MiB ok\n");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("MemoryError");
        assertThat(result.termination()).isEqualTo(Termination.NORMAL);
        assertThat(result.memoryExhausted()).isTrue();
        assertThat(result.explanation()).isEqualTo("Your code used more than 256 MiB of memory (the limit) and failed.");
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void networkIsUnreachable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SandboxResult result = python(LIMITS, """
                    import socket
                    def attempt(host, port):
                        try:
                            socket.create_connection((host, port), timeout=2).close()
                            return "connected"
                        except OSError as e:
                            return "%s:%s" % (type(e).__name__, e.errno)
                    print(attempt("127.0.0.1", PORT))
                    print(attempt("1.1.1.1", 53))
                    try:
                        socket.getaddrinfo("example.com", 80)
                        print("resolved")
                    except OSError as e:
                        print(type(e).__name__)
                    """.replace("PORT", Integer.toString(server.getLocalPort())));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout().lines().toList()).containsExactly(
                    "ConnectionRefusedError:111", // the sandbox's own loopback, not the JVM's
                    "OSError:101", // ENETUNREACH: no interfaces but lo
                    "gaierror");
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void nothingOutsideTheJobFolderIsReadableOrWritable() throws Exception {
        Path hostFile = Path.of("pom.xml").toAbsolutePath(); // world-readable on the host
        assertThat(hostFile).isReadable();
        Path hostTmpFile = Files.writeString(Files.createTempFile("lectern-host-", ".txt"), "host secret");
        String marker = "lectern-marker-" + UUID.randomUUID();
        try {
            SandboxResult result = python(LIMITS, """
                    import json, os
                    seen = {}
                    for path in ["HOSTFILE", "HOSTTMP", "/etc/shadow", "/etc/passwd", "/root", "/home", "/work"]:
                        try:
                            if os.path.isdir(path):
                                os.listdir(path)
                            else:
                                open(path, "rb").read(1)
                            seen[path] = "read"
                        except OSError as e:
                            seen[path] = type(e).__name__
                    for path in ["/usr/x", "/etc/x", "/x", "/bin/x", "/dev/x", "/etc/alternatives/x"]:
                        try:
                            with open(path, "w") as f:
                                f.write("x")
                            seen["write " + path] = "written"
                        except OSError as e:
                            seen["write " + path] = "%s:%s" % (type(e).__name__, e.errno)
                    with open("/tmp/MARKER", "w") as f:
                        f.write("inside")
                    seen["/tmp/MARKER"] = open("/tmp/MARKER").read()
                    with open("/job/made-inside.txt", "w") as f:
                        f.write("hello")
                    print(json.dumps(seen))
                    """.replace("HOSTFILE", hostFile.toString()).replace("HOSTTMP", hostTmpFile.toString())
                    .replace("MARKER", marker));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            Map<String, String> seen = new TreeMap<>();
            JsonMapper.builder().build().readTree(result.stdout()).properties()
                    .forEach(entry -> seen.put(entry.getKey(), entry.getValue().asString()));
            Map<String, String> expected = new TreeMap<>();
            for (String path : List.of(hostFile.toString(), hostTmpFile.toString(), "/etc/shadow", "/etc/passwd",
                    "/root", "/home", "/work")) {
                expected.put(path, "FileNotFoundError");
            }
            for (String path : List.of("/usr/x", "/etc/x", "/x", "/bin/x", "/dev/x", "/etc/alternatives/x")) {
                expected.put("write " + path, "OSError:30"); // EROFS
            }
            expected.put("/tmp/" + marker, "inside");
            assertThat(seen).isEqualTo(expected);
            assertThat(Path.of("/tmp", marker)).doesNotExist(); // the sandbox's /tmp is its own
            assertThat(job.resolve("made-inside.txt")).hasContent("hello");
        } finally {
            Files.deleteIfExists(hostTmpFile);
        }
    }

    @Test
    @Timeout(value = 40, unit = SECONDS)
    void outputFloodIsCutAtTheCapWithoutBlockingTheProgram() throws Exception {
        SandboxResult result = python(LIMITS.withMaxOutputBytes(1 << 20), """
                import sys
                chunk = b"x" * (1024 * 1024)
                for _ in range(50):
                    sys.stdout.buffer.write(chunk)
                for _ in range(5):
                    sys.stderr.buffer.write(chunk)
                sys.stdout.flush()
                open("/job/finished", "w").close()
                """);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.termination()).isEqualTo(Termination.NORMAL);
        assertThat(result.stdout()).hasSize(1 << 20).matches("x+");
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stderr()).hasSize(1 << 20);
        assertThat(result.stderrTruncated()).isTrue();
        assertThat(job.resolve("finished")).exists(); // it wrote everything and got to its last line
        assertThat(result.explanation())
                .isEqualTo("Your code ran to the end. It printed more than 1 MiB; the rest of the output was cut off.");
    }

    @Test
    @Timeout(value = 30, unit = SECONDS)
    void environmentIsFixedAndTheJvmsIsNotVisible() throws Exception {
        assertThat(System.getenv("LECTERN_TEST_SECRET")).as("set by surefire in grading/pom.xml")
                .isEqualTo("do-not-leak-4711");

        SandboxResult env = sandbox.run(job, List.of("/usr/bin/env"), LIMITS);
        assertThat(env.exitCode()).isZero();
        assertThat(env.stdout().lines().sorted().toList()).containsExactly(
                "HOME=/job", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "PWD=/job", // PWD: bwrap's --chdir sets it
                "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0");

        SandboxResult who = python(LIMITS, "import os; print(os.getuid(), os.getgid(), os.getcwd(), os.getgroups())");
        assertThat(who.stdout().strip()).isEqualTo(who.uid() + " " + who.uid() + " /job []"); // no supplementary groups
        if (Sandbox.currentUid() == 0) {
            assertThat(who.uid()).isBetween(61000, 61063);
        }
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void parallelRunsGetTheirOwnUidAndProcessBudget() throws Exception {
        // 2 x 40 processes: only fits if each run has its own uid, as RLIMIT_NPROC counts per uid.
        String fortyChildren = """
                import os, time
                children = []
                for _ in range(40):
                    pid = os.fork()
                    if pid == 0:
                        time.sleep(3)
                        os._exit(0)
                    children.append(pid)
                for pid in children:
                    os.waitpid(pid, 0)
                print(len(children))
                """;
        SandboxLimits limits = LIMITS.withMaxProcesses(64);
        Path otherJob = Files.createTempDirectory("lectern-parallel-");
        CountDownLatch ready = new CountDownLatch(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<long[]>> runs = new ArrayList<>();
            List<SandboxResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (Path dir : List.of(job, otherJob)) {
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    long start = System.nanoTime();
                    results.add(sandbox.run(dir, List.of(PYTHON, "-c", fortyChildren), limits));
                    return new long[] {start, System.nanoTime()};
                }));
            }
            long[] first = runs.get(0).get();
            long[] second = runs.get(1).get();
            assertThat(first[0]).as("the runs overlapped").isLessThan(second[1]);
            assertThat(second[0]).as("the runs overlapped").isLessThan(first[1]);
            assertThat(results).hasSize(2).allSatisfy(result -> {
                assertThat(result.exitCode()).as(result.stderr()).isZero();
                assertThat(result.stdout().strip()).isEqualTo("40");
            });
            assertThat(results.get(0).uid()).isNotEqualTo(results.get(1).uid());
        } finally {
            JobFolder.delete(otherJob);
        }
    }

    /** Model evaluation's worker JVM needs its class path: bound read-only where it is, and nothing beside it. */
    @Test
    @Timeout(value = 30, unit = SECONDS)
    void readOnlyBindsAreVisibleButNotWritableAndTheirNeighboursStayHidden() throws Exception {
        Path shared = Files.createTempDirectory("lectern-sandbox-test-");
        try {
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path runtime = Files.createDirectories(shared.resolve("runtime"));
            Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path library = Files.writeString(runtime.resolve("lib.txt"), "library");
            Files.setPosixFilePermissions(library, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Path secret = Files.writeString(shared.resolve("labels.csv"), "id,label,split");
            Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

            SandboxResult result = sandbox.withReadOnly(List.of(runtime)).run(job, List.of(PYTHON, "-c", """
                    import os
                    print(open(%s).read())
                    print(os.path.exists(%s))
                    try:
                        open(%s, "w")
                    except OSError as e:
                        print(e.strerror)
                    """.formatted(quoted(library), quoted(secret), quoted(runtime.resolve("new.txt")))), LIMITS);

            assertThat(result.stdout().lines().toList()).as(result.stderr())
                    .containsExactly("library", "False", "Read-only file system");
        } finally {
            JobFolder.delete(shared);
        }
    }

    private static String quoted(Path path) {
        return "'" + path + "'";
    }
}
